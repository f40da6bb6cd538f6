import { Command, Option } from 'commander';
import { DEFAULT_ARCHIVE_DIR, DEFAULT_REPORTS_DIR, DEFAULT_SOURCES } from './defaults.ts';
import type { RunCommand } from './run-command.ts';

interface FetchCommandOptions {
  sources: string;
  out: string;
  archive: string;
  allowPrivate?: boolean;
  json?: boolean;
}

/**
 * `opendata fetch [--sources <file>] [--out <dir>] [--archive <dir>] [--allow-private] [--json]`; the
 * work is run-fetch.ts, loaded when it runs.
 */
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
        const { fetchInto } = await import('./run-fetch.ts');
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
