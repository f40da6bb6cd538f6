import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FETCH_STATE_KEY as STATE_KEY } from '../../lambda/contract/index.ts';
import { fetchSources } from '../../lambda/fetch/fetch-sources.ts';
import type { Source } from '../../lambda/fetch/sources.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import type { PutOptions } from '../../lambda/stores/store.ts';
import { useTempDirs } from '../support/temp.ts';
import { json, NOW, POLICY, qingshiPage, recordingStores, text } from './support/listing-site.ts';
import { RecordingStore } from './support/recording-store.ts';
import { page, type TestServer, useTestServer } from './support/server.ts';

const tempDir = useTempDirs();
const startServer = useTestServer();

const PARAGRAPH = '2024年，白沙街道人民调解委员会共受理矛盾纠纷152件，调解成功148件，调解成功率97.4%。';
const nestedPage = (depth: number) =>
  `<html><head><meta charset="utf-8"><title>白沙街道2024年工作总结_示例区</title></head><body>${'<div>'.repeat(depth)}<p>${PARAGRAPH}</p>${'</div>'.repeat(depth)}</body></html>`;

/** Three report pages on the test server: two hostile (5,000 and 100,000 nested <div>s), one ordinary. */
async function site(): Promise<{ server: TestServer; sources: Source[] }> {
  const server = await startServer();
  const html = { contentType: 'text/html; charset=utf-8' };
  server.routes.set('/deep/5000.html', page(nestedPage(5_000), { ...html, etag: '"d5"' }));
  server.routes.set('/deep/100000.html', page(nestedPage(100_000), { ...html, etag: '"d100"' }));
  server.routes.set('/qingshi/2024.html', page(await qingshiPage(2024), { contentType: 'text/html' }));
  const common = { kind: '工作总结', year: 2024, entity: '白沙街道' };
  const sources: Source[] = [
    { ...common, id: 'deep-5000-2024', url: server.url('/deep/5000.html') },
    { ...common, id: 'deep-100000-2024', url: server.url('/deep/100000.html') },
    {
      ...common,
      id: 'qingshi-2024',
      url: server.url('/qingshi/2024.html'),
      entity: '青石镇',
      kind: '法治政府建设情况报告',
    },
  ];
  return { server, sources };
}

/** A real folder whose writes of one key fail with a plain Error, as a bug or a full disk would. */
class OneKeyFails extends RecordingStore {
  constructor(
    inner: FsStore,
    readonly failing: string,
  ) {
    super(inner);
  }

  override async put(key: string, body: Uint8Array, options: PutOptions) {
    if (key === this.failing) throw new Error(`cannot write ${key}`);
    await super.put(key, body, options);
  }
}

describe('one hostile page or one failing request does not stop the run', () => {
  it('fetches pages nesting 5,000 and 100,000 <div>s like any other, and writes the state', async () => {
    const { sources } = await site();
    const { reports, archive } = await recordingStores(tempDir);
    const summary = await fetchSources({
      sources,
      reports,
      archive,
      now: NOW,
      allowPrivate: true,
      policy: POLICY,
    });
    expect(summary).toEqual({
      fetched: ['deep-5000-2024', 'deep-100000-2024', 'qingshi-2024'],
      unchanged: [],
      discovered: [],
      pending: [],
      failed: [],
    });
    for (const id of ['deep-5000-2024', 'deep-100000-2024'])
      expect(await text(reports, `${id}.txt`)).toBe(`白沙街道2024年工作总结\n${PARAGRAPH}\n`);
    expect(Object.keys((await json(archive, STATE_KEY)).pages)).toEqual([
      'deep-5000-2024',
      'deep-100000-2024',
      'qingshi-2024',
    ]);
  });

  it('makes an error that is no fetch problem that one source’s internal error; the others go on', async () => {
    const { server, sources } = await site();
    const reports = new OneKeyFails(new FsStore(await tempDir()), 'deep-100000-2024.txt');
    const archive = new RecordingStore(new FsStore(await tempDir()));
    const summary = await fetchSources({
      sources,
      reports,
      archive,
      now: NOW,
      allowPrivate: true,
      policy: POLICY,
    });
    expect(summary.fetched).toEqual(['deep-5000-2024', 'qingshi-2024']);
    expect(summary.failed).toEqual([
      {
        id: 'deep-100000-2024',
        problem: `${server.url('/deep/100000.html')}: internal error: Error: cannot write deep-100000-2024.txt`,
      },
    ]);
    // Only the sources that were written are in the state, so the failed one is fetched whole next run.
    expect(Object.keys((await json(archive, STATE_KEY)).pages)).toEqual(['deep-5000-2024', 'qingshi-2024']);
  });

  it('names a folder standing where a report should be as that source’s internal error', async () => {
    const { server, sources } = await site();
    const { reports, archive } = await recordingStores(tempDir);
    await mkdir(join(reports.location, 'qingshi-2024.txt'));
    const summary = await fetchSources({
      sources,
      reports,
      archive,
      now: NOW,
      allowPrivate: true,
      policy: POLICY,
    });
    expect(summary.fetched).toEqual(['deep-5000-2024', 'deep-100000-2024']);
    expect(summary.failed).toEqual([
      {
        id: 'qingshi-2024',
        problem: `${server.url('/qingshi/2024.html')}: internal error: Error: EISDIR: illegal operation on a directory, read`,
      },
    ]);
    expect(Object.keys((await json(archive, STATE_KEY)).pages)).toEqual([
      'deep-5000-2024',
      'deep-100000-2024',
    ]);
  });
});

describe('an HTML page over 4 MiB', () => {
  it('is that source’s problem, named with its size; the others are fetched', async () => {
    const { server, sources } = await site();
    // 1,000,000 nested <div>s: its tree would need about 400 MB.
    server.routes.set(
      '/deep/huge.html',
      page(nestedPage(1_000_000), { contentType: 'text/html; charset=utf-8' }),
    );
    const { reports, archive } = await recordingStores(tempDir);
    const huge = { ...(sources[0] as Source), id: 'huge-2024', url: server.url('/deep/huge.html') };
    const summary = await fetchSources({
      sources: [huge, ...sources.slice(2)],
      reports,
      archive,
      now: NOW,
      allowPrivate: true,
      policy: POLICY,
    });
    expect(summary.fetched).toEqual(['qingshi-2024']);
    expect(summary.failed).toEqual([
      {
        id: 'huge-2024',
        problem: `${server.url('/deep/huge.html')}: is an HTML page of 10.5 MiB; pages over 4.0 MiB are refused (report pages are well under 1 MiB)`,
      },
    ]);
  });
});
