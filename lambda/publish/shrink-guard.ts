import type { VersionManifest } from '../pipeline/metadata/index.ts';

/**
 * The publication would take most reports off a live site: refused before anything is written. A
 * typo in a path, an empty upload or a half-synced folder must not empty a site people cite.
 */
export class ShrinkRefusedError extends Error {
  override name = 'ShrinkRefusedError';
  constructor(
    readonly location: string,
    readonly live: number,
    readonly dropped: readonly string[],
  ) {
    const kept = live - dropped.length;
    const named = dropped.slice(0, 5).join(', ') + (dropped.length > 5 ? ', …' : '');
    super(
      `refusing to publish to ${location}: it has ${live} report${live === 1 ? '' : 's'} online and ` +
        `this run would drop ${dropped.length} of them (${named}), keeping ${kept}; nothing was written`,
    );
  }
}

/** The ids of the reports a version publishes (each has its `reports/<id>/source.txt`). */
export function publishedReportIds(version: VersionManifest | undefined): string[] {
  const ids: string[] = [];
  for (const path of Object.keys(version?.files ?? {})) {
    const id = /^reports\/([^/]+)\/source\.txt$/.exec(path)?.[1];
    if (id) ids.push(id);
  }
  return ids;
}

/**
 * Throws when more than half of the live reports (all of them included) would be dropped, unless the
 * operator said so. A report that is still there but unreadable is kept at its last good version, so
 * it counts as present.
 */
export function guardShrink(input: {
  location: string;
  live: readonly string[];
  next: Iterable<string>;
  allowShrink: boolean;
}): void {
  if (input.allowShrink || input.live.length === 0) return;
  const next = new Set(input.next);
  const dropped = input.live.filter((id) => !next.has(id));
  if (dropped.length * 2 > input.live.length)
    throw new ShrinkRefusedError(input.location, input.live.length, dropped);
}
