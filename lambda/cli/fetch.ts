import { Command, Option } from 'commander';
import { type FetchSummary, fetchSources } from '../fetch/fetch-sources.ts';
import { parseSources } from '../fetch/sources.ts';
import { FsStore } from '../stores/fs-store.ts';
import { DEFAULT_ARCHIVE_DIR, DEFAULT_REPORTS_DIR, DEFAULT_SOURCES } from './defaults.ts';
import { readInput } from './extract.ts';
import type { RunCommand } from './run-command.ts';
import { terminalSafe } from './terminal.ts';

interface FetchCommandOptions {
  sources: string;
  out: string;
  archive: string;
  allowPrivate?: boolean;
  json?: boolean;
}

/** `opendata fetch [--sources <file>] [--out <dir>] [--archive <dir>] [--allow-private] [--json]`. */
export function fetchCommand(run: RunCommand): Command {
  return new Command('fetch')
    .summary('fetch the registered report pages into the reports folder')
    .description(
      'Fetch every registered report page and the newer reports its listing links to; write changed ' +
        'ones as <id>.txt + <id>.meta.json and archive the fetched originals. Unchanged pages cost one ' +
        'conditional request and write nothing.',
    )
    .addOption(
      new Option('--sources <file>', 'the registry of report pages').default(
        DEFAULT_SOURCES,
        'data/sources.json',
      ),
    )
    .addOption(new Option('--out <dir>', 'where the reports go').default(DEFAULT_REPORTS_DIR, 'data/reports'))
    .addOption(
      new Option('--archive <dir>', 'where the originals go, under sources/<id>/').default(
        DEFAULT_ARCHIVE_DIR,
        'data/archive',
      ),
    )
    .option('--allow-private', 'allow private and loopback addresses (tests)')
    .option('--json', 'print the summary as one JSON object')
    .action((options: FetchCommandOptions) =>
      run(async () => {
        const summary = await fetchInto({
          sources: options.sources,
          reportsDir: options.out,
          archiveDir: options.archive,
          allowPrivate: options.allowPrivate === true,
          json: options.json === true,
        });
        return summary.failed.length > 0 ? 1 : 0;
      }),
    );
}

interface FetchIntoOptions {
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
  for (const { id, problem } of summary.failed)
    process.stderr.write(`${terminalSafe(`${id}: ${problem}`)}\n`);
  if (json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const { fetched, unchanged, discovered, pending, failed } = summary;
  // Pending pages are named on the summary line itself: they are expected, not problems for stderr.
  const waiting = pending.map(({ id, url, problem }) => `${id}: ${url} answers ${problem}`).join('; ');
  process.stdout.write(
    terminalSafe(
      `Fetched ${fetched.length} report(s), ${unchanged.length} unchanged, ${discovered.length} newly discovered` +
        `${pending.length ? `, ${pending.length} pending (${waiting})` : ''}` +
        `${failed.length ? `, ${failed.length} failed` : ''}.\n`,
    ),
  );
}
