import { readFile } from 'node:fs/promises';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerLogger } from '../../lambda/handlers/publish-handler.ts';
import { ShrinkRefusedError } from '../../lambda/publish/shrink-guard.ts';
import type { LocalS3 } from '../support/s3.ts';
import { SEED } from '../support/temp.ts';
import type { FakeCloudFront } from './fake-cloudfront.ts';
import type { FakeKeyValueStore } from './fake-kvs.ts';
import { type LocalAws, localHandler, startLocalAws } from './local-aws.ts';

let aws: LocalAws;
let s3: LocalS3;
let cloudfront: FakeCloudFront;
let kvs: FakeKeyValueStore;
let day = 0;
const logged: { level: string; message: string; extra: Record<string, unknown> }[] = [];
const logger: HandlerLogger = {
  info: (message, extra) => logged.push({ level: 'info', message, extra }),
  error: (message, extra) => logged.push({ level: 'error', message, extra }),
};

function handlerWith(allowShrink: boolean) {
  const handler = localHandler(aws, {
    logger,
    clock: () => new Date(Date.UTC(2026, 2, 1 + day++)),
    allowShrink,
  });
  // The results differ by event; these tests read the fields each kind of run has.
  return async (event: unknown) => (await handler(event)) as unknown as Record<string, unknown>;
}

const put = (key: string, body: Uint8Array | string) =>
  s3.client.send(new PutObjectCommand({ Bucket: 'source', Key: key, Body: body }));
const remove = (key: string) => s3.client.send(new DeleteObjectCommand({ Bucket: 'source', Key: key }));
const stable = async (key: string) =>
  (
    await s3.client.send(new GetObjectCommand({ Bucket: 'site', Key: key })).catch(() => undefined)
  )?.Body?.transformToString();

beforeAll(async () => {
  aws = await startLocalAws();
  ({ s3, cloudfront, kvs } = aws);
  const seed = await readFile(SEED);
  for (const town of ['dongcun', 'xicun', 'nancun']) await put(`reports/${town}-2023.txt`, seed);
});
afterAll(() => aws?.close());

// The cases share one site and run in order.
describe('rollback, release and the shrink guard on AWS (s3rver, fake KeyValueStore and CloudFront)', () => {
  let second: string;

  it('refuses a run that would drop most reports, logs why and fails the invocation (the alarm)', async () => {
    const handler = handlerWith(false);
    await handler({ trigger: 'schedule' });
    await put('reports/beicun-2023.txt', await readFile(SEED));
    second = (await handler({ trigger: 'schedule' })).version as string;
    for (const town of ['dongcun', 'xicun', 'nancun']) await remove(`reports/${town}-2023.txt`);
    const before = await stable('data/reports.csv');
    await expect(handler({ trigger: 'schedule' })).rejects.toThrow(ShrinkRefusedError);
    expect(logged.at(-1)).toMatchObject({
      level: 'error',
      message: 'Publication refused',
      extra: { live: 4 },
    });
    expect(await stable('data/reports.csv')).toBe(before);
    expect(kvs.keys.get('current')).toBe(second);
  });

  it('lets one manual run shrink the site when asked, and the allowShrink setting lets every run', async () => {
    const strict = handlerWith(false);
    await expect(strict({})).rejects.toThrow(ShrinkRefusedError);
    expect((await strict({ allowShrink: true })).reports).toEqual(['beicun-2023']);
    for (const town of ['dongcun', 'xicun', 'nancun'])
      await put(`reports/${town}-2023.txt`, await readFile(SEED));
    expect((await strict({ trigger: 'schedule' })).reports).toHaveLength(4);
    for (const town of ['dongcun', 'xicun', 'nancun']) await remove(`reports/${town}-2023.txt`);
    expect((await handlerWith(true)({ trigger: 'schedule' })).reports).toEqual(['beicun-2023']);
  });

  it('{"rollback": "<version>"} switches the KeyValueStore pointer and invalidates what changed', async () => {
    const handler = handlerWith(false);
    const invalidations = cloudfront.invalidations.length;
    const result = await handler({ rollback: second });
    expect(result).toMatchObject({ action: 'rollback', version: second, pinned: { version: second } });
    expect(kvs.keys.get('current')).toBe(second);
    expect(cloudfront.invalidations).toHaveLength(invalidations + 1);
    expect(cloudfront.invalidations.at(-1)?.paths).toEqual(
      expect.arrayContaining(['/data/reports.csv', '/feed.atom', '/manifest.json']),
    );
    expect(result.invalidated).toEqual(cloudfront.invalidations.at(-1)?.paths);
    expect(await stable('data/reports.csv')).toContain('dongcun-2023');
  });

  it('the schedule then builds nothing and says the site is pinned; {"release": true} lifts the pin', async () => {
    const handler = handlerWith(true);
    const pinned = await handler({ trigger: 'schedule' });
    expect(pinned).toMatchObject({ pinned: { version: second }, written: [], invalidated: [] });
    expect(logged.at(-1)).toMatchObject({ message: 'Pinned' });
    const released = await handler({ release: true });
    expect(released).toMatchObject({ action: 'release', released: second });
    expect(released.invalidated).toEqual(['/feed.atom', '/manifest.json']);
    const after = await handler({ trigger: 'schedule' });
    expect(after).toMatchObject({ newVersion: true, reports: ['beicun-2023'] });
    expect(kvs.keys.get('current')).toBe(after.version);
  });

  it('{"rollback": true} goes back one version', async () => {
    const handler = handlerWith(false);
    const manifest = JSON.parse((await stable('manifest.json')) as string);
    const result = await handler({ rollback: true });
    expect(result.version).toBe(manifest.versions[1].version);
    expect(kvs.keys.get('current')).toBe(manifest.versions[1].version);
  });
});
