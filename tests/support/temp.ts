import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** A fresh temporary folder, removed after the test. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'opendata-test-'));
    made.push(dir);
    return dir;
  };
}

/** Temporary folders that the tests of a file share (made in beforeAll), removed after them all. */
export function sharedTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterAll(() => Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))));
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'opendata-test-'));
    made.push(dir);
    return dir;
  };
}

export const PROJECT_ROOT = new URL('../../', import.meta.url);
export const SEED = new URL('data/reports/xiaowangzhuang-2023.txt', PROJECT_ROOT);
/** The hand-labelled development corpus (texts, gold files, MANIFEST.tsv). */
export const CORPUS = new URL('tests/fixtures/corpus/', PROJECT_ROOT);
/** The seed's gold file; its text is SEED. */
export const SEED_GOLD = new URL('tests/fixtures/seeds/xiaowangzhuang-2023.gold.jsonl', PROJECT_ROOT);
