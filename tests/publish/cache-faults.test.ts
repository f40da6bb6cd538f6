/**
 * A cache entry is verified before use (#15): one truncated, of another format version, with a
 * byte flipped inside a section, or whose key line names another key is refused and its report made
 * again; one deleted while the run goes is made again when the reduce needs it. Whatever the cache
 * holds, the site published is byte for byte the one a run with no cache at all publishes.
 * Each run here publishes six small reports (the seed, its copy for a second town, four generated
 * reports) in a few hundred milliseconds.
 */
import { rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { cacheEntries, damageEntries, FAULTS, TwinSites, writeGeneratedReports } from '../support/cache.ts';
import { changeOneReport, day, settings, writeReports } from '../support/publication.ts';
import { sharedTempDirs, useTempDirs } from '../support/temp.ts';
import { treeDigest } from '../support/tree.ts';

const tempDir = useTempDirs();
/** The reports of every test: the seed with its sidecar, its copy, four generated reports. */
const REPORTS = 6;

async function reportsFolder(dir?: string): Promise<string> {
  dir ??= await tempDir();
  await writeReports(dir);
  await writeGeneratedReports(dir, 0, REPORTS - 2);
  return dir;
}

/** The reports of the tests that share them, and the files of their publication with no cache. */
let warm: { reports: string; fresh: Record<string, string> };
const sharedDir = sharedTempDirs();

beforeAll(async () => {
  const [reports, site] = [await sharedDir(), await sharedDir()];
  await reportsFolder(reports);
  await publish({ source: new FsStore(reports), target: new FsStore(site), settings, now: day(1) });
  warm = { reports, fresh: await treeDigest(site) };
});

/**
 * The shared reports published into a first site with a new cache folder, its entries damaged, then
 * published into a second site with that cache (no previous version there: every stage is read).
 */
async function secondSite(damage: (cache: string) => Promise<number>) {
  const [site, cache] = [await tempDir(), await tempDir()];
  const source = new FsStore(warm.reports);
  const options = { source, settings, now: day(1), workers: 1, cacheFolder: cache };
  await publish({ ...options, target: new FsStore(await tempDir()) });
  const damaged = await damage(cache);
  const summary = await publish({ ...options, target: new FsStore(site) });
  return { site, cache, damaged, summary, again: () => publish({ ...options, target: new FsStore(site) }) };
}

/**
 * Where each stage is read in a run with no previous version: every report's unit, then its pages
 * (nothing to link them from), then its rows in the reduce; its figures only when its unit is refused.
 */
const STAGES = [
  { damaged: ['unit'], reports: { cached: 0, made: REPORTS } },
  { damaged: ['unit', 'figures'], reports: { cached: 0, made: REPORTS } },
  { damaged: ['pages'], reports: { cached: 0, made: REPORTS } },
  { damaged: ['rows'], reports: { cached: REPORTS, made: 0 } },
];

describe.each(Object.entries(FAULTS))('a cache entry %s is refused, never published', (_fault, fault) => {
  it.each(STAGES)('in $damaged: the site is the one a run with no cache makes', async (stage) => {
    const { site, cache, damaged, summary } = await secondSite((folder) =>
      damageEntries(folder, stage.damaged, fault),
    );
    expect(damaged).toBe(REPORTS * stage.damaged.length);
    expect(summary.problems).toEqual([]);
    expect(summary.cache).toMatchObject({ refused: damaged, reports: stage.reports });
    expect(await treeDigest(site)).toEqual(warm.fresh);
    // Each refused entry was written again: a third site from the same cache refuses none and makes none.
    const third = await publish({
      source: new FsStore(warm.reports),
      target: new FsStore(await tempDir()),
      settings,
      now: day(1),
      workers: 1,
      cacheFolder: cache,
    });
    expect(third.cache).toMatchObject({ refused: 0, reports: { cached: REPORTS, made: 0 } });
  });

  it("in the same site, when one report changed and every other report's entries are damaged", async () => {
    const twins = new TwinSites(await reportsFolder(), await tempDir(), await tempDir(), await tempDir());
    await twins.publish({ now: day(1) });
    await changeOneReport(twins.reports);
    const damaged = await damageEntries(twins.cacheFolder, ['figures', 'unit', 'pages', 'rows'], fault);
    const second = await twins.publish({ now: day(2) });
    expect(second.newVersion).toBe(true);
    expect(second.problems).toEqual([]);
    // The five that did not change: their unit and figures refused; their rows made again with them.
    expect(second.cache).toMatchObject({ refused: 2 * (REPORTS - 1), reports: { cached: 0, made: REPORTS } });
    expect(damaged).toBe(4 * REPORTS);
    const { cached, reference } = await twins.trees();
    expect(cached).toEqual(reference);
  });
});

describe('a cache entry deleted while the run goes', () => {
  const deletingRows = (cache: string) => (done: number, total: number) => {
    // After the last report is committed, before the reduce reads any report's rows.
    if (done === total) rmSync(join(cache, 'rows'), { recursive: true, force: true });
  };

  it("is made again when the reduce reads it: every report's rows, from a warm cache", async () => {
    const cache = await tempDir();
    const source = new FsStore(warm.reports);
    const options = { source, settings, now: day(1), workers: 1, cacheFolder: cache };
    await publish({ ...options, target: new FsStore(await tempDir()) });
    const site = await tempDir();
    const summary = await publish({ ...options, target: new FsStore(site), onProgress: deletingRows(cache) });
    expect(summary.cache).toMatchObject({ refused: 0, reports: { cached: REPORTS, made: 0 } });
    // Each report's rows: missed in the reduce, then read again once made.
    expect(summary.cache?.misses).toBe(REPORTS);
    expect(await treeDigest(site)).toEqual(warm.fresh);
    expect([...(await cacheEntries(cache)).keys()].filter((key) => key.startsWith('rows/'))).toHaveLength(
      REPORTS,
    );
  });

  it('is made again in a run that wrote rows itself before they went (one report changed)', async () => {
    const twins = new TwinSites(await reportsFolder(), await tempDir(), await tempDir(), await tempDir());
    await twins.publish({ now: day(1) });
    await changeOneReport(twins.reports);
    const second = await twins.publish({ now: day(2) }, { onProgress: deletingRows(twins.cacheFolder) });
    expect(second.newVersion).toBe(true);
    expect(second.cache?.reports).toEqual({ cached: REPORTS - 1, made: 1 });
    // The changed report's unit and figures (new keys), then every report's rows in the reduce.
    expect(second.cache?.misses).toBe(2 + REPORTS);
    const { cached, reference } = await twins.trees();
    expect(cached).toEqual(reference);
  });
});

describe('a cache entry left empty', () => {
  it('is refused, as one truncated to nothing', async () => {
    const { site, summary } = await secondSite(async (cache) => {
      const units = [...(await cacheEntries(cache)).keys()].filter((key) => key.startsWith('unit/'));
      for (const key of units) await writeFile(join(cache, key), '');
      return units.length;
    });
    expect(summary.cache).toMatchObject({ refused: REPORTS, reports: { cached: 0, made: REPORTS } });
    expect(await treeDigest(site)).toEqual(warm.fresh);
  });
});
