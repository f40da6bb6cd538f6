import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createPublishHandler,
  type HandlerLogger,
  ReportProblemsError,
} from '../../lambda/handlers/publish-handler.ts';
import { parseSiteSettings } from '../../lambda/pipeline/settings.ts';
import { STABLE_CACHE_CONTROL } from '../../lambda/publish/publish.ts';
import { CONTENT_TYPE_BY_EXTENSION } from '../../lambda/serve/headers.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';
import { PROJECT_ROOT } from '../support/temp.ts';
import { type FakeCloudFront, startFakeCloudFront } from './fake-cloudfront.ts';

const SITE_URL = 'https://d111111abcdef8.cloudfront.net';
const DISTRIBUTION_ID = 'E2EXAMPLE';
const seed = (name: string) => readFile(new URL(`data/reports/${name}`, PROJECT_ROOT));

let s3: LocalS3;
let cloudfront: FakeCloudFront;
let directory: string;
let handler: ReturnType<typeof createPublishHandler>;
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
  directory = await mkdtemp(join(tmpdir(), 's3rver-handler-'));
  s3 = await startLocalS3(directory, ['source', 'site']);
  cloudfront = await startFakeCloudFront();
  await upload('reports/xiaowangzhuang-2023.txt', await seed('xiaowangzhuang-2023.txt'));
  await upload('reports/xiaowangzhuang-2023.meta.json', await seed('xiaowangzhuang-2023.meta.json'));
  const settings = parseSiteSettings(
    await readFile(new URL('data/site.json', PROJECT_ROOT)),
    'data/site.json',
  );
  handler = createPublishHandler({
    environment: {
      sourceBucket: 'source',
      siteBucket: 'site',
      distributionId: DISTRIBUTION_ID,
      siteUrl: `${SITE_URL}/`,
    },
    settings,
    s3: s3.client,
    cloudfront: cloudfront.client,
    logger,
  });
});
afterAll(async () => {
  await cloudfront?.close();
  await s3?.close();
  await rm(directory, { recursive: true, force: true });
});

// The cases share one site bucket and run in order: each starts from what the previous one published.
describe('the publisher handler against a local S3 server', () => {
  it('publishes the seed on a scheduled run and invalidates every path it wrote', async () => {
    const summary = await handler({ trigger: 'schedule' });
    expect(summary.reports).toEqual(['xiaowangzhuang-2023']);
    expect(summary.problems).toEqual([]);
    expect(summary.unchanged).toEqual([]);
    expect(summary.written).toEqual(
      expect.arrayContaining([
        'index.html',
        'datapackage.json',
        'assets/site.css',
        'data/figures.csv',
        'data/figures.json',
        'reports/xiaowangzhuang-2023/index.html',
        'reports/xiaowangzhuang-2023/source.txt',
      ]),
    );
    expect(cloudfront.invalidations).toHaveLength(1);
    expect(cloudfront.invalidations[0]?.distributionId).toBe(DISTRIBUTION_ID);
    expect(cloudfront.invalidations[0]?.paths).toEqual(
      ['/', ...summary.written.map((key) => `/${key}`)].sort(),
    );
  });

  it('writes each object with its Content-Type, Cache-Control and sha256 metadata', async () => {
    for (const key of [
      'index.html',
      'data/figures.csv',
      'data/figures.json',
      'reports/xiaowangzhuang-2023/source.txt',
    ]) {
      const head = await s3.client.send(new HeadObjectCommand({ Bucket: 'site', Key: key }));
      const body = await (
        await s3.client.send(new GetObjectCommand({ Bucket: 'site', Key: key }))
      ).Body?.transformToByteArray();
      expect(head.ContentType, key).toBe(CONTENT_TYPE_BY_EXTENSION[key.slice(key.lastIndexOf('.'))]);
      expect(head.CacheControl, key).toBe(STABLE_CACHE_CONTROL);
      expect(head.Metadata?.sha256, key).toBe(
        createHash('sha256')
          .update(body ?? new Uint8Array())
          .digest('hex'),
      );
    }
  });

  it('links the published data to the deployed site URL, not the local baseUrl', async () => {
    const out = await s3.client.send(new GetObjectCommand({ Bucket: 'site', Key: 'datapackage.json' }));
    const text = (await out.Body?.transformToString()) ?? '';
    expect(text).toContain(SITE_URL);
    expect(text).not.toContain('127.0.0.1');
  });

  it('writes nothing and invalidates nothing when an S3 event brings no change', async () => {
    const summary = await handler(s3Event('reports/xiaowangzhuang-2023.meta.json'));
    expect(summary.written).toEqual([]);
    expect(summary.unchanged.length).toBeGreaterThan(5);
    expect(cloudfront.invalidations).toHaveLength(1);
  });

  it('publishes a report added under reports/ and invalidates only what changed', async () => {
    await upload('reports/second-copy-2023.txt', await seed('xiaowangzhuang-2023.txt'));
    const summary = await handler(s3Event('reports/second-copy-2023.txt'));
    expect(summary.reports).toEqual(['second-copy-2023', 'xiaowangzhuang-2023']);
    expect(summary.written).toContain('reports/second-copy-2023/index.html');
    expect(summary.unchanged).toContain('reports/xiaowangzhuang-2023/source.txt');
    const paths = cloudfront.invalidations[1]?.paths;
    expect(paths).toContain('/');
    expect(paths).toContain('/reports/second-copy-2023/index.html');
    expect(paths).not.toContain('/reports/xiaowangzhuang-2023/source.txt');
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

  it('refuses an event it does not know', async () => {
    await expect(handler({ source: 'aws.sqs' })).rejects.toThrow(/cannot handle the event/);
  });
});

describe('the handler module', () => {
  const names = ['SOURCE_BUCKET', 'SITE_BUCKET', 'DISTRIBUTION_ID', 'SITE_URL'];

  it('fails at import, naming every missing variable', async () => {
    vi.resetModules();
    for (const name of names) vi.stubEnv(name, '');
    await expect(import('../../lambda/handlers/publish.ts')).rejects.toThrow(
      'The publisher function needs the environment variable(s) SOURCE_BUCKET, SITE_BUCKET, DISTRIBUTION_ID, SITE_URL',
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
