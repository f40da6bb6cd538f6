import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fetchSources } from '../../lambda/fetch/fetch-sources.ts';
import type { Source } from '../../lambda/fetch/sources.ts';
import { readReports } from '../../lambda/publish/read-reports.ts';
import { useTempDirs } from '../support/temp.ts';
import { fixture, gbk, json, listing, NOW, POLICY, recordingStores, text } from './support/listing-site.ts';
import { minimalPdf } from './support/pdf.ts';
import type { RecordingStore } from './support/recording-store.ts';
import { failing, hanging, page, redirect, type TestServer, useTestServer } from './support/server.ts';

const tempDir = useTempDirs();
const startServer = useTestServer();
const LAST_MODIFIED = 'Sun, 02 Mar 2025 01:00:00 GMT';

interface Site {
  server: TestServer;
  sources: Source[];
  qingshiBytes: Uint8Array;
  pdfBytes: Uint8Array;
}

async function site(): Promise<Site> {
  const server = await startServer();
  const trs = await fixture('trs-page.html.txt');
  const qingshiBytes = gbk(trs);
  const pdfBytes = minimalPdf(['Qingshi Town law-based government report 2024', 'Disputes mediated: 152']);
  // GBK with only <meta http-equiv> to say so; UTF-8 said by the header; a PDF after one 503.
  server.routes.set('/qingshi/2024.html', page(qingshiBytes, { contentType: 'text/html', etag: '"q1"' }));
  server.routes.set(
    '/qingshi/list.html',
    page(listing([2024, 2023]), { contentType: 'text/html', etag: '"l1"' }),
  );
  server.routes.set('/baisha/old.html', redirect('/baisha/2024.html', 301));
  server.routes.set(
    '/baisha/2024.html',
    page(await fixture('table-layout.html.txt'), {
      contentType: 'text/html; charset=utf-8',
      lastModified: LAST_MODIFIED,
    }),
  );
  server.routes.set(
    '/files/report.pdf',
    failing(1, page(pdfBytes, { contentType: 'application/pdf', etag: '"p1"' }), 503),
  );
  server.routes.set('/hang.html', hanging);
  const common = { kind: '法治政府建设情况报告', parent: '示例区', year: 2024 };
  const sources: Source[] = [
    {
      ...common,
      id: 'qingshi-2024',
      url: server.url('/qingshi/2024.html'),
      entity: '青石镇',
      listing: {
        url: server.url('/qingshi/list.html'),
        pattern: '青石镇(?<year>\\d{4})年法治政府建设情况报告',
      },
    },
    { ...common, id: 'baisha-2024', url: server.url('/baisha/old.html'), entity: '白沙街道' },
    { ...common, id: 'qingshi-pdf-2024', url: server.url('/files/report.pdf'), entity: 'Qingshi Town' },
    { ...common, id: 'gone-2024', url: server.url('/gone.html'), entity: '青石镇' },
    { ...common, id: 'hang-2024', url: server.url('/hang.html'), entity: '青石镇' },
  ];
  return { server, sources, qingshiBytes, pdfBytes };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const stored = async (store: RecordingStore, key: string) => new Uint8Array((await store.get(key)) ?? []);

describe('fetchSources', () => {
  it('fetches, archives and writes each report, and reports each failure', async () => {
    const { server, sources, qingshiBytes, pdfBytes } = await site();
    const { reports, archive } = await recordingStores(tempDir);
    // A hand-written sidecar: its own fields survive, the registry's and the provenance are added.
    await reports.put('qingshi-2024.meta.json', new TextEncoder().encode('{"publisher":"青石镇人民政府"}'), {
      contentType: 'application/json',
    });
    reports.reset();
    const summary = await fetchSources({
      sources,
      reports,
      archive,
      now: NOW,
      allowPrivate: true,
      policy: POLICY,
    });

    expect(summary).toEqual({
      fetched: ['qingshi-2024', 'baisha-2024', 'qingshi-pdf-2024'],
      unchanged: [],
      discovered: [],
      // A registered page answering 404 is a failure: the registry says it exists.
      pending: [],
      failed: [
        { id: 'gone-2024', problem: `${server.url('/gone.html')}: HTTP 404` },
        { id: 'hang-2024', problem: `${server.url('/hang.html')}: timed out after 300 ms (2 tries)` },
      ],
    });
    expect(server.seen('/files/report.pdf')).toHaveLength(2);
    expect(server.seen('/gone.html')).toHaveLength(1);

    const qingshiSha = sha256(qingshiBytes);
    expect(await stored(archive, `sources/qingshi-2024/${qingshiSha}.html`)).toEqual(qingshiBytes);
    expect(await stored(archive, `sources/qingshi-pdf-2024/${sha256(pdfBytes)}.pdf`)).toEqual(pdfBytes);
    expect((await archive.list('sources/')).filter((key) => !key.endsWith('_state.json'))).toHaveLength(3);

    const qingshi = await text(reports, 'qingshi-2024.txt');
    expect(qingshi.split('\n')[0]).toBe('青石镇2024年法治政府建设情况报告');
    expect(qingshi).toContain('调解成功率97.4%');
    expect(await text(reports, 'qingshi-pdf-2024.txt')).toBe(
      'Qingshi Town law-based government report 2024\nDisputes mediated: 152\n',
    );
    expect(await json(reports, 'qingshi-2024.meta.json')).toEqual({
      publisher: '青石镇人民政府',
      entity: '青石镇',
      parent: '示例区',
      year: 2024,
      kind: '法治政府建设情况报告',
      sourceUrl: server.url('/qingshi/2024.html'),
      retrieved: '2025-03-01T08:00:00.000Z',
      fetchedUrl: server.url('/qingshi/2024.html'),
      etag: '"q1"',
      sha256: qingshiSha,
      archive: `sources/qingshi-2024/${qingshiSha}.html`,
    });
    expect(await json(reports, 'baisha-2024.meta.json')).toMatchObject({
      sourceUrl: server.url('/baisha/old.html'),
      fetchedUrl: server.url('/baisha/2024.html'),
      lastModified: LAST_MODIFIED,
    });
    expect(reports.puts.filter((key) => key.startsWith('gone') || key.startsWith('hang'))).toEqual([]);
  });

  it('gives publish reports with their original URLs and figures', async () => {
    const { server, sources } = await site();
    const { reports, archive } = await recordingStores(tempDir);
    await fetchSources({
      sources: sources.slice(0, 2),
      reports,
      archive,
      now: NOW,
      allowPrivate: true,
      policy: POLICY,
    });
    const { reports: read, problems } = await readReports(reports, 'CC-BY-4.0');
    expect(problems).toEqual([]);
    const qingshi = read.find((report) => report.id === 'qingshi-2024');
    expect(qingshi?.source.url).toBe(server.url('/qingshi/2024.html'));
    expect(qingshi?.title).toBe('青石镇2024年法治政府建设情况报告');
    expect(qingshi?.figures.map((f) => f.text)).toContain('152件');
  });

  it('makes only conditional requests and writes nothing when nothing changed', async () => {
    const { server, sources } = await site();
    const { reports, archive } = await recordingStores(tempDir);
    const run = () =>
      fetchSources({ sources, reports, archive, now: NOW, allowPrivate: true, policy: POLICY });
    await run();
    reports.reset();
    archive.reset();
    const before = server.requests.length;

    const summary = await run();
    expect(summary.fetched).toEqual([]);
    expect(summary.unchanged).toEqual(['qingshi-2024', 'baisha-2024', 'qingshi-pdf-2024']);
    expect(reports.puts).toEqual([]);
    expect(archive.puts).toEqual([]);
    const second = server.requests.slice(before);
    const conditional = (path: string) => second.find((r) => r.path === path)?.headers;
    expect(conditional('/qingshi/2024.html')?.['if-none-match']).toBe('"q1"');
    expect(conditional('/qingshi/list.html')?.['if-none-match']).toBe('"l1"');
    expect(conditional('/files/report.pdf')?.['if-none-match']).toBe('"p1"');
    expect(conditional('/baisha/old.html')?.['if-modified-since']).toBe(LAST_MODIFIED);
  });

  it('never damages an existing report when its page breaks or changes into something else', async () => {
    const { server, sources } = await site();
    const { reports, archive } = await recordingStores(tempDir);
    const run = () =>
      fetchSources({
        sources: sources.slice(0, 1),
        reports,
        archive,
        now: NOW,
        allowPrivate: true,
        policy: POLICY,
      });
    await run();
    const good = await reports.get('qingshi-2024.txt');
    reports.reset();

    server.routes.set(
      '/qingshi/2024.html',
      page('<html><body><p>您访问的页面不存在或已被删除，请返回首页继续浏览。</p></body></html>', {
        contentType: 'text/html; charset=utf-8',
        etag: '"404-page"',
      }),
    );
    expect((await run()).failed).toEqual([
      {
        id: 'qingshi-2024',
        problem: `${server.url('/qingshi/2024.html')}: has too little text to be a report`,
      },
    ]);
    server.routes.set('/qingshi/2024.html', failing(99, page('', { contentType: 'text/html' })));
    expect((await run()).failed).toEqual([
      { id: 'qingshi-2024', problem: `${server.url('/qingshi/2024.html')}: HTTP 500 after 2 tries` },
    ]);
    expect(reports.puts).toEqual([]);
    expect(reports.deletes).toEqual([]);
    expect(await reports.get('qingshi-2024.txt')).toEqual(good);
  });

  it('refuses the loopback test server without allowPrivate, sending nothing', async () => {
    const { server, sources } = await site();
    const { reports, archive } = await recordingStores(tempDir);
    const summary = await fetchSources({
      sources: sources.slice(0, 2),
      reports,
      archive,
      now: NOW,
      policy: POLICY,
    });
    expect(summary.failed).toEqual([
      {
        id: 'qingshi-2024',
        problem: `listing: ${server.url('/qingshi/list.html')}: 127.0.0.1 is a private address`,
      },
      { id: 'qingshi-2024', problem: `${server.url('/qingshi/2024.html')}: 127.0.0.1 is a private address` },
      { id: 'baisha-2024', problem: `${server.url('/baisha/old.html')}: 127.0.0.1 is a private address` },
    ]);
    expect(server.requests).toEqual([]);
    expect([...reports.puts, ...archive.puts]).toEqual([]);
  });
});
