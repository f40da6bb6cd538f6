import type { PublishSummary } from '../publish/publish.ts';
import type { ReportProblem } from '../publish/read-reports.ts';
import { terminalSafe } from './terminal.ts';

/** Prints what a publication did (or, in a dry run, would do): problems on stderr, the summary on stdout. */
export function reportPublication(
  summary: PublishSummary,
  location: string,
  options: { json: boolean; dryRun: boolean },
): void {
  for (const problem of summary.problems) process.stderr.write(`${terminalSafe(problemLine(problem))}\n`);
  if (options.json) {
    // No CloudFront here: nothing is invalidated (the Lambda handler invalidates `changed`).
    const json = { target: location, ...summary, invalidated: [], dryRun: options.dryRun };
    process.stdout.write(`${JSON.stringify(json)}\n`);
    return;
  }
  if (summary.pinned) {
    process.stdout.write(`${terminalSafe(pinnedLine(summary, location))}\n`);
    return;
  }
  if (summary.released) process.stdout.write(`Released the pin on version ${summary.released}.\n`);
  const lines = options.dryRun ? dryRunLines(summary, location) : [publishedLine(summary, location)];
  const retention = retentionLine(summary, options.dryRun);
  if (retention) lines.push(retention);
  process.stdout.write(`${terminalSafe(lines.join('\n'))}\n`);
}

function publishedLine(summary: PublishSummary, location: string): string {
  const version = summary.newVersion
    ? `new version ${summary.version}`
    : `version ${summary.version} unchanged`;
  return (
    `Published ${count(summary.reports.length, 'report')} (${summary.figures} figures) to ${location}: ` +
    `${version}, ${summary.written.length} objects written, ${summary.copied} linked from the previous version, ` +
    `${summary.unchanged} unchanged${workLine(summary)}${problemsSummary(summary.problems)}.`
  );
}

/** How the run got there: stopped at the inputs hash, or how many reports came from the cache. */
function workLine(summary: PublishSummary): string {
  if (summary.fastPath) return '; the inputs are those of the current version, so nothing was built';
  const reports = summary.cache?.reports;
  if (!reports) return '';
  const workers = summary.workers?.count ? ` (${count(summary.workers.count, 'worker')})` : '';
  return `; ${reports.cached} reports from the cache, ${reports.made} made${workers}`;
}

/** What a real run would have done, from the summary of the run against a store that writes nothing. */
function dryRunLines(summary: PublishSummary, location: string): string[] {
  const { added, changed, removed } = summary.changes.reports;
  const version = summary.newVersion
    ? `a new version ${summary.version}`
    : `no new version (nothing changed)`;
  const stable = summary.changed;
  return [
    `Dry run, nothing was written: publishing ${count(summary.reports.length, 'report')} ` +
      `(${summary.figures} figures) to ${location} would make ${version}${problemsSummary(summary.problems)}.`,
    `  reports: ${listed(added, 'added')}; ${listed(changed, 'changed')}; ${listed(removed, 'dropped')}` +
      `; ${summary.changes.figuresChanged} figure values changed`,
    `  files: ${summary.written.length} objects would be written, ${summary.copied} linked from the ` +
      `previous version; ${stable.length} stable paths would switch${stable.length ? `: ${preview(stable)}` : ''}`,
  ];
}

/** What retention did (or would do): the versions pruned beyond the last `keepVersions`, or why none were. */
function retentionLine({ retention }: PublishSummary, dryRun: boolean): string | undefined {
  if (!retention) return undefined;
  const indent = dryRun ? '  ' : '';
  if (retention.notPruned) return `${indent}Not pruned: ${retention.notPruned.reason}.`;
  const gone = [...retention.pruned, ...retention.finished];
  if (gone.length === 0) return undefined;
  const listed = `${count(gone.length, 'version')} beyond the last ${retention.keep} (${preview(gone)})`;
  if (dryRun) return `  versions: ${listed} would be pruned`;
  return `Pruned ${listed}: marked pruned in manifest.json, folders deleted.`;
}

function pinnedLine(summary: PublishSummary, location: string): string {
  const pin = summary.pinned;
  return (
    `${location} is pinned at version ${pin?.version} by a rollback (${pin?.at}): nothing was built. ` +
    'Run "opendata rollback --release" or "opendata publish --release" to publish again.'
  );
}

/** One line: the file, what is wrong with it, and which publication of it stays online. */
function problemLine({ file, problem, kept }: ReportProblem): string {
  return `${file}: ${problem}${kept ? ` (its last good version, from ${kept}, stays published)` : ''}`;
}

function problemsSummary(problems: readonly ReportProblem[]): string {
  const kept = problems.filter((p) => p.kept).length;
  const left = problems.length - kept;
  return `${left ? `, ${left} report(s) left out` : ''}${kept ? `, ${kept} kept at their last good version` : ''}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function listed(ids: readonly string[], what: string): string {
  return ids.length ? `${ids.length} ${what} (${preview(ids)})` : `0 ${what}`;
}

function preview(items: readonly string[], shown = 5): string {
  return items.slice(0, shown).join(', ') + (items.length > shown ? `, … ${items.length - shown} more` : '');
}
