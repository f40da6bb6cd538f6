/**
 * Version retention: a folder keeps the newest `keepVersions` publications and prunes older ones
 * after a publication switches, marking them `pruned` in manifest.json (their records, the history
 * and the feed stay). The current version, a pinned one and the one switched from are never pruned;
 * a rollback to a pruned version is refused; a store that cannot delete folders prunes nothing; and
 * a run that stops anywhere in a prune leaves a valid site whose next run finishes the job.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRUNING_KEY } from '../../lambda/contract/index.ts';
import type { SiteManifest, VersionManifest } from '../../lambda/pipeline/metadata/index.ts';
import { parseSiteSettings } from '../../lambda/pipeline/report/index.ts';
import { keptVersions } from '../../lambda/publish/kept-versions.ts';
import { publish } from '../../lambda/publish/publish.ts';
import { retainVersions } from '../../lambda/publish/retention.ts';
import { RollbackError, release, rollback } from '../../lambda/publish/rollback.ts';
import { DryRunStore } from '../../lambda/stores/dry-run-store.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import type { PutOptions, Store } from '../../lambda/stores/store.ts';
import { MemoryStore } from '../support/memory-store.ts';
import { day, settings, writeReports } from '../support/publication.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const keeping = (keepVersions: number) => ({ ...settings, keepVersions });
const json = async <T>(store: Store, key: string) =>
  JSON.parse(new TextDecoder().decode(await store.get(key))) as T;

/** A folder of reports whose every `next()` changes one figure, so that each publication is a new version. */
async function changingReports() {
  const dir = await tempDir();
  await writeReports(dir);
  const path = join(dir, 'dawangzhuang-2023.txt');
  const seed = await readFile(path, 'utf8');
  let n = 0;
  return {
    source: new FsStore(dir),
    next: async () => {
      n += 1;
      await writeFile(path, seed.replace('2361件', `${2361 + n}件`));
    },
  };
}

/** Publishes `runs` new versions on days 1, 2, …; returns their ids, oldest first. */
async function publishTimes(target: Store, runs: number, keepVersions: number) {
  const reports = await changingReports();
  const versions: string[] = [];
  for (let i = 1; i <= runs; i += 1) {
    await reports.next();
    const summary = await publish({
      source: reports.source,
      target,
      settings: keeping(keepVersions),
      now: day(i),
    });
    expect(summary.newVersion).toBe(true);
    versions.push(summary.version);
  }
  return { reports, versions };
}

/** The top of a folder, each file's bytes: what a refused command must leave as it was. */
async function snapshotOf(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  return new Map(
    await Promise.all(files.map(async (name) => [name, await readFile(join(dir, name))] as const)),
  );
}

const folders = async (dir: string) => (await readdir(join(dir, 'versions'))).sort();

/** Every version manifest.json does not mark pruned has its whole folder: it can be rolled back to. */
async function expectKeptWhole(target: Store) {
  const site = await json<SiteManifest>(target, 'manifest.json');
  for (const record of site.versions.filter((r) => r.pruned === undefined)) {
    const files = (await json<VersionManifest>(target, `versions/${record.version}/manifest.json`)).files;
    const present = new Set(await target.list(`versions/${record.version}/`));
    for (const path of Object.keys(files))
      expect(present.has(`versions/${record.version}/${path}`), path).toBe(true);
  }
  return site;
}

describe('version retention in a folder', () => {
  it('keeps the newest N publications, prunes the older ones, and manifest.json says which', async () => {
    const dir = await tempDir();
    const target = new FsStore(dir);
    const reports = await changingReports();
    const summaries = [];
    for (let i = 1; i <= 4; i += 1) {
      await reports.next();
      summaries.push(await publish({ source: reports.source, target, settings: keeping(2), now: day(i) }));
    }
    const [v1, v2, v3, v4] = summaries.map((s) => s.version) as [string, string, string, string];
    expect(summaries.map((s) => s.retention?.pruned)).toEqual([[], [], [v1], [v2]]);
    expect(summaries[2]?.changed).toContain('manifest.json');
    expect(await folders(dir)).toEqual([v3, v4].sort());
    const site = await expectKeptWhole(target);
    expect(site.current).toBe(v4);
    // Every record stays, newest first; the pruned ones say when.
    expect(site.versions.map((r) => [r.version, r.pruned])).toEqual([
      [v4, undefined],
      [v3, undefined],
      [v2, day(4).toISOString()],
      [v1, day(3).toISOString()],
    ]);
    expect(await target.get(PRUNING_KEY)).toBeUndefined();
    // The feed keeps an entry per publication, pruned or not.
    const feed = new TextDecoder().decode(await target.get('feed.atom'));
    for (const version of [v1, v2, v3, v4]) expect(feed).toContain(`/versions/${version}/`);
    // The stable files are the current version's.
    expect(await target.get('data/reports.csv')).toEqual(await target.get(`versions/${v4}/data/reports.csv`));
  });

  it('a run that makes no new version prunes nothing and writes nothing', async () => {
    const dir = await tempDir();
    const target = new FsStore(dir);
    const { reports, versions } = await publishTimes(target, 3, 1);
    const again = await publish({ source: reports.source, target, settings: keeping(1), now: day(9) });
    expect(again.newVersion).toBe(false);
    expect(again.written).toEqual([]);
    expect(again.retention).toEqual({ keep: 1, pruned: [], finished: [] });
    expect(await folders(dir)).toEqual([versions[1], versions[2]].sort());
  });

  it('never prunes the current version, the one switched from, or one a rollback went back to', async () => {
    const dir = await tempDir();
    const target = new FsStore(dir);
    const { reports, versions } = await publishTimes(target, 3, 1);
    const [v1, v2, v3] = versions as [string, string, string];
    // Keeping 1 still keeps the version the stable files were switched from: there is one to roll back to.
    expect(await folders(dir)).toEqual([v2, v3].sort());
    await rollback({ target, settings: keeping(1), version: v2, now: day(4) });
    // A pinned site builds nothing, so nothing is pruned either.
    const pinned = await publish({ source: reports.source, target, settings: keeping(1), now: day(5) });
    expect(pinned.pinned?.version).toBe(v2);
    expect(pinned.retention).toBeUndefined();
    expect(await folders(dir)).toEqual([v2, v3].sort());

    await reports.next();
    const v4 = await publish({
      source: reports.source,
      target,
      settings: keeping(1),
      now: day(6),
      release: true,
    });
    // v3 is older than the newest 1 and spared by nothing; v2, the version switched from, stays.
    expect(v4.retention?.pruned).toEqual([v3]);
    expect(await folders(dir)).toEqual([v2, v4.version].sort());
    const site = await expectKeptWhole(target);
    expect(site.versions.filter((r) => r.pruned).map((r) => r.version)).toEqual([v3, v1]);
  });

  it('refuses to roll back to a pruned version, named or as the one before, and changes nothing', async () => {
    const dir = await tempDir();
    const target = new FsStore(dir);
    const { versions } = await publishTimes(target, 3, 1);
    const [v1, v2, v3] = versions as [string, string, string];
    const before = await snapshotOf(dir);
    await expect(rollback({ target, settings, version: v1, now: day(4) })).rejects.toThrow(
      new RollbackError(
        `version ${v1} at ${dir} was pruned at ${day(3).toISOString()} (the site keeps its last "keepVersions" ` +
          'publications) and cannot be rolled back to; run `opendata versions` to list those kept',
      ),
    );
    expect(await snapshotOf(dir)).toEqual(before);
    // Back to v2 (kept); the version before v2 is v1: pruned, so refused too.
    await rollback({ target, settings, version: v2, now: day(4) });
    await expect(rollback({ target, settings, now: day(5) })).rejects.toThrow(
      `version ${v1} at ${dir} was pruned at `,
    );
    await release({ target, settings, now: day(6) });
    expect((await json<SiteManifest>(target, 'manifest.json')).current).toBe(v2);
    const listed = await keptVersions(target);
    expect(listed.versions.map((v) => [v.version, v.present, v.pruned !== undefined])).toEqual([
      [v3, true, false],
      [v2, true, false],
      [v1, false, true],
    ]);
  });

  it('a dry run says what it would prune and deletes nothing', async () => {
    const dir = await tempDir();
    const target = new FsStore(dir);
    const { reports, versions } = await publishTimes(target, 2, 1);
    const before = await readFile(join(dir, 'manifest.json'));
    await reports.next();
    const dry = await publish({
      source: reports.source,
      target: new DryRunStore(target),
      settings: keeping(1),
      now: day(3),
    });
    expect(dry.retention?.pruned).toEqual([versions[0]]);
    expect(await folders(dir)).toEqual([...versions].sort());
    expect(await readFile(join(dir, 'manifest.json'))).toEqual(before);
    expect(await readdir(dir)).not.toContain(PRUNING_KEY);
  });
});

describe('version retention in a store that cannot delete folders', () => {
  it('prunes nothing, marks nothing, and the summary says so', async () => {
    const target = new MemoryStore();
    expect('deleteFolder' in target).toBe(false);
    const reports = await changingReports();
    const summaries = [];
    for (let i = 1; i <= 3; i += 1) {
      await reports.next();
      summaries.push(await publish({ source: reports.source, target, settings: keeping(1), now: day(i) }));
    }
    const [v1, v2, v3] = summaries.map((s) => s.version);
    expect(summaries[2]?.retention).toEqual({
      keep: 1,
      pruned: [],
      finished: [],
      notPruned: {
        versions: [v1],
        reason:
          'memory: cannot delete folders (in a bucket the publisher may not delete under versions/), so the 1 ' +
          'version(s) beyond the last 1 are kept',
      },
    });
    for (const version of [v1, v2, v3])
      expect(target.objects.has(`versions/${version}/manifest.json`)).toBe(true);
    const site = await json<SiteManifest>(target, 'manifest.json');
    expect(site.versions.every((r) => r.pruned === undefined)).toBe(true);
    expect(target.objects.has(PRUNING_KEY)).toBe(false);
  });
});

/**
 * A folder whose prune stops at its k-th write (put, delete or deleteFolder), as a kill would stop
 * it; a deleteFolder that fails removes half of the folder first, as an interrupted `rm -r` does.
 */
class StoppingFolder implements Store {
  writes = 0;
  constructor(
    readonly inner: FsStore,
    readonly stopAt: number,
  ) {}
  get location() {
    return this.inner.location;
  }
  get(key: string) {
    return this.inner.get(key);
  }
  head(key: string) {
    return this.inner.head(key);
  }
  list(prefix: string) {
    return this.inner.list(prefix);
  }
  async put(key: string, body: Uint8Array, options: PutOptions) {
    this.#count(key);
    await this.inner.put(key, body, options);
  }
  async delete(key: string) {
    this.#count(key);
    await this.inner.delete(key);
  }
  async deleteFolder(prefix: string) {
    if (this.writes + 1 === this.stopAt) {
      const keys = await this.inner.list(prefix);
      for (const key of keys.slice(0, keys.length / 2)) await this.inner.delete(key);
    }
    this.#count(prefix);
    await this.inner.deleteFolder(prefix);
  }
  #count(key: string) {
    this.writes += 1;
    if (this.writes === this.stopAt) throw new Error(`write ${this.writes} (${key}) failed`);
  }
}

describe('a prune that stops half-way', () => {
  // The prune of two versions writes pruning.json, manifest.json, deletes two folders, then pruning.json.
  it.each([1, 2, 3, 4, 5])('at its write %i leaves a valid site, and the next run finishes it', async (k) => {
    const dir = await tempDir();
    const target = new FsStore(dir);
    const { reports, versions } = await publishTimes(target, 4, 30);
    const [v1, v2, v3, v4] = versions as [string, string, string, string];
    const site = await json<SiteManifest>(target, 'manifest.json');
    const stopping = new StoppingFolder(target, k);
    const input = { target: stopping, settings: keeping(2), site, newVersion: true, from: v3, now: day(5) };
    await expect(retainVersions(input)).rejects.toThrow(`write ${k} `);

    // The site is as the switch left it, and no version manifest.json offers is missing a file.
    const after = await expectKeptWhole(target);
    expect(after.current).toBe(v4);
    expect(JSON.parse(await readFile(join(dir, 'current.json'), 'utf8')).version).toBe(v4);
    // Until manifest.json marks them (its write is the second), both versions are kept whole.
    const marked = k <= 2 ? [] : [v2, v1];
    expect((await keptVersions(target)).versions.filter((v) => v.present).map((v) => v.version)).toEqual(
      k <= 2 ? [v4, v3, v2, v1] : [v4, v3],
    );

    // The next run (a new publication) prunes what is left and removes pruning.json.
    await reports.next();
    const next = await publish({ source: reports.source, target, settings: keeping(2), now: day(6) });
    expect(await folders(dir)).toEqual([v4, next.version].sort());
    expect(await readdir(dir)).not.toContain(PRUNING_KEY);
    const final = await expectKeptWhole(target);
    expect(final.versions.filter((r) => r.pruned).map((r) => r.version)).toEqual([v3, v2, v1]);
    // The versions marked before the stop were finished, not pruned again: they keep their time.
    expect(next.retention?.finished).toEqual(marked);
    for (const version of marked)
      expect(final.versions.find((r) => r.version === version)?.pruned).toBe(day(5).toISOString());
  });
});

describe('the keepVersions setting', () => {
  const site = (keepVersions?: unknown) =>
    new TextEncoder().encode(JSON.stringify({ ...settings, baseUrl: 'https://example.org', keepVersions }));

  it('is 30 unless data/site.json says otherwise', () => {
    expect(parseSiteSettings(site(), 'site.json').keepVersions).toBe(30);
    expect(parseSiteSettings(site(1), 'site.json').keepVersions).toBe(1);
  });

  it.each([
    [0, 'must be at least 1: the current version is always kept'],
    [-3, 'must be at least 1: the current version is always kept'],
    [2.5, 'must be a whole number of publications to keep, at least 1'],
    ['30', 'must be a whole number of publications to keep, at least 1'],
  ])('refuses %j', (value, message) => {
    expect(() => parseSiteSettings(site(value), 'site.json')).toThrow(
      `site.json: has an invalid field "keepVersions": ${message}`,
    );
  });
});
