import { isVersionId, versionManifestPath } from '../contract/index.ts';
import type { SiteEvent, SitePin, VersionRecord } from '../pipeline/metadata/index.ts';
import { headObject, type Store } from '../stores/store.ts';
import { readPublishedState } from './published-state.ts';

export interface KeptVersion extends VersionRecord {
  current: boolean;
  /**
   * Whether its files are still there (its file list is) and it is not pruned, so that it can be
   * rolled back to.
   */
  present: boolean;
}

interface KeptVersions {
  location: string;
  /** Newest first. */
  versions: KeptVersion[];
  pinned?: SitePin;
  events: SiteEvent[];
}

/**
 * The publications of the site as its manifest.json lists them, those kept (each checked for its
 * files) and those pruned since.
 */
export async function keptVersions(target: Store): Promise<KeptVersions> {
  const { manifest } = await readPublishedState(target);
  const versions: KeptVersion[] = [];
  // A manifest written by something else may hold anything: only version ids are listed.
  for (const record of (manifest?.versions ?? []).filter((r) => isVersionId(r?.version))) {
    // A pruned version is gone, or going (retention.ts): it is not looked for.
    const present =
      record.pruned === undefined &&
      (await headObject(target, versionManifestPath(record.version))) !== undefined;
    versions.push({ ...record, current: record.version === manifest?.current, present });
  }
  return {
    location: target.location,
    versions,
    ...(manifest?.pinned ? { pinned: manifest.pinned } : {}),
    events: manifest?.events ?? [],
  };
}
