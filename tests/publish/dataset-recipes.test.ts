/**
 * The dataset files' recipes (#15): a run links a dataset file whose recipe is the one the last run
 * recorded, and puts together the others, and either way publishes what a run with no cache does;
 * the index is trusted no further than the current version's bytes, and one that is wrong, garbled
 * or gone only makes every file again. Each run publishes six small reports.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { changeReportText } from '../../bench/generated-reports.ts';
import { datasetFileSpecs, datasetShells, figureTableReports } from '../../lambda/pipeline/build/index.ts';
import { datasetRecipes, type RecipeIndex } from '../../lambda/publish/dataset-recipes.ts';
import { PROJECT_CATALOG } from '../../lambda/publish/project-catalog.ts';
import { ResultCache } from '../../lambda/publish/result-cache.ts';
import { LocalFolderStore } from '../../lambda/stores/local-folder-store.ts';
import { cacheEntries, TwinSites, writeGeneratedReports } from '../support/cache.ts';
import { day, settings, writeReports } from '../support/publication.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();

async function twinSites(): Promise<{ twins: TwinSites; generated: string[] }> {
  const reports = await tempDir();
  await writeReports(reports);
  const generated = await writeGeneratedReports(reports, 0, 4);
  return { twins: new TwinSites(reports, await tempDir(), await tempDir(), await tempDir()), generated };
}

async function changeGenerated(reports: string, id: string): Promise<void> {
  const path = join(reports, `${id}.txt`);
  await writeFile(path, changeReportText(await readFile(path, 'utf8')));
}

/** The path of the cache's one recipes entry. */
async function indexPath(cacheFolder: string): Promise<string> {
  const entries = await readdir(join(cacheFolder, 'recipes'), { recursive: true, withFileTypes: true });
  const file = entries.find((entry) => entry.isFile());
  if (!file) throw new Error('no recipes index in the cache');
  return join(file.parentPath, file.name);
}

/** The index as its entry holds it: the format line, the header line, then the JSON. */
async function readIndex(cacheFolder: string): Promise<RecipeIndex> {
  const text = await readFile(await indexPath(cacheFolder), 'utf8');
  return JSON.parse(text.split('\n').slice(2).join('\n')) as RecipeIndex;
}

/** The data files of the site's current version, with their sha256 as its file list has them. */
async function currentDataFiles(site: string): Promise<Record<string, string>> {
  const { version } = JSON.parse(await readFile(join(site, 'current.json'), 'utf8'));
  const manifest = JSON.parse(await readFile(join(site, 'versions', version, 'manifest.json'), 'utf8'));
  const files = manifest.files as Record<string, { sha256: string }>;
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith('data/'))
      .map(([path, entry]) => [path, entry.sha256]),
  );
}

describe('dataset recipes', () => {
  it('link what a change left as it was and put together the rest: what a run with no cache publishes', async () => {
    const { twins, generated } = await twinSites();
    await twins.publish({ now: day(1) });
    await changeGenerated(twins.reports, generated[0] as string);
    await twins.publish({ now: day(2) });
    const { cached, reference } = await twins.trees();
    expect(cached).toEqual(reference);
    // The index records each data file as the version has it, under the recipe that made it.
    const index = await readIndex(twins.cacheFolder);
    const data = await currentDataFiles(twins.site);
    expect(Object.keys(data).sort()).toEqual(Object.keys(index.files).sort());
    for (const [path, sha256] of Object.entries(data)) expect(index.files[path]?.sha256).toBe(sha256);
    expect(Object.keys(index.shares)).toHaveLength(6);
  });

  it('are trusted no further than the current version: a wrong or garbled index makes every file again', async () => {
    const { twins, generated } = await twinSites();
    await twins.publish({ now: day(1) });
    // Every recipe as recorded, every sha256 wrong: no file is linked on the index's word.
    const index = await readIndex(twins.cacheFolder);
    for (const entry of Object.values(index.files)) entry.sha256 = '0'.repeat(64);
    const path = await indexPath(twins.cacheFolder);
    const [magic, header] = (await readFile(path, 'utf8')).split('\n');
    const body = JSON.stringify(index);
    const { sections } = JSON.parse(header as string) as { sections: { bytes: number; crc32: number }[] };
    sections[0] = {
      ...(sections[0] as { bytes: number; crc32: number }),
      bytes: Buffer.byteLength(body),
      crc32: crc32(body),
    };
    await writeFile(
      path,
      `${magic}\n${JSON.stringify({ ...JSON.parse(header as string), sections })}\n${body}`,
    );
    await changeGenerated(twins.reports, generated[0] as string);
    await twins.publish({ now: day(2) });
    expect((await twins.trees()).cached).toEqual((await twins.trees()).reference);

    // Garbled bytes: the entry is refused, the files are put together, the index written again.
    await writeFile(await indexPath(twins.cacheFolder), 'not an index');
    await changeGenerated(twins.reports, generated[1] as string);
    const third = await twins.publish({ now: day(3) });
    expect(third.cache?.refused).toBe(1);
    const { cached, reference } = await twins.trees();
    expect(cached).toEqual(reference);
    expect((await readIndex(twins.cacheFolder)).files['data/figures.csv']?.sha256).toBe(
      (await currentDataFiles(twins.site))['data/figures.csv'],
    );
  });
});

describe('a recipe', () => {
  const shells = datasetShells(settings, PROJECT_CATALOG, {
    figures: 2,
    reports: 2,
    indicators: 0,
    'indicators-wide': 0,
    'indicator-coverage': 0,
    checks: 0,
  });
  const specs = datasetFileSpecs(shells);
  const context = { code: 'code', contextHash: 'context' };
  const recipes = (hashes: string[][], last = 'none') =>
    datasetRecipes(specs, shells, hashes, { dataset: 5, hash: last }, context);
  const report = (tag: string) => shells.map((shell) => `${tag}:${shell.name}`);

  it("changes with a report's share of its dataset, and only that dataset's files", () => {
    const before = recipes([report('a'), report('b')]);
    const changed = report('b');
    changed[0] = 'b:figures changed';
    const after = recipes([report('a'), changed]);
    specs.forEach((spec, i) => {
      expect(after[i] === before[i]).toBe(spec.dataset !== shells[0]);
    });
    expect(new Set(before).size).toBe(specs.length);
  });

  it('changes with the order of the shares, the last share, and the code', () => {
    const before = recipes([report('a'), report('b')]);
    expect(recipes([report('b'), report('a')])).not.toEqual(before);
    const withLast = recipes([report('a'), report('b')], 'checks across reports');
    specs.forEach((spec, i) => {
      expect(withLast[i] === before[i]).toBe(spec.dataset !== shells[5]);
    });
    const otherCode = datasetRecipes(
      specs,
      shells,
      [report('a'), report('b')],
      { dataset: 5, hash: 'none' },
      {
        ...context,
        code: 'other',
      },
    );
    otherCode.forEach((recipe, i) => {
      expect(recipe).not.toBe(before[i]);
    });
  });
});

describe('figureTableReports', () => {
  it('names the reports that hold a row of the table, an empty one never', () => {
    expect(figureTableReports([0, 5, 9], [3, 3, 0, 4, 2])).toEqual([true, true, false, true, false]);
    expect(figureTableReports([], [1, 2])).toEqual([false, false]);
  });
});

describe("a cache entry's first sections", () => {
  const sections = ['rows', 'a', 'b', 'c'].map((name, i) => ({
    name,
    bytes: new TextEncoder().encode(name.repeat(1000 * (i + 1))),
  }));
  const text = (found: Map<string, Uint8Array> | undefined) =>
    found && Object.fromEntries([...found].map(([name, bytes]) => [name, bytes.byteLength]));

  it('are read up to the one named, each verified, and a tail cut off does not stop them', async () => {
    const folder = await tempDir();
    const cache = new ResultCache(new LocalFolderStore(folder));
    await cache.put('rows', 'k', sections);
    expect(text(await cache.getUpTo('rows', 'k', 'a'))).toEqual({ rows: 4000, a: 2000 });
    expect(text(await cache.getUpTo('rows', 'k', 'none'))).toEqual({ rows: 4000, a: 2000, b: 3000, c: 4000 });
    const [path] = [...(await cacheEntries(folder)).keys()];
    const whole = await readFile(join(folder, path as string));
    await writeFile(join(folder, path as string), whole.subarray(0, whole.byteLength - 10));
    expect(text(await cache.getUpTo('rows', 'k', 'b'))).toEqual({ rows: 4000, a: 2000, b: 3000 });
    expect(await cache.get('rows', 'k')).toBeUndefined();
    // A byte of a section read changed: refused, as a whole read refuses it.
    const changed = Buffer.from(whole);
    changed[whole.byteLength - 4000 - 10] = 0x21;
    await writeFile(join(folder, path as string), changed);
    expect(await cache.getUpTo('rows', 'k', 'b')).toBeUndefined();
    expect(text(await cache.getUpTo('rows', 'k', 'a'))).toEqual({ rows: 4000, a: 2000 });
    expect(await cache.getUpTo('rows', 'other', 'a')).toBeUndefined();
    expect(cache.stats).toMatchObject({ refused: 2, misses: 3 });
  });
});
