import { type FetchSummary, fetchSources } from '../fetch/fetch-sources.ts';
import { parseSources } from '../fetch/sources.ts';
import { FsStore } from '../stores/fs-store.ts';
import { parseCommandArgs } from './args.ts';
import { DEFAULT_ARCHIVE_DIR, DEFAULT_REPORTS_DIR, DEFAULT_SOURCES } from './defaults.ts';
import { readInput } from './extract.ts';
import { UsageError } from './usage.ts';

/** `opendata fetch [--sources <file>] [--out <dir>] [--archive <dir>] [--allow-private] [--json]`: see USAGE. */
export async function fetchCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    sources: { type: 'string', default: DEFAULT_SOURCES },
    out: { type: 'string', default: DEFAULT_REPORTS_DIR },
    archive: { type: 'string', default: DEFAULT_ARCHIVE_DIR },
    'allow-private': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError('fetch takes no positional arguments');
  const summary = await fetchInto({
    sources: values.sources,
    reportsDir: values.out,
    archiveDir: values.archive,
    allowPrivate: values['allow-private'],
    json: values.json,
  });
  return summary.failed.length > 0 ? 1 : 0;
}

export interface FetchIntoOptions {
  /** The registry file. */
  sources: string;
  reportsDir: string;
  archiveDir: string;
  allowPrivate: boolean | undefined;
  json: boolean | undefined;
}

/** One fetch run into local folders, reported on stdout/stderr: `fetch` and `publish --sources`. */
export async function fetchInto(options: FetchIntoOptions): Promise<FetchSummary> {
  const sources = parseSources(await readInput(options.sources), options.sources);
  const summary = await fetchSources({
    sources,
    reports: new FsStore(options.reportsDir),
    archive: new FsStore(options.archiveDir),
    now: () => new Date(),
    allowPrivate: options.allowPrivate,
  });
  report(summary, options.json);
  return summary;
}

function report(summary: FetchSummary, json: boolean | undefined): void {
  for (const { id, problem } of summary.failed) process.stderr.write(`${id}: ${problem}\n`);
  if (json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const { fetched, unchanged, discovered, pending, failed } = summary;
  // Pending pages are named on the summary line itself: they are expected, not problems for stderr.
  const waiting = pending.map(({ id, url, problem }) => `${id}: ${url} answers ${problem}`).join('; ');
  process.stdout.write(
    `Fetched ${fetched.length} report(s), ${unchanged.length} unchanged, ${discovered.length} newly discovered` +
      `${pending.length ? `, ${pending.length} pending (${waiting})` : ''}` +
      `${failed.length ? `, ${failed.length} failed` : ''}.\n`,
  );
}
