import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyValueStorePointer, KVS_RETRY } from '../../lambda/handlers/kvs-pointer.ts';
import { type FakeKeyValueStore, KVS_ARN, startFakeKeyValueStore } from './fake-kvs.ts';

let kvs: FakeKeyValueStore;
beforeAll(async () => {
  kvs = await startFakeKeyValueStore();
});
afterAll(async () => {
  await kvs?.close();
});

describe('KeyValueStorePointer', () => {
  it('puts the version under `current` with the ETag it just read, signed for the account host', async () => {
    kvs.requests.length = 0;
    await new KeyValueStorePointer(kvs.client, KVS_ARN).switchTo('20261127T052300Z-3f0c9a1b2c4d');
    expect(kvs.keys.get('current')).toBe('20261127T052300Z-3f0c9a1b2c4d');
    expect(kvs.requests.map((r) => [r.method, r.path.endsWith('/keys/current'), r.ifMatch])).toEqual([
      ['GET', false, undefined],
      ['PUT', true, expect.stringMatching(/^E\d+$/)],
    ]);
    expect(kvs.requests[0]?.host).toMatch(/^123456789012\.kvs\.test:\d+$/);
  });

  it('reads the ETag again and retries when another writer got there first', async () => {
    kvs.conflicts = 2;
    await new KeyValueStorePointer(kvs.client, KVS_ARN).switchTo('20261128T000000Z-aaaaaaaaaaaa');
    expect(kvs.keys.get('current')).toBe('20261128T000000Z-aaaaaaaaaaaa');
  });

  it('waits a jittered backoff between conflicts and reads the ETag afresh each time', async () => {
    kvs.conflicts = 2;
    kvs.requests.length = 0;
    const waits: number[] = [];
    const policy = { ...KVS_RETRY, sleep: async (ms: number) => void waits.push(ms) };
    await new KeyValueStorePointer(kvs.client, KVS_ARN, policy).switchTo('20261128T120000Z-cccccccccccc');
    expect(kvs.requests.map((r) => r.method)).toEqual(['GET', 'PUT', 'GET', 'PUT', 'GET', 'PUT']);
    const etags = kvs.requests.filter((r) => r.method === 'PUT').map((r) => r.ifMatch);
    expect(new Set(etags).size).toBe(3);
    expect(waits).toHaveLength(2);
    for (const [i, wait] of waits.entries()) expect(wait).toBeLessThan(KVS_RETRY.baseDelayMs * 2 ** i);
  });

  it('gives up after three conflicts', async () => {
    kvs.conflicts = 3;
    await expect(
      new KeyValueStorePointer(kvs.client, KVS_ARN).switchTo('20261129T000000Z-bbbbbbbbbbbb'),
    ).rejects.toMatchObject({ name: 'ConflictException' });
  });
});
