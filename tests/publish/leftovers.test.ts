/**
 * A run killed half-way (here: its store fails at the k-th write, as a kill would stop it) leaves a
 * version without its file list. Once the inputs change no run will resume it: the next run deletes
 * it in a folder, and records it in abandoned.json in a bucket, where the publisher may not delete
 * under versions/. (tests/cli/killed-run.test.ts kills a real `opendata publish` with SIGKILL.)
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABANDONED_KEY } from '../../lambda/contract/index.ts';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { S3Store } from '../../lambda/stores/s3-store.ts';
import type { Store } from '../../lambda/stores/store.ts';
import { changeOneReport, day, FailingStore, settings, writeReports } from '../support/publication.ts';
import { useLocalS3 } from '../support/s3.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const s3 = useLocalS3(['site']);

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);
const json = async (store: Store, key: string) => JSON.parse(text(await store.get(key)) ?? 'null');

/**
 * Publishes the reports, then changes one and runs again until the store fails at its 12th write,
 * then changes the reports once more. Returns the version the killed run left behind.
 */
async function killedRun(target: Store) {
  const reports = await tempDir();
  await writeReports(reports);
  const source = new FsStore(reports);
  const first = await publish({ source, target, settings, now: day(1) });
  await changeOneReport(reports);
  const failing = publish({ source, target: new FailingStore(target, 12), settings, now: day(2) });
  await expect(failing).rejects.toThrow(/write 12 .* failed/);
  const marker = await json(target, 'publishing.json');
  expect(await target.get(`versions/${marker.version}/manifest.json`)).toBeUndefined();
  expect((await target.list(`versions/${marker.version}/`)).length).toBeGreaterThan(0);
  // The inputs change again: no run will ever resume the killed run's version.
  const path = join(reports, 'dawangzhuang-2023.txt');
  await writeFile(path, (await readFile(path, 'utf8')).replace('2400件', '2500件'));
  return { source, first: first.version, abandoned: marker.version as string, inputHash: marker.inputHash };
}

describe('the version of a killed run, once the inputs have changed', () => {
  it('a folder: the next run deletes it, and keeps every complete version', async () => {
    const dir = await tempDir();
    const target = new FsStore(dir);
    const { source, first, abandoned } = await killedRun(target);
    const next = await publish({ source, target, settings, now: day(3) });
    expect(next.newVersion).toBe(true);
    expect((await readdir(join(dir, 'versions'))).sort()).toEqual([first, next.version].sort());
    expect(await readdir(dir)).not.toContain('publishing.json');
    expect(await readdir(dir)).not.toContain(ABANDONED_KEY);
    expect(next.written).not.toContain(ABANDONED_KEY);
    expect(abandoned).not.toBe(next.version);
  });

  it('a bucket: the next run records it in abandoned.json (once) and deletes nothing under versions/', async () => {
    const target = new S3Store(s3().client, 'site', `leftovers-${Date.now()}`);
    const { source, first, abandoned, inputHash } = await killedRun(target);
    const left = await target.list(`versions/${abandoned}/`);
    // Killed again right after recording it (its own marker not yet written): recorded once all the same.
    const killedAgain = publish({ source, target: new FailingStore(target, 2), settings, now: day(3) });
    await expect(killedAgain).rejects.toThrow(/write 2 .* failed/);
    const next = await publish({ source, target, settings, now: day(4) });
    expect(next.newVersion).toBe(true);
    expect(next.written).not.toContain(ABANDONED_KEY);
    expect(await json(target, ABANDONED_KEY)).toEqual({
      versions: [
        {
          version: abandoned,
          path: `versions/${abandoned}/`,
          inputHash,
          created: '2026-11-02T02:00:00.000Z',
          found: '2026-11-03T02:00:00.000Z',
        },
      ],
    });
    expect(await target.list(`versions/${abandoned}/`)).toEqual(left);
    expect(await target.get(`versions/${first}/manifest.json`)).toBeDefined();
    expect(await target.get('publishing.json')).toBeUndefined();
  });

  it('is kept while a run would resume it (the same inputs), and then completed', async () => {
    const dir = await tempDir();
    const target = new FsStore(dir);
    const reports = await tempDir();
    await writeReports(reports);
    const source = new FsStore(reports);
    await publish({ source, target, settings, now: day(1) });
    await changeOneReport(reports);
    await expect(
      publish({ source, target: new FailingStore(target, 12), settings, now: day(2) }),
    ).rejects.toThrow(/failed/);
    const marker = await json(target, 'publishing.json');
    const resumed = await publish({ source, target, settings, now: day(3) });
    expect(resumed.version).toBe(marker.version);
    expect(await target.get(`versions/${marker.version}/manifest.json`)).toBeDefined();
  });

  it('never the current version, even if a run was killed after switching to it and before letting go of its marker', async () => {
    const dir = await tempDir();
    const target = new FsStore(dir);
    const reports = await tempDir();
    await writeReports(reports);
    const source = new FsStore(reports);
    const first = await publish({ source, target, settings, now: day(1) });
    await writeFile(
      join(dir, 'publishing.json'),
      JSON.stringify({
        version: first.version,
        created: '2026-11-01T02:00:00.000Z',
        inputHash: 'f'.repeat(64),
      }),
    );
    await changeOneReport(reports);
    const next = await publish({ source, target, settings, now: day(2) });
    expect((await readdir(join(dir, 'versions'))).sort()).toEqual([first.version, next.version].sort());
  });
});
