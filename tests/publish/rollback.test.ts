import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteManifest, VersionManifest } from '../../lambda/pipeline/metadata/publication.ts';
import { publish } from '../../lambda/publish/publish.ts';
import { RollbackError, rollback } from '../../lambda/publish/rollback.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { S3Store } from '../../lambda/stores/s3-store.ts';
import type { Store } from '../../lambda/stores/store.ts';
import { changeOneReport, day, settings, writeReports } from '../support/publication.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';
import { SEED } from '../support/temp.ts';

let root: string;
let s3: LocalS3;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'opendata-rollback-'));
  s3 = await startLocalS3(join(root, 's3rver'), ['site']);
});
afterAll(async () => {
  await s3?.close();
  await rm(root, { recursive: true, force: true });
});

const json = async <T>(store: Store, key: string) =>
  JSON.parse(new TextDecoder().decode(await store.get(key))) as T;
const text = async (store: Store, key: string) => new TextDecoder().decode(await store.get(key));

/** Each stable path of the version holds that version's bytes (the site's log, feed.atom, aside). */
async function expectStableAt(
  store: Store,
  version: VersionManifest,
  contentTypes?: (key: string) => Promise<string>,
) {
  const paths = Object.keys(version.files).filter((path) => path !== 'feed.atom');
  expect(paths.length).toBeGreaterThan(20);
  for (const path of paths) {
    const stable = await store.get(path);
    expect(
      Buffer.compare(
        Buffer.from(stable ?? []),
        Buffer.from((await store.get(`versions/${version.version}/${path}`)) ?? []),
      ),
      path,
    ).toBe(0);
    // The type given at publication (by the pipeline) is the type the copy made by the rollback has.
    if (contentTypes)
      expect(await contentTypes(path), path).toBe(await contentTypes(`versions/${version.version}/${path}`));
  }
}

describe.each([
  ['a folder', async () => new FsStore(join(root, 'site')), undefined],
  [
    'an S3 bucket (s3rver)',
    async () => new S3Store(s3.client, 'site'),
    async (key: string) =>
      (await s3.client.send(new HeadObjectCommand({ Bucket: 'site', Key: key }))).ContentType ?? '',
  ],
])('rollback in %s', (_name, makeStore, contentTypes) => {
  let target: Store;
  let reports: string;
  let first: VersionManifest;
  let second: string;

  beforeAll(async () => {
    target = await makeStore();
    reports = await mkdtemp(join(root, 'reports-'));
    await writeReports(reports);
    const one = await publish({ source: new FsStore(reports), target, settings, now: day(1) });
    first = await json<VersionManifest>(target, `versions/${one.version}/manifest.json`);
    await changeOneReport(reports);
    await writeFile(join(reports, 'sanwangzhuang-2023.txt'), await readFile(SEED));
    second = (await publish({ source: new FsStore(reports), target, settings, now: day(2) })).version;
    expect(second).not.toBe(first.version);
  });

  it('switches every stable URL back to the version before, and pins the site there', async () => {
    const result = await rollback({ target, settings, now: day(3) });
    expect(result).toMatchObject({
      version: first.version,
      from: second,
      pinned: { version: first.version },
    });
    await expectStableAt(target, first, contentTypes);
    // What only the later version had is gone from the stable paths.
    expect(await target.get('reports/sanwangzhuang-2023/index.html')).toBeUndefined();
    expect(result.changed).toEqual(
      expect.arrayContaining(['data/figures.csv', 'manifest.json', 'feed.atom']),
    );
    expect(await json(target, 'current.json')).toEqual({ version: first.version });
    const manifest = await json<SiteManifest>(target, 'manifest.json');
    expect(manifest).toMatchObject({
      current: first.version,
      pinned: { version: first.version, at: day(3).toISOString() },
      events: [{ kind: 'rollback', at: day(3).toISOString(), version: first.version, from: second }],
    });
    expect(manifest.versions.map((v) => v.version)).toEqual([second, first.version]);
    expect(await text(target, 'feed.atom')).toContain(`Rolled back to ${first.version} from ${second}`);
  });

  it('later publications build nothing and say the site is pinned', async () => {
    const before = await text(target, 'data/figures.csv');
    const summary = await publish({ source: new FsStore(reports), target, settings, now: day(4) });
    expect(summary).toMatchObject({
      version: first.version,
      newVersion: false,
      written: [],
      pinned: { version: first.version },
    });
    expect(await text(target, 'data/figures.csv')).toBe(before);
  });

  it('a publication with release lifts the pin and publishes again', async () => {
    const summary = await publish({
      source: new FsStore(reports),
      target,
      settings,
      now: day(5),
      release: true,
    });
    expect(summary).toMatchObject({ newVersion: true, released: first.version });
    const manifest = await json<SiteManifest>(target, 'manifest.json');
    expect(manifest.pinned).toBeUndefined();
    expect(manifest.current).toBe(summary.version);
    expect(manifest.events?.map((e) => e.kind)).toEqual(['release', 'rollback']);
    expect(await text(target, 'data/reports.csv')).toContain('sanwangzhuang-2023');
    const feed = await text(target, 'feed.atom');
    expect(feed).toContain(`Released the pin on ${first.version}`);
    expect(feed.indexOf(summary.version)).toBeLessThan(feed.indexOf('Released the pin'));
  });

  it('rolls back to a version named by its id, and refuses one it does not keep', async () => {
    const result = await rollback({ target, settings, version: second, now: day(6) });
    expect(result.version).toBe(second);
    await expectStableAt(target, await json<VersionManifest>(target, `versions/${second}/manifest.json`));
    await expect(
      rollback({ target, settings, version: '20200101T000000Z-000000000000', now: day(7) }),
    ).rejects.toThrow(RollbackError);
    await expect(rollback({ target, settings, version: 'latest', now: day(7) })).rejects.toThrow(
      /"latest" is not a version id/,
    );
  });
});

describe('rollback to a version that lost files', () => {
  it('is refused before anything moves, naming what is gone', async () => {
    const target = new FsStore(await mkdtemp(join(root, 'holes-')));
    const reports = await mkdtemp(join(root, 'reports-'));
    await writeReports(reports);
    const first = await publish({ source: new FsStore(reports), target, settings, now: day(1) });
    await changeOneReport(reports);
    await publish({ source: new FsStore(reports), target, settings, now: day(2) });
    await target.delete(`versions/${first.version}/data/figures.csv`);
    const before = await text(target, 'manifest.json');
    await expect(rollback({ target, settings, now: day(3) })).rejects.toThrow(
      `version ${first.version} at ${target.location} is incomplete: 1 of its files are gone (data/figures.csv); nothing was changed`,
    );
    expect(await text(target, 'manifest.json')).toBe(before);
  });
});

describe('rollback of a site with nothing to go back to', () => {
  it('refuses an empty store and a site with one version', async () => {
    const target = new FsStore(await mkdtemp(join(root, 'one-')));
    await expect(rollback({ target, settings, now: day(1) })).rejects.toThrow(/nothing has been published/);
    const reports = await mkdtemp(join(root, 'reports-'));
    await writeReports(reports);
    await publish({ source: new FsStore(reports), target, settings, now: day(1) });
    await expect(rollback({ target, settings, now: day(2) })).rejects.toThrow(/has no version before/);
  });
});
