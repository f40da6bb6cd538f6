import type { SiteEvent, SiteManifest } from '../pipeline/metadata/index.ts';
import type { SiteSettings } from '../pipeline/report/index.ts';
import type { Store } from '../stores/store.ts';
import { siteLog, writeSiteLog } from './site-log.ts';

/** The manifest with one more event, newest first. */
export function withEvent(manifest: SiteManifest, event: SiteEvent): SiteManifest {
  return { ...manifest, events: [event, ...(manifest.events ?? [])] };
}

export interface ReleaseResult {
  /** The version whose pin was lifted; undefined when the site was not pinned. */
  released: string | undefined;
  manifest: SiteManifest;
  /** Stable keys written (the site's feed and manifest.json). */
  written: string[];
}

/**
 * Lifts a rollback's pin: the site stays at its version until the next run publishes. Only the
 * site's log changes (manifest.json and the feed record the release).
 */
export async function releasePin(input: {
  target: Store;
  settings: SiteSettings;
  manifest: SiteManifest;
  now: Date;
}): Promise<ReleaseResult> {
  const { pinned, ...rest } = input.manifest;
  if (!pinned) return { released: undefined, manifest: input.manifest, written: [] };
  const manifest = withEvent(rest, { kind: 'release', at: input.now.toISOString(), version: pinned.version });
  const written = await writeSiteLog(input.target, siteLog(input.settings, manifest));
  return { released: pinned.version, manifest, written };
}
