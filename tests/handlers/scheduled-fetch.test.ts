import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../lambda/fetch/sources.ts';
import {
  FetchProblemsError,
  type HandlerLogger,
  type PublishResult,
} from '../../lambda/handlers/publish-handler.ts';
import { type Handler, page } from '../fetch/support/server.ts';
import type { LocalS3 } from '../support/s3.ts';
import { PROJECT_ROOT } from '../support/temp.ts';
import type { FakeCloudFront } from './fake-cloudfront.ts';
import { type LocalAws, localHandler, startLocalAws } from './local-aws.ts';

let aws: LocalAws;
let s3: LocalS3;
let cloudfront: FakeCloudFront;
let day = 0;
let pages: Server;
let origin: string;
const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
const routes = new Map<string, Handler>();
const logger: HandlerLogger = { info: () => {}, error: () => {} };

beforeAll(async () => {
  aws = await startLocalAws();
  ({ s3, cloudfront } = aws);
  // The report pages, on 127.0.0.1 for the whole file: the runs below are days of one schedule.
  pages = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    const route = routes.get(req.url ?? '');
    if (route) route(req, res, 1);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});
afterAll(async () => {
  pages?.closeAllConnections();
  pages?.close();
  await aws?.close();
});

function handlerFor(sources: Source[]): (event: unknown) => Promise<PublishResult> {
  const handler = localHandler(aws, {
    logger,
    clock: () => new Date(Date.UTC(2026, 1, 1 + day++)),
    sources,
    allowPrivateSources: true,
  });
  return async (event) => (await handler(event)) as PublishResult;
}

async function sourceKeys(): Promise<string[]> {
  const out = await s3.client.send(new ListObjectsV2Command({ Bucket: 'source' }));
  return (out.Contents ?? []).map((object) => object.Key as string).sort();
}

async function siteText(key: string): Promise<string> {
  const out = await s3.client.send(new GetObjectCommand({ Bucket: 'site', Key: key }));
  return (await out.Body?.transformToString('utf-8')) ?? '';
}

// The cases run in order on one pair of buckets, as the schedule would day after day.
describe('the scheduled run fetches registered report pages, then publishes', async () => {
  const seed = await readFile(new URL('data/reports/xiaowangzhuang-2023.txt', PROJECT_ROOT));
  routes.set('/report.txt', page(seed, { contentType: 'text/plain; charset=utf-8', etag: '"v1"' }));
  const source = (): Source => ({
    id: 'xiaowangzhuang-2023',
    url: `${origin}/report.txt`,
    entity: '小王庄镇',
    parent: '天津市滨海新区',
    year: 2023,
    kind: '法治政府建设情况报告',
  });

  it('archives the page, writes the report under reports/ and publishes it with its original URL', async () => {
    const handler = await handlerFor([source()]);
    const result = await handler({ trigger: 'schedule' });
    expect(result.fetch).toMatchObject({ fetched: ['xiaowangzhuang-2023'], failed: [] });
    expect(result.reports).toEqual(['xiaowangzhuang-2023']);
    const sha = createHash('sha256').update(seed).digest('hex');
    expect(await sourceKeys()).toEqual([
      'reports/xiaowangzhuang-2023.meta.json',
      'reports/xiaowangzhuang-2023.txt',
      'sources/_state.json',
      `sources/xiaowangzhuang-2023/${sha}.txt`,
    ]);
    expect(await siteText('data/reports.csv')).toContain(`,${origin}/report.txt,`);
    // The archived original is published beside the report page, as a download.
    const copy = await s3.client.send(
      new GetObjectCommand({ Bucket: 'site', Key: 'reports/xiaowangzhuang-2023/original.txt' }),
    );
    expect(copy.ContentType).toBe('application/octet-stream');
    expect(Buffer.from((await copy.Body?.transformToByteArray()) ?? [])).toEqual(seed);
    expect(await siteText('reports/xiaowangzhuang-2023/index.html')).toContain(
      'href="original.txt" download',
    );
  });

  it('asks again with the validator, gets a 304 and writes, publishes and invalidates nothing', async () => {
    const handler = await handlerFor([source()]);
    const invalidations = cloudfront.invalidations.length;
    const result = await handler({ trigger: 'schedule' });
    expect(seen.filter((r) => r.path === '/report.txt').at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(result.fetch).toMatchObject({ fetched: [], unchanged: ['xiaowangzhuang-2023'] });
    expect(result.newVersion).toBe(false);
    expect(result.written).toEqual([]);
    expect(cloudfront.invalidations).toHaveLength(invalidations);
  });

  it('does not fetch on an S3 event, which the fetch itself causes', async () => {
    const handler = await handlerFor([source()]);
    const requests = seen.length;
    const result = await handler({
      Records: [
        {
          eventSource: 'aws:s3',
          eventName: 'ObjectCreated:Put',
          s3: { bucket: { name: 'source' }, object: { key: 'reports/xiaowangzhuang-2023.txt' } },
        },
      ],
    });
    expect(result.fetch).toBeUndefined();
    expect(seen).toHaveLength(requests);
  });

  it('publishes what it has and then fails the run when a page cannot be fetched', async () => {
    const gone: Source = { ...source(), id: 'gone-2023', url: `${origin}/gone.html` };
    const handler = await handlerFor([source(), gone]);
    const failure = await handler({ trigger: 'schedule' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FetchProblemsError);
    expect((failure as FetchProblemsError).fetch.failed).toEqual([
      { id: 'gone-2023', problem: expect.stringMatching(/404/) },
    ]);
    expect(await sourceKeys()).not.toContain('reports/gone-2023.txt');
    expect(await siteText('data/reports.csv')).toContain('xiaowangzhuang-2023');
  });
});
