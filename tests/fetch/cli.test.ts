import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli, stop } from '../support/cli.ts';
import { useTempDirs } from '../support/temp.ts';
import { page, useTestServer } from './support/server.ts';

const tempDir = useTempDirs();
const startServer = useTestServer();

/** A local server with one report page (UTF-8, ETag "b1") at /baisha/2024.html. */
async function baishaPage() {
  const server = await startServer();
  const html = await readFile(new URL('fixtures/table-layout.html.txt', import.meta.url));
  server.routes.set(
    '/baisha/2024.html',
    page(html, { contentType: 'text/html; charset=utf-8', etag: '"b1"' }),
  );
  return { server, html };
}

describe('opendata fetch', () => {
  it('fetches the registry into a reports folder and an archive, naming each failure on stderr', async () => {
    const { server } = await baishaPage();
    const dir = await tempDir();
    const registry = join(dir, 'sources.json');
    const common = { entity: '白沙街道', year: 2024, kind: '法治政府建设工作报告' };
    await writeFile(
      registry,
      JSON.stringify([
        { ...common, id: 'baisha-2024', url: server.url('/baisha/2024.html') },
        { ...common, id: 'gone-2024', url: server.url('/gone.html') },
      ]),
    );
    const args = [
      'fetch',
      '--sources',
      registry,
      '--out',
      join(dir, 'reports'),
      '--archive',
      join(dir, 'archive'),
    ];

    const refused = await runCli(args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `baisha-2024: ${server.url('/baisha/2024.html')}: 127.0.0.1 is a private address\n`,
    );
    expect(server.requests).toEqual([]);

    const first = await runCli([...args, '--allow-private', '--json']);
    expect(first.stderr).toBe(`gone-2024: ${server.url('/gone.html')}: HTTP 404\n`);
    expect(first.code).toBe(1);
    expect(JSON.parse(first.stdout)).toEqual({
      fetched: ['baisha-2024'],
      unchanged: [],
      discovered: [],
      pending: [],
      failed: [{ id: 'gone-2024', problem: `${server.url('/gone.html')}: HTTP 404` }],
    });
    expect(await readdir(join(dir, 'reports'))).toEqual(['baisha-2024.meta.json', 'baisha-2024.txt']);
    expect((await readFile(join(dir, 'reports', 'baisha-2024.txt'), 'utf8')).split('\n')[0]).toBe(
      '白沙街道2024年法治政府建设工作报告',
    );
    expect(await readdir(join(dir, 'archive', 'sources', 'baisha-2024'))).toHaveLength(1);

    const second = await runCli([...args, '--allow-private']);
    expect(second.stdout).toBe('Fetched 0 report(s), 1 unchanged, 0 newly discovered, 1 failed.\n');
  });

  it('exits 0 with a pending report that a listing links before its page is live', async () => {
    // Three servers, because the CLI waits 2 s between two requests to one host (and port).
    const { server } = await baishaPage();
    const [listingServer, nextYear] = [await startServer(), await startServer()];
    const pendingUrl = nextYear.url('/baisha/2025.html');
    listingServer.routes.set(
      '/list.html',
      page(`<a href="${pendingUrl}">白沙街道2025年法治政府建设工作报告</a>`, {
        contentType: 'text/html; charset=utf-8',
        etag: '"l1"',
      }),
    );
    const dir = await tempDir();
    const registry = join(dir, 'sources.json');
    const listing = { url: listingServer.url('/list.html'), pattern: '白沙街道(?<year>\\d{4})年' };
    const baisha = { entity: '白沙街道', year: 2024, kind: '法治政府建设工作报告', listing };
    await writeFile(
      registry,
      JSON.stringify([{ ...baisha, id: 'baisha-2024', url: server.url('/baisha/2024.html') }]),
    );
    const args = [
      'fetch',
      '--sources',
      registry,
      '--out',
      join(dir, 'reports'),
      '--archive',
      join(dir, 'archive'),
    ];

    const first = await runCli([...args, '--allow-private']);
    expect(first).toEqual({
      code: 0,
      stdout: `Fetched 1 report(s), 0 unchanged, 1 newly discovered, 1 pending (baisha-2025: ${pendingUrl} answers HTTP 404).\n`,
      stderr: '',
    });
    const again = await runCli([...args, '--allow-private', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      fetched: [],
      unchanged: ['baisha-2024'],
      discovered: [],
      pending: [{ id: 'baisha-2025', url: pendingUrl, problem: 'HTTP 404' }],
      failed: [],
    });
    expect(await readdir(join(dir, 'reports'))).toEqual(['baisha-2024.meta.json', 'baisha-2024.txt']);
  });

  it('names the registry file and field when it is invalid', async () => {
    const dir = await tempDir();
    const registry = join(dir, 'sources.json');
    await writeFile(
      registry,
      JSON.stringify([{ id: 'x-2024', url: 'file:///etc/passwd', entity: '镇', year: 2024, kind: '报告' }]),
    );
    const { code, stderr } = await runCli(['fetch', '--sources', registry, '--out', dir, '--archive', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(`^${registry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: has an invalid field "0.url"`),
    );
  });
});

describe('opendata publish --sources', () => {
  it('fetches the pages, publishes their figures with the original URLs, and writes nothing the second time', async () => {
    const { server, html } = await baishaPage();
    const dir = await tempDir();
    const registry = join(dir, 'sources.json');
    const url = server.url('/baisha/2024.html');
    await writeFile(
      registry,
      JSON.stringify([
        { id: 'baisha-2024', url, entity: '白沙街道', year: 2024, kind: '法治政府建设工作报告' },
      ]),
    );
    const reports = join(dir, 'reports');
    const site = join(dir, 'site');
    const args = [
      'publish',
      reports,
      '--out',
      site,
      '--sources',
      registry,
      '--archive',
      join(dir, 'archive'),
    ];

    const first = await runCli([...args, '--allow-private', '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const [fetched, published] = first.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(fetched).toMatchObject({ fetched: ['baisha-2024'], failed: [] });
    expect(published).toMatchObject({ reports: ['baisha-2024'], newVersion: true });
    expect(await readFile(join(site, 'data', 'reports.csv'), 'utf8')).toContain(`,${url},`);
    const figures = JSON.parse(await readFile(join(site, 'data', 'figures.json'), 'utf8'));
    expect(figures.length).toBeGreaterThan(0);
    // The fetched original is published beside the page, as a download.
    expect(await readFile(join(site, 'reports', 'baisha-2024', 'original.html'))).toEqual(html);
    const reportPage = await readFile(join(site, 'reports', 'baisha-2024', 'index.html'), 'utf8');
    expect(reportPage).toContain('<a href="original.html" download>');
    const serving = await startCli(['serve', site, '--port', '0']);
    try {
      const response = await fetch(`${serving.url}reports/baisha-2024/original.html`);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toBe('attachment');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(html);
    } finally {
      await stop(serving.child);
    }

    const requests = server.requests.length;
    const second = await runCli([...args, '--allow-private', '--json']);
    expect(second.code).toBe(0);
    expect(server.requests.slice(requests).map((r) => r.headers['if-none-match'])).toEqual(['"b1"']);
    const [, again] = second.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(again).toMatchObject({ newVersion: false, written: [] });
  });
});
