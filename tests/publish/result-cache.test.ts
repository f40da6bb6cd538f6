/**
 * A run costs what changed (#15), and costs nothing else: a sequence of runs with a cache folder
 * publishes byte for byte what the same runs publish with no cache, and its last version is what a
 * first publication of the final reports is; unchanged inputs take the fast path (nothing written,
 * not even the cache); a catalog change re-renders every report from its cached figures without
 * extracting one; the entries no input references are collected, and a cache cut below its cap
 * still publishes the same. Each run publishes six or seven small reports, a few hundred ms.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeReportText } from '../../bench/generated-reports.ts';
import type { IndicatorCatalog } from '../../lambda/pipeline/indicators/index.ts';
import { PROJECT_CATALOG } from '../../lambda/publish/project-catalog.ts';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import {
  cacheEntries,
  folderBytes,
  modifiedTimes,
  TwinSites,
  writeGeneratedReports,
} from '../support/cache.ts';
import { changeOneReport, day, settings, writeReports } from '../support/publication.ts';
import { useTempDirs } from '../support/temp.ts';
import { treeDigest } from '../support/tree.ts';

const tempDir = useTempDirs();
/** The seed with its sidecar, its copy, four generated reports. */
const REPORTS = 6;
/** The stages a report's entries are in: one entry each. */
const STAGES = ['figures', 'pages', 'rows', 'unit'];
/**
 * Beside the reports' entries, the one index of the dataset files' recipes (dataset-recipes.ts) and
 * the inputs' fingerprints (input-fingerprints.ts: there once the reports' times have settled).
 */
const isReportEntry = (key: string) => !key.startsWith('recipes/') && !key.startsWith('inputs/');

/** When each of a cache's entries was last written, but for the inputs' fingerprints (recorded once their times settle). */
async function entryTimes(folder: string): Promise<Record<string, number>> {
  return Object.fromEntries(
    Object.entries(await modifiedTimes(folder)).filter(([key]) => !key.startsWith('inputs/')),
  );
}

/** The reports folder of a test, published in lockstep with and without a cache; gives the generated ids too. */
async function twinSites(): Promise<{ twins: TwinSites; generated: string[] }> {
  const reports = await tempDir();
  await writeReports(reports);
  const generated = await writeGeneratedReports(reports, 0, REPORTS - 2);
  return { twins: new TwinSites(reports, await tempDir(), await tempDir(), await tempDir()), generated };
}

async function changeGenerated(reports: string, id: string): Promise<void> {
  const path = join(reports, `${id}.txt`);
  await writeFile(path, changeReportText(await readFile(path, 'utf8')));
}

/** The files of a site's current version, by the sha256 of their bytes. */
async function currentVersion(site: string): Promise<Record<string, string>> {
  const { version } = JSON.parse(await readFile(join(site, 'current.json'), 'utf8'));
  return treeDigest(join(site, 'versions', version));
}

describe('runs with a cache folder', () => {
  it('publish what runs with no cache publish, and end where a first publication of the final reports begins', async () => {
    const { twins, generated } = await twinSites();
    const [changed, removed] = generated as [string, string];
    const first = await twins.publish({ now: day(1) });
    expect(first.cache?.reports).toEqual({ cached: 0, made: REPORTS });

    await changeOneReport(twins.reports);
    await changeGenerated(twins.reports, changed);
    const second = await twins.publish({ now: day(2) });
    expect(second.cache?.reports).toEqual({ cached: REPORTS - 2, made: 2 });
    // The changed reports' entries of before, one a stage each, that no input references now.
    expect(second.cache?.collected).toBe(2 * STAGES.length);

    const [added] = await writeGeneratedReports(twins.reports, REPORTS - 2, 1);
    const third = await twins.publish({ now: day(3) });
    expect(third.cache?.reports).toEqual({ cached: REPORTS, made: 1 });
    expect(third.cache?.collected).toBe(0);

    await rm(join(twins.reports, `${removed}.txt`));
    const fourth = await twins.publish({ now: day(4) });
    expect(fourth.reports).not.toContain(removed);
    expect(fourth.reports).toContain(added);
    expect(fourth.cache).toMatchObject({ refused: 0, reports: { cached: REPORTS, made: 0 } });
    const { cached, reference } = await twins.trees();
    expect(cached).toEqual(reference);

    // A first publication of the final reports at the same time: the same version, the same files,
    // but for those that tell the history of the site (the versions before, their changes).
    const fresh = await tempDir();
    const only = await publish({
      source: new FsStore(twins.reports),
      target: new FsStore(fresh),
      settings,
      now: day(4),
      workers: 1,
    });
    expect(only.version).toBe(fourth.version);
    const [incremental, first4] = [await currentVersion(twins.site), await currentVersion(fresh)];
    const differ = Object.keys({ ...incremental, ...first4 }).filter((p) => incremental[p] !== first4[p]);
    expect(differ.sort()).toEqual(HISTORY_FILES);
  });
});

/** The files of a version that tell the site's history, so differ from a first publication's. */
const HISTORY_FILES = ['feed.atom', 'manifest.json'];

describe('the fast path', () => {
  it('writes nothing, and touches neither the site nor the cache, when the inputs did not change', async () => {
    const { twins } = await twinSites();
    const first = await twins.publish({ now: day(1) });
    const site = await modifiedTimes(twins.site);
    const cache = await entryTimes(twins.cacheFolder);
    const second = await twins.publish({ now: day(2) });
    expect(second).toMatchObject({ fastPath: true, newVersion: false, version: first.version, written: [] });
    expect(second.cache).toBeUndefined();
    expect(await modifiedTimes(twins.site)).toEqual(site);
    expect(await entryTimes(twins.cacheFolder)).toEqual(cache);
  });

  it('is not taken when the catalog changed: every report is made again from its cached figures, none extracted', async () => {
    const { twins } = await twinSites();
    await twins.publish({ now: day(1) });
    // A run between that makes one report and takes the others' units from the cache: their figures,
    // which it does not read, are kept for the run after.
    await changeOneReport(twins.reports);
    expect((await twins.publish({ now: day(2) })).cache?.reports).toEqual({ cached: REPORTS - 1, made: 1 });
    const third = await twins.publish({ now: day(3), catalog: REVISED_CATALOG });
    expect(third.fastPath).toBeUndefined();
    expect(third.newVersion).toBe(true);
    expect(third.cache?.reports).toEqual({ cached: 0, made: REPORTS });
    // Each report's unit missed (its key has the catalog's hash) and its figures hit; what was made
    // from them was written (pages, rows, unit), never figures extracted again; and the recipes index.
    expect(third.cache).toMatchObject({ misses: REPORTS, refused: 0, written: 3 * REPORTS + 1 });
    expect(third.cache?.hits).toBeGreaterThanOrEqual(REPORTS);
    const { cached, reference } = await twins.trees();
    expect(cached).toEqual(reference);
  });
});

/** The project's catalog with one indicator's English name revised: a change that shapes pages and rows. */
const REVISED_CATALOG: IndicatorCatalog = {
  ...PROJECT_CATALOG,
  indicators: PROJECT_CATALOG.indicators.map((indicator, index) =>
    index === 0 ? { ...indicator, nameEn: `${indicator.nameEn} (revised)` } : indicator,
  ),
};

describe('collecting the cache', () => {
  it("deletes a removed report's entries after the run, and no other", async () => {
    const { twins, generated } = await twinSites();
    const removed = generated[0] as string;
    await twins.publish({ now: day(1) });
    const before = await cacheEntries(twins.cacheFolder);
    expect([...before.keys()].filter(isReportEntry)).toHaveLength(REPORTS * STAGES.length);
    await rm(join(twins.reports, `${removed}.txt`));
    const second = await twins.publish({ now: day(2) });
    expect(second.cache?.collected).toBe(STAGES.length);
    const after = await cacheEntries(twins.cacheFolder);
    const gone = [...before.keys()].filter((key) => !after.has(key));
    expect(gone.map((key) => key.split('/')[0]).sort()).toEqual(STAGES);
    for (const key of gone) expect((before.get(key) as Buffer).includes(removed)).toBe(true);
    for (const [key, bytes] of after)
      if (isReportEntry(key)) expect(bytes.equals(before.get(key) as Buffer)).toBe(true);
  });

  it('deletes what is in no stage of the cache (another layout, a stray file), and keeps the stages', async () => {
    const { twins } = await twinSites();
    await twins.publish({ now: day(1) });
    await mkdir(join(twins.cacheFolder, 'shares', 'ab'), { recursive: true });
    await writeFile(join(twins.cacheFolder, 'shares', 'ab', 'old-entry'), 'an entry of an older layout');
    await writeFile(join(twins.cacheFolder, 'stray'), 'not an entry');
    await changeOneReport(twins.reports);
    const second = await twins.publish({ now: day(2) });
    // The changed report's old entries, one a stage, and the two.
    expect(second.cache?.collected).toBe(STAGES.length + 2);
    const stages = [...(await cacheEntries(twins.cacheFolder)).keys()].map((key) => key.split('/')[0]);
    expect(stages).toEqual(expect.arrayContaining(STAGES));
    for (const stage of stages) expect([...STAGES, 'recipes', 'inputs']).toContain(stage);
  });

  it('cuts the cache below its cap, and the runs after still publish what runs with no cache do', async () => {
    const { twins, generated } = await twinSites();
    await twins.publish({ now: day(1) });
    const cap = Math.floor((await folderBytes(twins.cacheFolder)) / 2);
    await changeOneReport(twins.reports);
    const second = await twins.publish({ now: day(2) }, { cacheMaxBytes: cap });
    expect(second.cache?.collected).toBeGreaterThan(STAGES.length);
    expect(await folderBytes(twins.cacheFolder)).toBeLessThanOrEqual(cap);
    expect(await folderBytes(twins.cacheFolder)).toBeGreaterThan(0);

    await changeGenerated(twins.reports, generated[0] as string);
    const third = await twins.publish({ now: day(3) }, { cacheMaxBytes: 1 });
    expect(third.problems).toEqual([]);
    expect((await cacheEntries(twins.cacheFolder)).size).toBe(0);

    await changeGenerated(twins.reports, generated[1] as string);
    const fourth = await twins.publish({ now: day(4) });
    expect(fourth.cache?.reports).toEqual({ cached: 0, made: REPORTS });
    const { cached, reference } = await twins.trees();
    expect(cached).toEqual(reference);
  });
});
