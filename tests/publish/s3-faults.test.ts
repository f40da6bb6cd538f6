/**
 * S3 fails at the k-th request of a publication (every sixth k, and the last; every k is covered
 * in memory by faults.test.ts): from there on every request fails (S3 down, or throttling that
 * outlasts the retries), or the S3 server itself is stopped and started again. Readers of the stable URLs, which go through the
 * version pointer as CloudFront does, see one whole publication, old or new, at every k; the next run
 * finishes the job and leaves the bucket as an undisturbed run would.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CopyObjectCommand, CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { createS3Client } from '../../lambda/stores/s3-client.ts';
import { S3Store } from '../../lambda/stores/s3-store.ts';
import type { Store } from '../../lambda/stores/store.ts';
import { StoreError } from '../../lambda/stores/store-error.ts';
import { type FaultyProxy, startFaultyProxy } from '../support/faulty-proxy.ts';
import { day, settings } from '../support/publication.ts';
import { type RestartableS3, S3RVER_CREDENTIALS, startRestartableS3 } from '../support/s3.ts';

const TEXT = (n: number) =>
  `青石镇2024年法治政府建设情况报告\n一、主要成效\n全年共受理矛盾纠纷${n}件，调解成功率100%。\n`;
const NO_WAIT = { attempts: 2, baseDelayMs: 0, maxDelayMs: 0, sleep: async () => {} };

let s3: RestartableS3;
let proxy: FaultyProxy;
let directory: string;
let buckets = 0;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 's3rver-faults-'));
  s3 = await startRestartableS3(directory);
  proxy = await startFaultyProxy(s3.endpoint);
});
afterAll(async () => {
  await proxy?.close();
  await s3?.stop();
  s3?.client.destroy();
  await rm(directory, { recursive: true, force: true });
});

/** A fresh bucket, reached directly and through the faulty proxy. */
async function bucket(): Promise<{ direct: S3Store; proxied: S3Store }> {
  const name = `site-${++buckets}`;
  await s3.client.send(new CreateBucketCommand({ Bucket: name }));
  const client = createS3Client({
    endpoint: proxy.endpoint,
    region: 'us-east-1',
    credentials: S3RVER_CREDENTIALS,
  });
  return {
    direct: new S3Store(s3.client, name, '', NO_WAIT),
    proxied: new S3Store(client, name, '', NO_WAIT),
  };
}

async function reportsFolder(n: number): Promise<FsStore> {
  const dir = await mkdtemp(join(tmpdir(), 'reports-'));
  await writeFile(join(dir, 'qingshi-2024.txt'), TEXT(n));
  await writeFile(join(dir, 'baishi-2024.txt'), TEXT(7).replace('青石镇', '白石镇'));
  return new FsStore(dir);
}

/** Server-side copies of every object, headers and metadata included: the same state as publishing it. */
async function copyBucket(from: string, to: string): Promise<void> {
  const { Contents = [] } = await s3.client.send(new ListObjectsV2Command({ Bucket: from }));
  await Promise.all(
    Contents.map(({ Key }) =>
      s3.client.send(new CopyObjectCommand({ Bucket: to, Key, CopySource: `${from}/${Key}` })),
    ),
  );
}

/** Every stable path as a reader gets it: through current.json, the way CloudFront's function goes. */
async function served(store: Store, paths: readonly string[]): Promise<Map<string, string | undefined>> {
  const pointer = await store.get('current.json');
  const version = pointer ? JSON.parse(new TextDecoder().decode(pointer)).version : undefined;
  const view = new Map<string, string | undefined>();
  for (const path of paths) {
    const bytes = await store.get(`versions/${version}/${path}`);
    view.set(path, bytes ? new TextDecoder().decode(bytes) : undefined);
  }
  return view;
}

interface Reference {
  /** A bucket holding the first publication, copied as the start of every faulty run. */
  template: string;
  before: FsStore;
  after: FsStore;
  paths: string[];
  versions: { old: string; new: string };
  views: { old: Map<string, string | undefined>; new: Map<string, string | undefined> };
  /** Requests the changed publication makes when nothing fails. */
  requests: number;
}

let shared: Promise<Reference> | undefined;

/** The same change published with nothing failing: what every faulty run is compared with. Made once. */
function reference(): Promise<Reference> {
  shared ??= makeReference();
  return shared;
}

async function makeReference(): Promise<Reference> {
  const before = await reportsFolder(12);
  const after = await reportsFolder(13);
  const template = await bucket();
  await publish({ source: before, target: template.direct, settings, now: day(1) });
  const { direct, proxied } = await bucket();
  await copyBucket(template.direct.bucket, direct.bucket);
  const first = { version: JSON.parse(new TextDecoder().decode(await direct.get('current.json'))).version };
  const paths = (await direct.list('')).filter(
    (k) => !k.startsWith('versions/') && k !== 'current.json' && k !== 'manifest.json',
  );
  const old = await served(direct, paths);
  proxy.requests = 0;
  proxy.plan = () => 'pass';
  const completed = await publish({ source: after, target: proxied, settings, now: day(2) });
  const requests = proxy.requests;
  const views = { old, new: await served(direct, paths) };
  expect(views.new).not.toEqual(views.old);
  return {
    template: template.direct.bucket,
    before,
    after,
    paths,
    versions: { old: first.version, new: completed.version },
    views,
    requests,
  };
}

/**
 * Publishes the first version, then the change with S3 failing from its k-th request on (`outage`
 * makes the failure and `recover` ends it); checks what readers see, recovers and runs again.
 */
async function failAt(ref: Reference, k: number, outage: () => void, recover: () => Promise<void>) {
  const { direct, proxied } = await bucket();
  await copyBucket(ref.template, direct.bucket);
  proxy.requests = 0;
  proxy.plan = (n) => {
    if (n === k) outage();
    return n >= k && !stopped ? 503 : 'pass';
  };
  const failed = await publish({ source: ref.after, target: proxied, settings, now: day(2) }).catch(
    (e: unknown) => e,
  );
  expect(failed, `k=${k}`).toBeInstanceOf(StoreError);
  await recover();
  const pointer = JSON.parse(new TextDecoder().decode(await direct.get('current.json'))).version;
  expect([ref.versions.old, ref.versions.new], `k=${k}`).toContain(pointer);
  expect(await served(direct, ref.paths), `k=${k}`).toEqual(
    pointer === ref.versions.new ? ref.views.new : ref.views.old,
  );
  proxy.plan = () => 'pass';
  const resumed = await publish({ source: ref.after, target: proxied, settings, now: day(2) });
  expect(resumed.version, `k=${k}`).toBe(ref.versions.new);
  expect(await served(direct, ref.paths), `k=${k}`).toEqual(ref.views.new);
  expect(await direct.get('publishing.json'), `k=${k}`).toBeUndefined();
}

/** While the S3 server is stopped the proxy passes requests on, and they meet a closed port. */
let stopped = false;

describe('a publication to S3 that fails at the k-th request', () => {
  it('S3 answering 503 from the k-th request on (every sixth k, and the last): one whole publication is served, the next run completes it', async () => {
    const ref = await reference();
    expect(ref.requests).toBeGreaterThan(40);
    const ks = Array.from({ length: ref.requests }, (_, i) => i + 1).filter(
      (k) => k % 6 === 1 || k === ref.requests,
    );
    for (const k of ks)
      await failAt(
        ref,
        k,
        () => {},
        async () => {},
      );
  }, 60_000);

  it.each([2, 15, 30, 45])(
    'the S3 server stopped at request %i and started again: the same',
    async (k) => {
      const ref = await reference();
      let stopping: Promise<void> = Promise.resolve();
      await failAt(
        ref,
        Math.min(k, ref.requests),
        () => {
          stopped = true;
          stopping = s3.stop();
        },
        async () => {
          await stopping;
          await s3.start();
          stopped = false;
        },
      );
    },
    30_000,
  );
});
