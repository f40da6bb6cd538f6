/**
 * Switch, the last phase of a publication (and all a rollback does). Takes a complete version and
 * the site's manifest to name it in; gives the keys it wrote and the stable paths that changed. It
 * is a unit because it is the only step that changes what readers see: the pointers move to a
 * version whose every file is already written, then the stable copies, the site's log, and last the
 * run's marker goes, so a run that stops anywhere before it leaves the site as it was.
 */
import {
  CONTENT_TYPES,
  MARKER_KEY,
  NO_STORE,
  OCTET_STREAM,
  POINTER_KEY,
  SITE_FEED_KEY,
  STABLE_CACHE_CONTROL,
  versionedPath,
} from '../contract/index.ts';
import type { VersionManifest } from '../pipeline/metadata/index.ts';
import type { SiteSettings } from '../pipeline/report/index.ts';
import { copyObject, headObject, type Store } from '../stores/store.ts';
import { pointerBody, readStorePointer, type VersionPointer } from './pointer.ts';
import { Pool } from './pool.ts';
import type { PublishedState } from './published-state.ts';
import type { Reduced } from './reduce.ts';
import { type SiteLog, siteLog, writeSiteLog } from './site-log.ts';

interface SwitchInput {
  target: Store;
  /** The complete version to switch to. */
  manifest: VersionManifest;
  /** The version the stable files were last switched to. */
  previous: VersionManifest | undefined;
  /** manifest.json and the site's feed, written last. */
  siteLog: SiteLog;
  contentTypes: ReadonlyMap<string, { contentType: string }>;
  pointers: readonly VersionPointer[];
  /** A run was interrupted: stable files may be of either version, so look at each before writing. */
  verify: boolean;
  concurrency: number;
}

export interface SwitchResult {
  written: string[];
  unchanged: number;
  changed: string[];
}

/**
 * Makes a complete version the current one: first the pointers (after which every reader of the
 * stable URLs, through serve or CloudFront, sees the new version whole), then the stable copies for
 * whoever reads the folder or bucket directly, then the site's log (feed.atom, manifest.json), and
 * last the marker goes. A publication and a rollback switch alike.
 */
export async function switchStable(input: SwitchInput): Promise<SwitchResult> {
  const { target, manifest, previous } = input;
  const written = await syncPointers(target, manifest.version, input.pointers);
  const changed: string[] = [];
  let unchanged = 0;
  const pool = new Pool(input.concurrency);
  for (const [path, entry] of Object.entries(manifest.files)) {
    // The stable feed is the site's log, written below with the rest of it.
    if (path === SITE_FEED_KEY) continue;
    await pool.add(async () => {
      const current = input.verify ? (await headObject(target, path))?.sha256 : previous?.files[path]?.sha256;
      if (current === entry.sha256) {
        unchanged += 1;
        return;
      }
      await copyObject(target, versionedPath(manifest.version, path), path, {
        contentType: input.contentTypes.get(path)?.contentType ?? OCTET_STREAM,
        cacheControl: STABLE_CACHE_CONTROL,
        sha256: entry.sha256,
      });
      written.push(path);
      changed.push(path);
    });
  }
  for (const path of Object.keys(previous?.files ?? {})) {
    if (path in manifest.files || path === SITE_FEED_KEY) continue;
    await pool.add(async () => {
      await target.delete(path);
      changed.push(path);
    });
  }
  await pool.drain();
  for (const key of await writeSiteLog(target, input.siteLog)) {
    written.push(key);
    changed.push(key);
  }
  await target.delete(MARKER_KEY);
  return { written, unchanged, changed: changed.sort() };
}

/** What a publication switches with, beside the version and the site's manifest the reduce made. */
interface PublicationSwitchInput {
  target: Store;
  settings: SiteSettings;
  state: PublishedState;
  reduced: Pick<Reduced, 'newVersion' | 'version' | 'site'>;
  contentTypes: ReadonlyMap<string, { contentType: string }>;
  pointers: readonly VersionPointer[];
  concurrency: number;
}

/**
 * Switches to the reduced publication. When nothing changed only the pointers are checked, unless an
 * interrupted run may have left the stable side half switched: it is then repaired to match.
 */
export async function switchPublication(input: PublicationSwitchInput): Promise<SwitchResult> {
  const { target, state, reduced } = input;
  const verify = state.marker !== undefined;
  const files = Object.keys(reduced.version.files).length;
  if (!reduced.newVersion && !verify) {
    const written = await syncPointers(target, reduced.version.version, input.pointers);
    return { written, unchanged: files, changed: [] };
  }
  const result = await switchStable({
    target,
    manifest: reduced.version,
    previous: state.previous,
    siteLog: siteLog(input.settings, reduced.site),
    contentTypes: input.contentTypes,
    pointers: input.pointers,
    verify,
    concurrency: input.concurrency,
  });
  return reduced.newVersion ? result : { ...result, unchanged: files - result.changed.length };
}

/** Points every pointer at the version unless the store's own pointer already names it. */
export async function syncPointers(
  target: Store,
  version: string,
  pointers: readonly VersionPointer[],
): Promise<string[]> {
  if ((await readStorePointer(target)) === version) return [];
  for (const pointer of pointers) await pointer.switchTo(version);
  await target.put(POINTER_KEY, pointerBody(version), {
    contentType: CONTENT_TYPES.json,
    cacheControl: NO_STORE,
  });
  return [POINTER_KEY];
}
