/**
 * The inputs' fingerprints (input-fingerprints.ts): a run with a cache folder records each report's
 * fingerprint and hashes, and the next run reads only the reports whose fingerprint changed. What it
 * publishes is what a run that reads everything publishes, byte for byte; a file rewritten, even to
 * the same size and modification time, is read again; a record that does not verify, or that lies,
 * costs a full read, never a wrong publication for more than the run that finds it out.
 */
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readKnownInputs, recordKnownInputs } from '../../lambda/publish/input-fingerprints.ts';
import { publish } from '../../lambda/publish/publish.ts';
import { ResultCache } from '../../lambda/publish/result-cache.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { LocalFolderStore } from '../../lambda/stores/local-folder-store.ts';
import type { GetOptions } from '../../lambda/stores/store.ts';
import { cacheEntries, TwinSites, writeGeneratedReports } from '../support/cache.ts';
import { day, settings, writeReports } from '../support/publication.ts';
import { sharedTempDirs, useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const sharedDir = sharedTempDirs();

/** How long a file's change time must be in the past for its fingerprint to count (the stores' SETTLED_MS), and a margin. */
const SETTLE_MS = 2100;

/** A folder of reports whose reads are counted by key. */
class CountingStore extends FsStore {
  readonly reads: string[] = [];
  override async get(key: string, options?: GetOptions): Promise<Uint8Array | undefined> {
    this.reads.push(key);
    return super.get(key, options);
  }
}

/** The report texts a run read. */
const textsRead = (store: CountingStore) => store.reads.filter((key) => key.endsWith('.txt')).sort();

/**
 * Folders of reports written long enough ago to be settled, all before one wait: the seed, its
 * sidecar and its copy, and four generated reports (never changed); the same, one of which a test
 * changes; two generated reports, one of which a test rewrites.
 */
let settled: string;
let generated: string[];
let changing: { folder: string; ids: string[] };
let rewriting: { folder: string; ids: string[] };

beforeAll(async () => {
  settled = await sharedDir();
  await writeReports(settled);
  generated = await writeGeneratedReports(settled, 0, 4);
  changing = { folder: await sharedDir(), ids: [] };
  await writeReports(changing.folder);
  changing.ids = await writeGeneratedReports(changing.folder, 0, 4);
  rewriting = { folder: await sharedDir(), ids: [] };
  rewriting.ids = await writeGeneratedReports(rewriting.folder, 10, 2);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
});

/** Sites published from the settled reports, with a cache of their own. */
async function twinsOfSettled(): Promise<TwinSites> {
  return new TwinSites(settled, await tempDir(), await tempDir(), await tempDir());
}

describe('a folder listing', () => {
  it('gives a fingerprint to a file whose times have settled, and none to one just written', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, 'fresh.txt'), '新');
    const store = new FsStore(settled);
    const listed = await store.listWithSizes('');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((object) => object.fingerprint?.startsWith('file:'))).toBe(true);
    expect(await new FsStore(folder).listWithSizes('')).toEqual([{ key: 'fresh.txt', bytes: 3 }]);
  });
});

describe('a run with the inputs recorded', () => {
  it('reads no report when none changed', async () => {
    const twins = await twinsOfSettled();
    const first = new CountingStore(settled);
    await publish({
      source: first,
      target: new FsStore(twins.site),
      settings,
      workers: 1,
      cacheFolder: twins.cacheFolder,
      now: day(1),
    });
    expect(textsRead(first)).toHaveLength(6);

    const unchanged = new CountingStore(settled);
    const again = await publish({
      source: unchanged,
      target: new FsStore(twins.site),
      settings,
      workers: 1,
      cacheFolder: twins.cacheFolder,
      now: day(2),
    });
    expect(again.fastPath).toBe(true);
    expect(textsRead(unchanged)).toEqual([]);
  });

  it('publishes what a run that reads every report publishes, with one report changed since', async () => {
    const { folder: reports, ids } = changing;
    const twins = new TwinSites(reports, await tempDir(), await tempDir(), await tempDir());
    await twins.publish({ now: day(1) });
    const changed = join(reports, `${ids[1]}.txt`);
    await writeFile(
      changed,
      (await readFile(changed, 'utf8')).replace(/\d+/, (n) => String(Number(n) + 7)),
    );
    const counting = new CountingStore(reports);
    const second = await twins.publish({ now: day(2) }, { source: counting });
    expect(second.newVersion).toBe(true);
    expect(textsRead(counting)).toEqual([`${ids[1]}.txt`]);
    const { cached, reference } = await twins.trees();
    expect(cached).toEqual(reference);
  });

  it('reads a report rewritten to the same size with its modification time put back', async () => {
    const { folder: reports, ids } = rewriting;
    const id = ids[0] as string;
    const twins = new TwinSites(reports, await tempDir(), await tempDir(), await tempDir());
    await twins.publish({ now: day(1) });
    const path = join(reports, `${id}.txt`);
    const before = await stat(path);
    const text = await readFile(path, 'utf8');
    // The same number of bytes: one digit for another.
    const rewritten = text.replace(/(\d)/, (digit) => String((Number(digit) + 1) % 10));
    expect(Buffer.byteLength(rewritten)).toBe(before.size);
    await writeFile(path, rewritten);
    await utimes(path, before.atime, before.mtime);
    const counting = new CountingStore(reports);
    const second = await twins.publish({ now: day(2) }, { source: counting });
    expect(textsRead(counting)).toContain(`${id}.txt`);
    expect(second.newVersion).toBe(true);
    const { cached, reference } = await twins.trees();
    expect(cached).toEqual(reference);
  });

  it('reads every report again when the record does not verify', async () => {
    const twins = await twinsOfSettled();
    await twins.publish({ now: day(1) });
    const entries = await cacheEntries(twins.cacheFolder);
    const record = [...entries.keys()].find((key) => key.startsWith('inputs/')) as string;
    expect(record).toBeDefined();
    const bytes = entries.get(record) as Buffer;
    bytes[bytes.length - 2] = bytes[bytes.length - 2] === 0x41 ? 0x42 : 0x41;
    await writeFile(join(twins.cacheFolder, record), bytes);
    const counting = new CountingStore(settled);
    const second = await twins.publish({ now: day(2) }, { source: counting });
    expect(second.fastPath).toBe(true);
    expect(textsRead(counting)).toHaveLength(6);
  });

  it('makes a report whose recorded hash lies the problem of one run, and forgets the record', async () => {
    const twins = await twinsOfSettled();
    await twins.publish({ now: day(1) });
    const cache = new ResultCache(new LocalFolderStore(twins.cacheFolder));
    const location = new FsStore(settled).location;
    const known = await readKnownInputs(cache, location);
    const lied = generated[0] as string;
    expect(known.get(lied)).toBeDefined();
    const wrong = new Map(known);
    wrong.set(lied, {
      ...(known.get(lied) as { fingerprint: string; sha256: string }),
      sha256: '0'.repeat(64),
    });
    await recordKnownInputs(cache, location, wrong, known);

    const second = await twins.publish({ now: day(2) });
    expect(second.problems).toEqual([
      expect.objectContaining({
        id: lied,
        problem: expect.stringMatching(/changed while it was being published/),
      }),
    ]);
    expect((await readKnownInputs(cache, location)).size).toBe(0);
    // The run after reads every report and publishes it whole again.
    const counting = new CountingStore(settled);
    const third = await twins.publish({ now: day(3) }, { source: counting });
    expect(third.problems).toEqual([]);
    expect(textsRead(counting)).toHaveLength(6);
    const figures = async (site: string) => readFile(join(site, 'data', 'figures.csv'), 'utf8');
    expect(await figures(twins.site)).toBe(await figures(twins.referenceSite));
  });
});
