import { contentTypeOf, isVersionId, versionedPath, versionManifestPath } from '../contract/index.ts';
import type { SiteManifest, SitePin, VersionManifest, VersionRecord } from '../pipeline/metadata/index.ts';
import type { SiteSettings } from '../pipeline/report/index.ts';
import type { Store } from '../stores/store.ts';
import { type ReleaseResult, releasePin, withEvent } from './pin.ts';
import type { VersionPointer } from './pointer.ts';
import { readJson, readPublishedState } from './published-state.ts';
import { siteLog } from './site-log.ts';
import { switchStable } from './switch.ts';

/** The rollback cannot be done as asked: nothing published there, no such version, or one pruned. */
export class RollbackError extends Error {
  override name = 'RollbackError';
}

interface RollbackOptions {
  target: Store;
  settings: SiteSettings;
  /** The version to go back to. @default the one before the current version */
  version?: string;
  now: Date;
  /** Switched before the store's own `current.json`, e.g. the CloudFront KeyValueStore. */
  pointers?: readonly VersionPointer[];
  /** @default 16 */
  concurrency?: number;
}

export interface RollbackSummary {
  /** The version the stable URLs serve now. */
  version: string;
  /** The version that was current before. */
  from: string;
  pinned: SitePin;
  written: string[];
  unchanged: number;
  /** Stable paths whose bytes changed or went away: what caches must drop. */
  changed: string[];
}

/**
 * Switches every stable URL back to a kept version, through the same pointer switch a publication
 * makes (pointers, stable copies, then the site's log), and pins the site there: later runs build
 * nothing until the pin is released. The rollback is recorded in manifest.json and the feed.
 */
export async function rollback(options: RollbackOptions): Promise<RollbackSummary> {
  const { target } = options;
  const state = await readPublishedState(target);
  if (!state.manifest || !state.previous)
    throw new RollbackError(`nothing has been published to ${target.location} yet`);
  const record = chooseVersion(state.manifest, options.version, target.location);
  const manifest = await readJson<VersionManifest>(target, versionManifestPath(record.version));
  if (!manifest?.files)
    throw new RollbackError(`the files of version ${record.version} are gone from ${target.location}`);
  // Every file must be there before the pointer moves: a hole would be a 404 on the live site.
  const present = new Set(await target.list(versionedPath(record.version, '')));
  const missing = Object.keys(manifest.files).filter(
    (path) => !present.has(versionedPath(record.version, path)),
  );
  if (missing.length > 0)
    throw new RollbackError(
      `version ${record.version} at ${target.location} is incomplete: ${missing.length} of its files are gone (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}); nothing was changed`,
    );
  const pinned: SitePin = { version: record.version, at: options.now.toISOString() };
  const from = state.manifest.current;
  const site: SiteManifest = withEvent(
    { ...state.manifest, current: record.version, pinned },
    { kind: 'rollback', at: pinned.at, version: record.version, from },
  );
  const result = await switchStable({
    target,
    manifest,
    previous: state.previous,
    siteLog: siteLog(options.settings, site),
    contentTypes: new Map(
      Object.keys(manifest.files).map((path) => [path, { contentType: contentTypeOf(path) }]),
    ),
    pointers: options.pointers ?? [],
    verify: state.marker !== undefined,
    concurrency: options.concurrency ?? 16,
  });
  return { version: record.version, from, pinned, ...result };
}

/**
 * `rollback --release` and `{"release": true}`: lifts the pin of the site in the store, if it has one
 * (see releasePin). A store with nothing published is refused like a rollback would be.
 */
export async function release(input: {
  target: Store;
  settings: SiteSettings;
  now: Date;
}): Promise<ReleaseResult> {
  const { manifest } = await readPublishedState(input.target);
  if (!manifest) throw new RollbackError(`nothing has been published to ${input.target.location} yet`);
  return releasePin({ ...input, manifest });
}

/** The asked version, or the one published before the current one. */
function chooseVersion(manifest: SiteManifest, asked: string | undefined, location: string): VersionRecord {
  const { versions, current } = manifest;
  const see = 'run `opendata versions` to list them';
  if (asked !== undefined) {
    const found = versions.find((record) => record.version === asked);
    if (found) return kept(found, location);
    const what = isVersionId(asked) ? 'is not one of the versions kept' : 'is not a version id';
    throw new RollbackError(`"${asked}" ${what} at ${location}; ${see}`);
  }
  const index = versions.findIndex((record) => record.version === current);
  const before = versions[index + 1];
  if (index < 0 || !before) throw new RollbackError(`${location} has no version before ${current}; ${see}`);
  return kept(before, location);
}

/** A version pruned to keep the last publications has no files left to switch to. */
function kept(record: VersionRecord, location: string): VersionRecord {
  if (record.pruned === undefined) return record;
  throw new RollbackError(
    `version ${record.version} at ${location} was pruned at ${record.pruned} (the site keeps its last ` +
      '"keepVersions" publications) and cannot be rolled back to; run `opendata versions` to list those kept',
  );
}
