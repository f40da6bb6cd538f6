import { CONTENT_TYPES, MANIFEST_KEY, SITE_FEED_KEY, STABLE_CACHE_CONTROL } from '../contract/index.ts';
import type { SiteManifest } from '../pipeline/metadata/index.ts';
import { atomFeed } from '../pipeline/metadata/index.ts';
import type { SiteSettings } from '../pipeline/report/index.ts';
import { headObject, type Store } from '../stores/store.ts';
import { jsonBytes } from './published-state.ts';
import { entryOf } from './version-writer.ts';

export interface SiteLog {
  manifest: SiteManifest;
  /** The feed of every publication and event in the manifest. */
  feed: Uint8Array;
}

export function siteLog(settings: SiteSettings, manifest: SiteManifest): SiteLog {
  const feed = atomFeed(settings, manifest.versions, manifest.events ?? []);
  return { manifest, feed: new TextEncoder().encode(feed) };
}

/**
 * Writes the feed, then manifest.json (last: it names the current version once all else is in
 * place), each only when its bytes differ from what is there. Returns the keys written.
 */
export async function writeSiteLog(target: Store, log: SiteLog): Promise<string[]> {
  const written: string[] = [];
  const files: [string, Uint8Array, string][] = [
    [SITE_FEED_KEY, log.feed, CONTENT_TYPES.atom],
    [MANIFEST_KEY, jsonBytes(log.manifest), CONTENT_TYPES.json],
  ];
  for (const [key, body, contentType] of files) {
    if ((await headObject(target, key))?.sha256 === entryOf(body).sha256) continue;
    await target.put(key, body, { contentType, cacheControl: STABLE_CACHE_CONTROL });
    written.push(key);
  }
  return written;
}
