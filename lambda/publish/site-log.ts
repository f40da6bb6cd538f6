import { atomFeed } from '../pipeline/metadata/feed.ts';
import type { SiteManifest } from '../pipeline/metadata/publication.ts';
import type { SiteSettings } from '../pipeline/report/settings.ts';
import { headObject, type Store } from '../stores/store.ts';
import { jsonBytes, MANIFEST_KEY } from './state.ts';
import { entryOf, STABLE_CACHE_CONTROL } from './version-writer.ts';

/**
 * The stable feed. With manifest.json it is the site's log: both are served as they are, not from
 * the current version, so that they can tell of rollbacks and releases, which make no version.
 */
export const SITE_FEED_KEY = 'feed.atom';

/** The paths served as they are rather than from the current version (see the CloudFront function). */
export const SITE_LOG_KEYS = [MANIFEST_KEY, SITE_FEED_KEY] as const;

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
    [SITE_FEED_KEY, log.feed, 'application/atom+xml'],
    [MANIFEST_KEY, jsonBytes(log.manifest), 'application/json'],
  ];
  for (const [key, body, contentType] of files) {
    if ((await headObject(target, key))?.sha256 === entryOf(body).sha256) continue;
    await target.put(key, body, { contentType, cacheControl: STABLE_CACHE_CONTROL });
    written.push(key);
  }
  return written;
}
