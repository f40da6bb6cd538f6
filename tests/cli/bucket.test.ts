import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { useLocalS3 } from '../support/s3.ts';
import { SEED, useTempDirs } from '../support/temp.ts';

const ENV = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' };
const s3 = useLocalS3(['site']);
const tempDir = useTempDirs();

const cli = (...args: string[]) =>
  runCli([...args, '--bucket', 'site', '--endpoint', s3().endpoint], { env: ENV });
const object = async (key: string) =>
  (await s3().client.send(new GetObjectCommand({ Bucket: 'site', Key: key }))).Body?.transformToString();

describe('opendata publish, versions and rollback against a local S3 server (s3rver)', () => {
  it('publishes twice, rolls back to the first bytes, stays pinned, and publishes after release', async () => {
    const reports = await tempDir();
    await copyFile(SEED, join(reports, 'xiaowangzhuang-2023.txt'));
    const first = await cli('publish', reports);
    expect(first.code).toBe(0);
    const v1 = /new version (\S+?),/.exec(first.stdout)?.[1] as string;
    const csv1 = await object('data/figures.csv');
    await writeFile(
      join(reports, 'dawangzhuang-2023.txt'),
      (await readFile(SEED, 'utf8')).replaceAll('小王庄', '大王庄'),
    );

    const dry = await cli('publish', reports, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('reports: 1 added (dawangzhuang-2023)');
    expect(await object('data/figures.csv')).toBe(csv1);

    expect((await cli('publish', reports)).code).toBe(0);
    expect(await object('data/figures.csv')).not.toBe(csv1);
    const listed = await cli('versions', '--json');
    const kept = JSON.parse(listed.stdout);
    expect(
      kept.versions.map((v: { version: string; current: boolean }) => [v.version === v1, v.current]),
    ).toEqual([
      [false, true],
      [true, false],
    ]);

    const rolled = await cli('rollback', v1);
    expect(rolled.code).toBe(0);
    expect(await object('data/figures.csv')).toBe(csv1);
    expect(JSON.parse((await object('current.json')) as string)).toEqual({ version: v1 });
    const pinned = await cli('publish', reports);
    expect(pinned.stdout).toContain(`is pinned at version ${v1}`);
    expect(await object('data/figures.csv')).toBe(csv1);

    const again = await cli('publish', reports, '--release');
    expect(again.stdout).toMatch(new RegExp(`^Released the pin on version ${v1}\\.\\nPublished 2 reports `));
    expect(await object('data/reports.csv')).toContain('dawangzhuang-2023');
  });
});
