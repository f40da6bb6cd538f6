/** What `opendata versions` does: the publications a site keeps, as a table or JSON. */
import type { PublicationChanges } from '../pipeline/metadata/index.ts';
import { type KeptVersion, keptVersions } from '../publish/kept-versions.ts';
import { openTarget } from './target.ts';
import type { TargetOptions } from './target-options.ts';
import { terminalSafe } from './terminal.ts';

/** Prints the kept versions of the site the options name, newest first. */
export async function listVersions(options: TargetOptions & { json?: boolean }): Promise<number> {
  const target = await openTarget(options);
  const kept = await keptVersions(target.store);
  if (options.json) process.stdout.write(`${JSON.stringify(kept)}\n`);
  else process.stdout.write(terminalSafe(versionsTable(kept.location, kept.versions, kept.pinned)));
  return 0;
}

function versionsTable(
  location: string,
  versions: readonly KeptVersion[],
  pinned?: { version: string; at: string },
) {
  if (versions.length === 0) return `Nothing has been published to ${location} yet.\n`;
  const rows = versions.map((v, i) => [
    `${v.current ? '*' : ' '} ${v.version}`,
    shortTime(v.created),
    String(v.reports),
    String(v.figures),
    stateText(v) ?? changesText(v.changes, i === versions.length - 1),
  ]);
  const header = ['  VERSION', 'CREATED', 'REPORTS', 'FIGURES', 'CHANGES'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  const pin = pinned
    ? `Pinned at ${pinned.version} by a rollback (${pinned.at}): runs build nothing until "opendata rollback --release".\n`
    : '';
  return `${[line(header), ...rows.map(line)].join('\n')}\n* served now. ${pin || '\n'}`;
}

/** Why a version cannot be rolled back to, or undefined when it can. */
function stateText(version: KeptVersion): string | undefined {
  if (version.pruned !== undefined) return `pruned ${shortTime(version.pruned)}: cannot be rolled back to`;
  return version.present ? undefined : 'files gone: cannot be rolled back to';
}

/** `2026-11-27 05:23Z`: to the minute. */
function shortTime(iso: string): string {
  return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z');
}

function changesText(changes: PublicationChanges, first: boolean): string {
  if (first) return 'first publication';
  const { added, changed, removed } = changes.reports;
  const parts = [
    added.length ? `+${added.length} reports` : '',
    changed.length ? `${changed.length} changed` : '',
    removed.length ? `-${removed.length} reports` : '',
    changes.figuresChanged ? `${changes.figuresChanged} figure values changed` : '',
  ].filter(Boolean);
  return parts.join(', ') || 'no report changed (settings or code)';
}
