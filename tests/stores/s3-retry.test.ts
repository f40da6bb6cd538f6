import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createS3Client } from '../../lambda/stores/s3-client.ts';
import { S3Store } from '../../lambda/stores/s3-store.ts';
import { StoreError } from '../../lambda/stores/store-error.ts';
import { type Fault, type FaultyProxy, startFaultyProxy } from '../support/faulty-proxy.ts';
import { type LocalS3, S3RVER_CREDENTIALS, startLocalS3 } from '../support/s3.ts';

let s3: LocalS3;
let proxy: FaultyProxy;
let directory: string;
const waits: number[] = [];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 's3rver-retry-'));
  s3 = await startLocalS3(directory, ['site']);
  proxy = await startFaultyProxy(s3.endpoint);
});
afterAll(async () => {
  await proxy?.close();
  await s3?.close();
  await rm(directory, { recursive: true, force: true });
});
beforeEach(() => {
  proxy.requests = 0;
  proxy.plan = () => 'pass';
  waits.length = 0;
});

/** A store through the proxy, with the production retry policy but a clock that only records the waits. */
function store(attempts = 4): S3Store {
  const client = createS3Client({
    endpoint: proxy.endpoint,
    region: 'us-east-1',
    credentials: S3RVER_CREDENTIALS,
    idleTimeoutMs: 300,
  });
  return new S3Store(client, 'site', '', {
    attempts,
    baseDelayMs: 200,
    maxDelayMs: 5_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('S3Store retries what may pass', () => {
  it.each<[string, Fault]>([
    ['a 503 Slow Down', 503],
    ['a 500 Internal Error', 500],
    ['a reset connection', 'reset'],
    ['a request that times out', 'hang'],
  ])('%s on a PUT and on a GET: retried after a backoff, and it succeeds', async (_name, fault) => {
    const site = store();
    proxy.plan = (n) => (n === 1 || n === 3 ? fault : 'pass');
    await site.put('data/a.csv', bytes('id,value\r\n1,2361\r\n'), { contentType: 'text/csv' });
    expect(new TextDecoder().decode(await site.get('data/a.csv'))).toBe('id,value\r\n1,2361\r\n');
    expect(proxy.requests).toBe(4);
    expect(waits).toHaveLength(2);
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(200);
  });

  it('makes a streamed body afresh for the retry, so the object is whole', async () => {
    const site = store();
    const chunks = ['小王庄', ',2361', '\r\n'].map(bytes);
    let passes = 0;
    const body = {
      *[Symbol.iterator]() {
        passes += 1;
        yield* chunks;
      },
    };
    proxy.plan = (n) => (n === 1 ? 'reset' : 'pass');
    const whole = Buffer.concat(chunks);
    const { createHash } = await import('node:crypto');
    await site.put('big.csv', body, {
      contentType: 'text/csv',
      bytes: whole.byteLength,
      sha256: createHash('sha256').update(whole).digest('hex'),
    });
    expect(Buffer.from((await site.get('big.csv')) ?? []).equals(whole)).toBe(true);
    expect(passes).toBe(2);
  });

  it('backs off exponentially, with jitter under a doubling ceiling', async () => {
    proxy.plan = () => 503;
    await expect(store(4).get('x')).rejects.toBeInstanceOf(StoreError);
    expect(waits).toHaveLength(3);
    for (const [i, wait] of waits.entries()) expect(wait).toBeLessThanOrEqual(200 * 2 ** i);
  });

  it('gives up on a persistent failure with one clear error after the last try', async () => {
    proxy.plan = () => 503;
    const error = await store(4)
      .get('data/figures.csv')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toBe(
      'GET s3://site/data/figures.csv failed after 4 tries: SlowDown (HTTP 503): injected',
    );
    expect(proxy.requests).toBe(4);
  });

  it('does not retry what another try cannot fix (403 Access Denied)', async () => {
    proxy.plan = () => 403;
    await expect(store().put('x.txt', bytes('x'), { contentType: 'text/plain' })).rejects.toThrow(
      'PUT s3://site/x.txt failed after 1 try: AccessDenied (HTTP 403): injected',
    );
    expect(proxy.requests).toBe(1);
  });
});
