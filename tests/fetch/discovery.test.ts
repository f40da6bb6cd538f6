import { describe, expect, it } from 'vitest';
import { FETCH_STATE_KEY as STATE_KEY } from '../../lambda/contract/index.ts';
import { fetchSources } from '../../lambda/fetch/fetch-sources.ts';
import type { Source } from '../../lambda/fetch/sources.ts';
import { useTempDirs } from '../support/temp.ts';
import { json, listing, NOW, POLICY, qingshiPage, recordingStores, text } from './support/listing-site.ts';
import type { RecordingStore } from './support/recording-store.ts';
import { failing, page, type TestServer, useTestServer } from './support/server.ts';

const tempDir = useTempDirs();
const startServer = useTestServer();
const html = (body: string, etag: string) => page(body, { contentType: 'text/html', etag });
/** A listing page whose links go to the given paths, each titled with its year's report. */
const linksTo = (paths: Record<number, string>) =>
  `<html><head><meta charset="utf-8"></head><body>${Object.entries(paths)
    .map(([y, path]) => `<a href="${path}">青石镇${y}年法治政府建设情况报告</a>`)
    .join('')}</body></html>`;

/** Qingshi's 2024 report (registered, with a listing) on a local server; later years are up to each test. */
async function qingshi(years: number[]) {
  const server = await startServer();
  server.routes.set(
    '/qingshi/2024.html',
    page(await qingshiPage(2024), { contentType: 'text/html', etag: '"q1"' }),
  );
  server.routes.set('/qingshi/list.html', html(listing(years), '"l1"'));
  const registered: Source = {
    id: 'qingshi-2024',
    url: server.url('/qingshi/2024.html'),
    entity: '青石镇',
    parent: '示例区',
    year: 2024,
    kind: '法治政府建设情况报告',
    listing: {
      url: server.url('/qingshi/list.html'),
      pattern: '青石镇(?<year>\\d{4})年法治政府建设情况报告',
    },
  };
  const { reports, archive } = await recordingStores(tempDir);
  const run = (sources: Source[] = [registered]) =>
    fetchSources({ sources, reports, archive, now: NOW, allowPrivate: true, policy: POLICY });
  return { server, registered, reports, archive, run };
}

const live = async (server: TestServer, year: number, etag = `"n${year}"`) =>
  server.routes.set(
    `/qingshi/${year}.html`,
    page(await qingshiPage(year), { contentType: 'text/html', etag }),
  );
const state = (archive: RecordingStore) => json(archive, STATE_KEY);
const written = (store: RecordingStore, id: string) => store.puts.filter((key) => key.includes(id));

describe('discovery on listing pages', () => {
  it('discovers a new report on the listing page in the next run', async () => {
    const { server, run, reports } = await qingshi([2024, 2023]);
    expect((await run()).discovered).toEqual([]);

    server.routes.set('/qingshi/list.html', html(listing([2025, 2024, 2023]), '"l2"'));
    await live(server, 2025);
    expect(await run()).toEqual({
      fetched: ['qingshi-2025'],
      unchanged: ['qingshi-2024'],
      discovered: ['qingshi-2025'],
      pending: [],
      failed: [],
    });
    expect((await text(reports, 'qingshi-2025.txt')).split('\n')[0]).toBe('青石镇2025年法治政府建设情况报告');
    expect(await json(reports, 'qingshi-2025.meta.json')).toMatchObject({
      year: 2025,
      sourceUrl: server.url('/qingshi/2025.html'),
    });

    // Known from now on: the next run asks for it conditionally even if the listing is unchanged.
    const third = await run();
    expect(third).toMatchObject({ fetched: [], unchanged: ['qingshi-2024', 'qingshi-2025'], discovered: [] });
  });

  it.each([404, 410])(
    'keeps a discovered page answering %i pending, run after run, until it is live',
    async (status) => {
      const { server, run, reports, archive } = await qingshi([2025, 2024]);
      if (status !== 404) server.routes.set('/qingshi/2025.html', failing(99, html('', '"x"'), status));
      const pending = [
        { id: 'qingshi-2025', url: server.url('/qingshi/2025.html'), problem: `HTTP ${status}` },
      ];

      expect(await run()).toEqual({
        fetched: ['qingshi-2024'],
        unchanged: [],
        discovered: ['qingshi-2025'],
        pending,
        failed: [],
      });
      expect([...written(reports, 'qingshi-2025'), ...written(archive, 'qingshi-2025')]).toEqual([]);
      const saved = await state(archive);
      expect(Object.keys(saved.pages)).toEqual(['qingshi-2024']);
      // Remembered only as what the listing names, so it is asked for even when the listing answers 304.
      expect(saved.listings['qingshi-2024'].found.map((f: Source) => f.id)).toEqual(['qingshi-2025']);

      expect(await run()).toEqual({
        fetched: [],
        unchanged: ['qingshi-2024'],
        discovered: [],
        pending,
        failed: [],
      });
      expect(server.seen('/qingshi/2025.html')).toHaveLength(2);
      expect(server.seen('/qingshi/list.html').map((r) => r.headers['if-none-match'])).toEqual([
        undefined,
        '"l1"',
      ]);

      await live(server, 2025);
      expect(await run()).toEqual({
        fetched: ['qingshi-2025'],
        unchanged: ['qingshi-2024'],
        discovered: [],
        pending: [],
        failed: [],
      });
      expect((await text(reports, 'qingshi-2025.txt')).split('\n')[0]).toBe(
        '青石镇2025年法治政府建设情况报告',
      );
    },
  );

  it('fails a registered page answering 404 in the same run that keeps a discovered one pending', async () => {
    const { server, registered, run } = await qingshi([2025]);
    const moved = { ...registered, url: server.url('/qingshi/moved.html') };
    expect(await run([moved])).toEqual({
      fetched: [],
      unchanged: [],
      discovered: ['qingshi-2025'],
      pending: [{ id: 'qingshi-2025', url: server.url('/qingshi/2025.html'), problem: 'HTTP 404' }],
      failed: [{ id: 'qingshi-2024', problem: `${server.url('/qingshi/moved.html')}: HTTP 404` }],
    });
  });

  it('follows a link fixed before its page went live, and forgets one taken down', async () => {
    const { server, run, reports, archive } = await qingshi([2026, 2025]);
    expect((await run()).pending.map((p) => p.id)).toEqual(['qingshi-2026', 'qingshi-2025']);

    server.routes.set('/qingshi/list.html', html(linksTo({ 2025: '/qingshi/2025-fixed.html' }), '"l2"'));
    server.routes.set(
      '/qingshi/2025-fixed.html',
      page(await qingshiPage(2025), { contentType: 'text/html' }),
    );
    expect(await run()).toEqual({
      fetched: ['qingshi-2025'],
      unchanged: ['qingshi-2024'],
      discovered: [],
      pending: [],
      failed: [],
    });
    expect(await json(reports, 'qingshi-2025.meta.json')).toMatchObject({
      sourceUrl: server.url('/qingshi/2025-fixed.html'),
    });
    expect(server.seen('/qingshi/2025.html')).toHaveLength(1);
    expect(server.seen('/qingshi/2026.html')).toHaveLength(1);
    const found = (await state(archive)).listings['qingshi-2024'].found;
    expect(found.map((f: Source) => [f.id, f.url])).toEqual([
      ['qingshi-2025', server.url('/qingshi/2025-fixed.html')],
    ]);
  });

  it.each([
    ['the registry no longer has the source', [] as Source[], {}],
    ['the source has no listing any more', null, { 'qingshi-2024': expect.any(Object) }],
  ])('forgets what a listing found when %s, keeping the reports written', async (_why, sources, pages) => {
    const { server, registered, run, reports, archive } = await qingshi([2026, 2025, 2024]);
    await live(server, 2025);
    expect(await run()).toMatchObject({
      fetched: ['qingshi-2024', 'qingshi-2025'],
      pending: [{ id: 'qingshi-2026' }],
    });
    reports.reset();
    archive.reset();
    const before = server.requests.length;

    const { listing: _, ...withoutListing } = registered;
    const summary = await run(sources ?? [withoutListing]);
    expect(summary).toEqual({
      fetched: [],
      unchanged: sources ? [] : ['qingshi-2024'],
      discovered: [],
      pending: [],
      failed: [],
    });
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(sources ? [] : ['/qingshi/2024.html']);
    expect(await state(archive)).toEqual({ pages, listings: {} });
    // Published data stays: only the state forgets.
    expect([...reports.deletes, ...archive.deletes]).toEqual([]);
    expect(await reports.list('')).toEqual(
      expect.arrayContaining(['qingshi-2025.txt', 'qingshi-2025.meta.json']),
    );
    expect((await archive.list('sources/qingshi-2025/')).length).toBe(1);
  });
});
