import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentTypeOf, IMMUTABLE_CACHE_CONTROL, STABLE_CACHE_CONTROL } from '../../lambda/contract/index.ts';
import {
  type HandlerLogger,
  type PublishResult,
  ReportProblemsError,
} from '../../lambda/handlers/publish-handler.ts';
import type { LocalS3 } from '../support/s3.ts';
import { PROJECT_ROOT } from '../support/temp.ts';
import type { FakeCloudFront } from './fake-cloudfront.ts';
import type { FakeKeyValueStore } from './fake-kvs.ts';
import { DISTRIBUTION_ID, type LocalAws, localHandler, SITE_URL, startLocalAws } from './local-aws.ts';

const seed = (name: string) => readFile(new URL(`data/reports/${name}`, PROJECT_ROOT));

let aws: LocalAws;
let s3: LocalS3;
let cloudfront: FakeCloudFront;
let kvs: FakeKeyValueStore;
let day = 0;
/** The handler, for events that publish (rollbacks are tested in rollback.test.ts). */
let handler: (event: unknown) => Promise<PublishResult>;
const logged: { level: string; message: string; extra?: Record<string, unknown> }[] = [];
const logger: HandlerLogger = {
  info: (message, extra) => logged.push({ level: 'info', message, extra }),
  error: (message, extra) => logged.push({ level: 'error', message, extra }),
};

async function upload(key: string, body: Uint8Array | string): Promise<void> {
  await s3.client.send(new PutObjectCommand({ Bucket: 'source', Key: key, Body: body }));
}

const s3Event = (key: string, eventName = 'ObjectCreated:Put') => ({
  Records: [{ eventSource: 'aws:s3', eventName, s3: { bucket: { name: 'source' }, object: { key } } }],
});

beforeAll(async () => {
  aws = await startLocalAws();
  ({ s3, cloudfront, kvs } = aws);
  await upload('reports/xiaowangzhuang-2023.txt', await seed('xiaowangzhuang-2023.txt'));
  await upload('reports/xiaowangzhuang-2023.meta.json', await seed('xiaowangzhuang-2023.meta.json'));
  const publisher = localHandler(aws, {
    logger,
    clock: () => new Date(Date.UTC(2026, 0, 1 + day++)),
    // With a trailing slash, as an output may give it: the handler trims it.
    siteUrl: `${SITE_URL}/`,
  });
  handler = async (event) => (await publisher(event)) as PublishResult;
});
afterAll(() => aws?.close());

const stableKeys = (keys: string[]) => keys.filter((key) => !key.startsWith('versions/'));

// The cases share one site bucket and run in order: each starts from what the previous one published.
describe('the publisher handler against a local S3 server', () => {
  it('publishes the seed as a version, switches the KeyValueStore pointer and invalidates what it wrote', async () => {
    const summary = await handler({ trigger: 'schedule' });
    expect(summary.reports).toEqual(['xiaowangzhuang-2023']);
    expect(summary.problems).toEqual([]);
    expect(summary.newVersion).toBe(true);
    expect(summary.version).toBe(`20260101T000000Z-${summary.version.slice(-12)}`);
    expect(kvs.keys.get('current')).toBe(summary.version);
    expect(kvs.requests.map((r) => r.host?.split(':')[0])).toContain('123456789012.kvs.test');
    expect(summary.changed).toEqual(
      expect.arrayContaining([
        'index.html',
        'datapackage.json',
        'catalog.jsonld',
        'feed.atom',
        'manifest.json',
        'data/figures.csv',
        'reports/xiaowangzhuang-2023/index.html',
        'reports/xiaowangzhuang-2023/source.txt',
      ]),
    );
    expect(cloudfront.invalidations).toHaveLength(1);
    expect(cloudfront.invalidations[0]?.distributionId).toBe(DISTRIBUTION_ID);
    expect(cloudfront.invalidations[0]?.paths).toEqual(
      ['/', ...summary.changed.map((key) => `/${key}`)].sort(),
    );
    expect(summary.invalidated).toEqual(cloudfront.invalidations[0]?.paths);
  });

  it('writes versioned objects immutable and stable ones short-lived, each with its sha256 metadata', async () => {
    const version = kvs.keys.get('current') as string;
    for (const key of [
      'index.html',
      'data/figures.csv',
      'data/figures.json',
      'reports/xiaowangzhuang-2023/source.txt',
    ]) {
      for (const [object, cacheControl] of [
        [key, STABLE_CACHE_CONTROL],
        [`versions/${version}/${key}`, IMMUTABLE_CACHE_CONTROL],
      ] as const) {
        const head = await s3.client.send(new HeadObjectCommand({ Bucket: 'site', Key: object }));
        const body = await (
          await s3.client.send(new GetObjectCommand({ Bucket: 'site', Key: object }))
        ).Body?.transformToByteArray();
        expect(head.ContentType, object).toBe(contentTypeOf(key));
        expect(head.CacheControl, object).toBe(cacheControl);
        expect(head.Metadata?.sha256, object).toBe(
          createHash('sha256')
            .update(body ?? new Uint8Array())
            .digest('hex'),
        );
      }
    }
  });

  it('links the published data to the deployed site URL, not the local baseUrl', async () => {
    const out = await s3.client.send(new GetObjectCommand({ Bucket: 'site', Key: 'datapackage.json' }));
    const text = (await out.Body?.transformToString()) ?? '';
    expect(text).toContain(SITE_URL);
    expect(text).not.toContain('127.0.0.1');
  });

  it('writes nothing, switches nothing and invalidates nothing when an S3 event brings no change', async () => {
    const requests = kvs.requests.length;
    const summary = await handler(s3Event('reports/xiaowangzhuang-2023.meta.json'));
    expect(summary.newVersion).toBe(false);
    expect(summary.written).toEqual([]);
    expect(summary.copied).toBe(0);
    expect(summary.unchanged).toBeGreaterThan(5);
    expect(summary.invalidated).toEqual([]);
    expect(kvs.requests).toHaveLength(requests);
    expect(cloudfront.invalidations).toHaveLength(1);
  });

  it('publishes a report added under reports/ as a new version and invalidates only stable paths that changed', async () => {
    const before = kvs.keys.get('current');
    await upload('reports/second-copy-2023.txt', await seed('xiaowangzhuang-2023.txt'));
    const summary = await handler(s3Event('reports/second-copy-2023.txt'));
    expect(summary.reports).toEqual(['second-copy-2023', 'xiaowangzhuang-2023']);
    expect(summary.version).not.toBe(before);
    expect(kvs.keys.get('current')).toBe(summary.version);
    expect(summary.copied).toBeGreaterThan(0);
    expect(stableKeys(summary.written)).toContain('reports/second-copy-2023/index.html');
    expect(stableKeys(summary.written)).not.toContain('reports/xiaowangzhuang-2023/source.txt');
    const paths = cloudfront.invalidations[1]?.paths ?? [];
    expect(paths).toContain('/');
    expect(paths).toContain('/reports/second-copy-2023/index.html');
    expect(paths).not.toContain('/reports/xiaowangzhuang-2023/source.txt');
    expect(paths.filter((path) => path.startsWith('/versions/'))).toEqual([]);
  });

  it('invalidates everything on a manual forced run', async () => {
    const summary = await handler({ force: true });
    expect(summary.written).toEqual([]);
    expect(cloudfront.invalidations.at(-1)?.paths).toEqual(['/*']);
  });

  it('publishes the good reports and then fails the run when a report is left out', async () => {
    const before = cloudfront.invalidations.length;
    await upload('reports/broken-2023.txt', new Uint8Array([0, 1, 2, 3, 0, 255]));
    await upload('reports/third-copy-2023.txt', await seed('xiaowangzhuang-2023.txt'));
    const run = handler(s3Event('reports/broken-2023.txt'));
    await expect(run).rejects.toBeInstanceOf(ReportProblemsError);
    await expect(run).rejects.toThrow(/broken-2023\.txt/);
    const head = await s3.client.send(
      new HeadObjectCommand({ Bucket: 'site', Key: 'reports/third-copy-2023/index.html' }),
    );
    expect(head.ContentType).toBe('text/html; charset=utf-8');
    expect(cloudfront.invalidations).toHaveLength(before + 1);
    expect(logged.filter((entry) => entry.level === 'error').map((entry) => entry.message)).toEqual([
      'Reports left out',
    ]);
  });

  it('keeps the last good publication of a report that turns bad, and still fails the run', async () => {
    const page = async (version: string) =>
      (
        await (
          await s3.client.send(
            new GetObjectCommand({
              Bucket: 'site',
              Key: `versions/${version}/reports/third-copy-2023/index.html`,
            }),
          )
        ).Body?.transformToString()
      )?.length;
    const before = kvs.keys.get('current') as string;
    await upload('reports/third-copy-2023.txt', '');
    const run = handler(s3Event('reports/third-copy-2023.txt'));
    await expect(run).rejects.toThrow(/third-copy-2023\.txt: is empty \(kept at \d{8}T\d{6}Z-[0-9a-f]{12}\)/);
    const after = kvs.keys.get('current') as string;
    expect(after).not.toBe(before);
    expect(await page(after)).toBe(await page(before));
    const problems = await s3.client.send(
      new GetObjectCommand({ Bucket: 'site', Key: `versions/${after}/problems.json` }),
    );
    expect(JSON.parse((await problems.Body?.transformToString()) ?? '').problems).toContainEqual({
      id: 'third-copy-2023',
      file: 'third-copy-2023.txt',
      problem: 'is empty',
      kept: before,
    });
  });

  it('refuses an event it does not know', async () => {
    await expect(handler({ source: 'aws.sqs' })).rejects.toThrow(/cannot handle the event/);
  });
});

describe('the handler module', () => {
  const names = ['SOURCE_BUCKET', 'SITE_BUCKET', 'DISTRIBUTION_ID', 'SITE_URL', 'VERSION_POINTER_ARN'];

  it('fails at import, naming every missing variable', async () => {
    vi.resetModules();
    for (const name of names) vi.stubEnv(name, '');
    await expect(import('../../lambda/handlers/publish.ts')).rejects.toThrow(
      'The publisher function needs the environment variable(s) SOURCE_BUCKET, SITE_BUCKET, DISTRIBUTION_ID, SITE_URL, VERSION_POINTER_ARN',
    );
    vi.unstubAllEnvs();
  });

  it('exports a handler once the environment is set', async () => {
    vi.resetModules();
    for (const name of names) vi.stubEnv(name, name === 'SITE_URL' ? SITE_URL : `x-${name.toLowerCase()}`);
    const module = await import('../../lambda/handlers/publish.ts');
    expect(typeof module.handler).toBe('function');
    vi.unstubAllEnvs();
  });
});
