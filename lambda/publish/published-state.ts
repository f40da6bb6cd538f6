import { isVersionId, MANIFEST_KEY, MARKER_KEY, versionManifestPath } from '../contract/index.ts';
import type { Publication, SiteManifest, VersionManifest } from '../pipeline/metadata/index.ts';
import type { Store } from '../stores/store.ts';

export interface PublishingMarker extends Publication {
  inputHash: string;
}

/** What the last runs left in the target store. */
export interface PublishedState {
  manifest: SiteManifest | undefined;
  /** The file list of the manifest's current version. */
  previous: VersionManifest | undefined;
  marker: PublishingMarker | undefined;
}

export async function readPublishedState(target: Store): Promise<PublishedState> {
  const [manifest, marker] = await Promise.all([
    readJson<SiteManifest>(target, MANIFEST_KEY),
    readJson<PublishingMarker>(target, MARKER_KEY),
  ]);
  const current = manifest && isVersionId(manifest.current) ? manifest.current : undefined;
  const previous = current
    ? await readJson<VersionManifest>(target, versionManifestPath(current))
    : undefined;
  return {
    manifest: previous ? manifest : undefined,
    previous,
    marker: marker && isVersionId(marker.version) ? marker : undefined,
  };
}

export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}

/** A control file that is missing or unreadable counts as absent: the run then rebuilds what it describes. */
export async function readJson<T>(store: Store, key: string): Promise<T | undefined> {
  const bytes = await store.get(key);
  if (!bytes) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch {
    return undefined;
  }
}
