/**
 * Version retention, after a publication's switch to a new version: a folder keeps the newest `keepVersions`
 * publications (a site setting) under `versions/` and deletes the folders of older ones.
 * manifest.json keeps the record of every publication, so the history and the feed stay, and marks
 * each pruned one with `pruned` (when): a record without it is a version kept.
 *
 * The order makes a stop anywhere safe. First `pruning.json` names the versions about to go, then
 * manifest.json marks them pruned, then their folders are deleted, and last `pruning.json` goes.
 * manifest.json therefore never offers as kept a version whose folder is half gone (a rollback
 * refuses a pruned one), and a run that stops mid-delete leaves `pruning.json` behind: the next run
 * that switches deletes what is left of each version it names that manifest.json marks pruned. One
 * it names that is not marked was never touched (the run stopped before the mark), so it is kept or
 * pruned afresh, as the versions are then.
 *
 * Never pruned: the current version, a pinned one, and the one the stable files were switched from
 * in this run (a reader that loaded a page of it a moment ago, or a pointer cache that still names
 * it, finds its files, and it stays there to roll back to). A store that cannot delete folders (a
 * bucket, where the publisher may not delete under `versions/`) prunes nothing and says so in the
 * summary. A rollback switches without this module, so it never prunes.
 */
import { CONTENT_TYPES, isVersionId, NO_STORE, PRUNING_KEY, versionedPath } from '../contract/index.ts';
import type { SiteManifest } from '../pipeline/metadata/index.ts';
import type { SiteSettings } from '../pipeline/report/index.ts';
import type { Store } from '../stores/store.ts';
import { jsonBytes, readJson } from './published-state.ts';
import { siteLog, writeSiteLog } from './site-log.ts';
import type { SwitchResult } from './switch.ts';

/** What retention did in a run, as the publication's summary says it. */
export interface Retention {
  /** How many publications the site keeps (`keepVersions` of the site settings). */
  keep: number;
  /** Versions this run pruned, newest first: marked in manifest.json, then their folders deleted. */
  pruned: string[];
  /** Versions an interrupted run marked pruned without deleting all their files: deleted now. */
  finished: string[];
  /** Set when the store cannot delete folders (a bucket): the versions beyond the last `keep` stay, and why. */
  notPruned?: { versions: string[]; reason: string };
}

/** `pruning.json`: the versions a run is deleting. */
interface PruningMarker {
  versions: string[];
  /** When that run marked them pruned. */
  at: string;
}

interface RetentionInput {
  target: Store;
  settings: SiteSettings;
  /** manifest.json as the switch left it. */
  site: SiteManifest;
  /**
   * Whether a new version became current in this run: only then are versions pruned, so that a run
   * that made none writes nothing (it only finishes a prune an earlier run left half done).
   */
  newVersion: boolean;
  /** The version the stable files were switched from in this run (the current one before it). */
  from: string | undefined;
  now: Date;
}

interface Retained {
  retention: Retention;
  /** Keys written: pruning.json, and manifest.json when it marked versions pruned. */
  written: string[];
  /** Stable paths that changed (manifest.json): what caches must drop. */
  changed: string[];
}

/**
 * After a new version became current, prunes the versions beyond the newest `keepVersions` that are
 * not spared (see the module); in every run, finishes a prune an earlier run left half done. Writes
 * nothing when there is nothing to prune.
 */
export async function retainVersions(input: RetentionInput): Promise<Retained> {
  const { target, site } = input;
  const keep = input.settings.keepVersions;
  const spared = sparedVersions(site, input.from);
  const beyond = input.newVersion ? versionsBeyond(site, keep, spared) : [];
  const deleteFolder = target.deleteFolder?.bind(target);
  if (!deleteFolder)
    return { retention: unprunable(target.location, keep, beyond), written: [], changed: [] };
  const marker = await readJson<PruningMarker>(target, PRUNING_KEY);
  const finished = interrupted(site, marker, spared);
  const written: string[] = [];
  const changed: string[] = [];
  if (beyond.length > 0) {
    const at = input.now.toISOString();
    await writeMarker(target, { versions: [...finished, ...beyond], at });
    written.push(PRUNING_KEY);
    const log = await writeSiteLog(target, siteLog(input.settings, markPruned(site, beyond, at)));
    written.push(...log);
    changed.push(...log);
  }
  for (const version of [...finished, ...beyond]) await deleteFolder(versionedPath(version, ''));
  if (marker || beyond.length > 0) await target.delete(PRUNING_KEY);
  return { retention: { keep, pruned: beyond, finished }, written, changed };
}

/** The switch's result with what retention wrote and changed, each key once. */
export function withRetention(switched: SwitchResult, retained: Retained): SwitchResult {
  return {
    written: [...new Set([...switched.written, ...retained.written])],
    unchanged: switched.unchanged,
    changed: [...new Set([...switched.changed, ...retained.changed])].sort(),
  };
}

/** The versions no prune takes: the current one, a pinned one, and the one switched from. */
function sparedVersions(site: SiteManifest, from: string | undefined): Set<string> {
  return new Set([site.current, site.pinned?.version, from].filter((v) => v !== undefined));
}

/** Versions beyond the newest `keep` publications that are neither pruned yet nor spared, newest first. */
function versionsBeyond(site: SiteManifest, keep: number, spared: ReadonlySet<string>): string[] {
  // A manifest written by something else may hold anything: only version ids are ever deleted.
  return site.versions
    .filter((record) => isVersionId(record?.version))
    .slice(keep)
    .filter((record) => record.pruned === undefined && !spared.has(record.version))
    .map((record) => record.version);
}

/** The versions pruning.json names that manifest.json marks pruned: their deletion began and may not have ended. */
function interrupted(
  site: SiteManifest,
  marker: PruningMarker | undefined,
  spared: ReadonlySet<string>,
): string[] {
  const named = new Set(Array.isArray(marker?.versions) ? marker.versions : []);
  return site.versions
    .filter((record) => isVersionId(record?.version) && named.has(record.version))
    .filter((record) => record.pruned !== undefined && !spared.has(record.version))
    .map((record) => record.version);
}

function markPruned(site: SiteManifest, versions: readonly string[], at: string): SiteManifest {
  const pruned = new Set(versions);
  return {
    ...site,
    versions: site.versions.map((record) =>
      pruned.has(record.version) ? { ...record, pruned: at } : record,
    ),
  };
}

async function writeMarker(target: Store, marker: PruningMarker): Promise<void> {
  await target.put(PRUNING_KEY, jsonBytes(marker), {
    contentType: CONTENT_TYPES.json,
    cacheControl: NO_STORE,
  });
}

/** A store that cannot delete folders keeps every version; the summary says which would have gone. */
function unprunable(location: string, keep: number, beyond: string[]): Retention {
  const retention: Retention = { keep, pruned: [], finished: [] };
  if (beyond.length === 0) return retention;
  const reason =
    `${location} cannot delete folders (in a bucket the publisher may not delete under versions/), ` +
    `so the ${beyond.length} version(s) beyond the last ${keep} are kept`;
  return { ...retention, notPruned: { versions: beyond, reason } };
}
