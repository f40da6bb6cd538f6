/**
 * Sizes are checked before reading: a report or sidecar over its limit is refused from the listing
 * (a folder's lstat, S3's LIST) or from the open file, so a 3 GiB file costs no memory, and the
 * other reports are published.
 */
import { copyFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../lambda/publish/publish.ts';
import { S3Store } from '../../lambda/stores/s3-store.ts';
import { runCli } from '../support/cli.ts';
import { type FaultyProxy, startFaultyProxy } from '../support/faulty-proxy.ts';
import { settings } from '../support/publication.ts';
import { s3rverClient, useLocalS3 } from '../support/s3.ts';
import { SEED, useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const GIB = 1024 ** 3;

describe('reports and sidecars over their limits', () => {
  it('a 3 GiB report and a 3 GiB sidecar (sparse files) are refused unread; the seed is published', async () => {
    const reports = await tempDir();
    await copyFile(SEED, join(reports, 'xiaowangzhuang-2023.txt'));
    for (const name of ['huge-2024.txt', 'other-2024.meta.json']) {
      await writeFile(join(reports, name), '');
      await truncate(join(reports, name), 3 * GIB);
    }
    await copyFile(SEED, join(reports, 'other-2024.txt'));
    const { code, stdout, stderr } = await runCli(['publish', reports, '--out', await tempDir()]);
    expect(stderr.trim().split('\n')).toEqual([
      `${join(reports, 'huge-2024.txt')}: is 3072.0 MiB; reports over 1.0 MiB are refused (split it or remove what is not report text)`,
      `${join(reports, 'other-2024.meta.json')}: is 3072.0 MiB; sidecars over 0.1 MiB are refused`,
    ]);
    expect(stdout).toMatch(/^Published 1 report .*, 2 report\(s\) left out\.$/m);
    expect(code).toBe(1);
  });
});

describe('reports over the limit in an S3 source bucket', () => {
  const s3 = useLocalS3(['source', 'site']);
  let proxy: FaultyProxy;
  const requests: string[] = [];
  beforeAll(async () => {
    proxy = await startFaultyProxy(s3().endpoint);
    proxy.record = (method, url) => requests.push(`${method} ${url}`);
  });
  afterAll(() => proxy?.close());

  it('are refused from the LIST, without a GET of their bytes', async () => {
    const put = (key: string, body: Uint8Array | string) =>
      s3().client.send(new PutObjectCommand({ Bucket: 'source', Key: key, Body: body }));
    await put('reports/small-2024.txt', '青石镇2024年法治政府建设情况报告\n全年共受理矛盾纠纷12件。\n');
    await put('reports/big-2024.txt', new Uint8Array(2 * 1024 * 1024).fill(0x41));
    const client = s3rverClient(proxy.endpoint);
    const summary = await publish({
      source: new S3Store(client, 'source', 'reports/'),
      target: new S3Store(client, 'site'),
      settings,
    });
    expect(summary.reports).toEqual(['small-2024']);
    expect(summary.problems).toEqual([
      expect.objectContaining({
        file: 's3://source/reports/big-2024.txt',
        problem: expect.stringMatching(/^is 2\.0 MiB; reports over 1\.0 MiB are refused/),
      }),
    ]);
    expect(requests.filter((r) => r.startsWith('GET /source/reports/big-2024.txt'))).toEqual([]);
    expect(requests.filter((r) => r.startsWith('GET /source/reports/small-2024.txt'))).toHaveLength(1);
  });
});
