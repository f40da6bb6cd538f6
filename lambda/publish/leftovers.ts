import {
  ABANDONED_KEY,
  CONTENT_TYPES,
  NO_STORE,
  PRUNING_KEY,
  versionedPath,
  versionManifestPath,
} from '../contract/index.ts';
import { headObject, type Store } from '../stores/store.ts';
import { readStorePointer } from './pointer.ts';
import { jsonBytes, type PublishedState, readJson } from './published-state.ts';

/**
 * Where a bucket lists the half-written versions of killed runs that no run will finish. The
 * publisher may not delete under `versions/` there (its IAM policy denies it, so that no published
 * version can be lost), so it records them for whoever keeps the bucket tidy with the right to
 * delete: remove `path`, then its entry. Not served: it is no stable path of a version.
 */

interface AbandonedVersion {
  version: string;
  /** The folder to remove: `versions/<version>/`. */
  path: string;
  /** The inputs it was built from, which have changed since. */
  inputHash: string;
  /** When the killed run started it. */
  created: string;
  /** When a later run found it abandoned. */
  found: string;
}

interface AbandonedVersions {
  versions: AbandonedVersion[];
}

interface Leftovers {
  /** Temporary files of dead processes that were removed (a folder only). */
  removed: string[];
  /** The version given up, deleted (a folder) or recorded in abandoned.json (a bucket). */
  abandoned?: string;
  /** Keys written (abandoned.json). */
  written: string[];
}

/**
 * Clears up after a run that was killed: the temporary files it was writing (a store that has them
 * removes those of dead processes), and its half-written version once the inputs have changed, so
 * that no run will resume it: that is the version the run marker names when the marker's inputs are
 * not this run's, it has no file list (never completed) and neither `manifest.json` nor the pointer
 * names it. A folder deletes it; a bucket records it in abandoned.json.
 */
export async function clearLeftovers(input: {
  target: Store;
  state: PublishedState;
  inputHash: string;
  now: Date;
}): Promise<Leftovers> {
  const { target, state } = input;
  const marker = state.marker;
  // Only a run that stopped (its marker still there, or a prune it began) leaves temporary files:
  // looking for them lists the whole folder, every version kept (seconds at 10,000 reports).
  const stopped = marker !== undefined || (await headObject(target, PRUNING_KEY)) !== undefined;
  const removed = stopped ? ((await target.removeLeftovers?.()) ?? []) : [];
  if (!marker || marker.inputHash === input.inputHash || marker.version === state.manifest?.current)
    return { removed, written: [] };
  if ((await headObject(target, versionManifestPath(marker.version))) !== undefined)
    return { removed, written: [] };
  if ((await readStorePointer(target)) === marker.version) return { removed, written: [] };
  const path = versionedPath(marker.version, '');
  if (target.deleteFolder) {
    await target.deleteFolder(path);
    return { removed, abandoned: marker.version, written: [] };
  }
  const recorded = (await readJson<AbandonedVersions>(target, ABANDONED_KEY))?.versions;
  const list = Array.isArray(recorded) ? recorded : [];
  if (list.some((entry) => entry.version === marker.version))
    return { removed, abandoned: marker.version, written: [] };
  const entry: AbandonedVersion = {
    version: marker.version,
    path,
    inputHash: marker.inputHash,
    created: marker.created,
    found: input.now.toISOString(),
  };
  const body: AbandonedVersions = { versions: [...list, entry] };
  await target.put(ABANDONED_KEY, jsonBytes(body), {
    contentType: CONTENT_TYPES.json,
    cacheControl: NO_STORE,
  });
  return { removed, abandoned: marker.version, written: [ABANDONED_KEY] };
}
