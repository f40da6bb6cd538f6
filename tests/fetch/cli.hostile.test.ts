import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { useTempDirs } from '../support/temp.ts';
import { page, useTestServer } from './support/server.ts';

const tempDir = useTempDirs();
const startServer = useTestServer();

const common = { entity: '白沙街道', year: 2024, kind: '法治政府建设工作报告' };
const listing = { url: 'https://www.example.gov.cn/fzzf/', pattern: '白沙街道(?<year>\\d{4})年' };

async function fetchWith(registry: unknown[], prepare?: (reports: string) => Promise<void>) {
  const dir = await tempDir();
  const file = join(dir, 'sources.json');
  await writeFile(file, JSON.stringify(registry));
  await prepare?.(join(dir, 'reports'));
  const result = await runCli([
    'fetch',
    '--sources',
    file,
    '--out',
    join(dir, 'reports'),
    '--archive',
    join(dir, 'archive'),
    '--allow-private',
  ]);
  return { ...result, file, dir };
}

describe('opendata fetch with a hostile registry or page', () => {
  it.each<[object, string]>([
    [{ ...common, id: 'Baisha-2024' }, '"0.id": must be lower-case letters, digits and - _ . (a report id)'],
    ...['../escape-{year}', 'Upper-{year}', 'has space-{year}'].map((id): [object, string] => [
      { ...common, id: 'baisha-2024', listing: { ...listing, id } },
      '"0.listing.id": must be a report id once {year} is filled in (lower-case letters, digits and - _ .)',
    ]),
  ])(
    'refuses registry entry %# when it is read, naming the file and the field, in one line',
    async (entry, field) => {
      const { code, stdout, stderr, file, dir } = await fetchWith([
        { ...entry, url: 'https://www.example.gov.cn/fzzf/2024.html' },
      ]);
      expect(code).toBe(1);
      expect(stderr).toBe(`${file}: has an invalid field ${field}\n`);
      expect(stdout).toBe('');
      expect(await readdir(dir)).toEqual(['sources.json']);
    },
  );

  it('fetches a page of 5,000 nested <div>s and names a folder in the way as an internal error', async () => {
    const server = await startServer();
    const html = await readFile(new URL('fixtures/table-layout.html.txt', import.meta.url));
    server.routes.set('/baisha/2024.html', page(html, { contentType: 'text/html; charset=utf-8' }));
    const deep = `<html><body>${'<div>'.repeat(5000)}<p>2024年，白沙街道人民调解委员会共受理矛盾纠纷152件，调解成功148件，调解成功率97.4%；开展普法宣传活动36场。</p>${'</div>'.repeat(5000)}</body></html>`;
    server.routes.set('/deep.html', page(deep, { contentType: 'text/html; charset=utf-8' }));
    const registry = [
      { ...common, id: 'deep-2024', url: server.url('/deep.html') },
      { ...common, id: 'blocked-2024', url: server.url('/baisha/2024.html') },
      { ...common, id: 'baisha-2024', url: server.url('/baisha/2024.html') },
    ];
    const { code, stdout, stderr, dir } = await fetchWith(registry, async (reports) => {
      await mkdir(join(reports, 'blocked-2024.txt'), { recursive: true });
    });
    expect(stderr).toBe(
      `blocked-2024: ${server.url('/baisha/2024.html')}: internal error: Error: EISDIR: illegal operation on a directory, read\n`,
    );
    expect(stdout).toBe('Fetched 2 report(s), 0 unchanged, 0 newly discovered, 1 failed.\n');
    expect(code).toBe(1);
    expect((await readdir(join(dir, 'reports'))).sort()).toEqual([
      'baisha-2024.meta.json',
      'baisha-2024.txt',
      'blocked-2024.txt',
      'deep-2024.meta.json',
      'deep-2024.txt',
    ]);
    const state = JSON.parse(await readFile(join(dir, 'archive', 'sources', '_state.json'), 'utf8'));
    expect(Object.keys(state.pages)).toEqual(['deep-2024', 'baisha-2024']);
  });
});
