import { Argument, Command, Option } from 'commander';
import {
  DEFAULT_ARCHIVE_DIR,
  DEFAULT_CORRECTIONS,
  DEFAULT_INDICATORS,
  DEFAULT_REPORTS_DIR,
  DEFAULT_SITE_SETTINGS,
} from './defaults.ts';
import type { RunCommand } from './run-command.ts';
import { type TargetOptions, withTargetOptions } from './target-options.ts';

export interface PublishCommandOptions extends TargetOptions {
  site: string;
  indicators: string;
  corrections: string;
  baseUrl?: string;
  json?: boolean;
  sources?: string;
  archive: string;
  allowPrivate?: boolean;
  dryRun?: boolean;
  allowShrink?: boolean;
  release?: boolean;
  cache?: string;
}

/** The files beside the reports that shape the site: settings, catalog, corrections. */
function withInputOptions(command: Command): Command {
  return command
    .addOption(new Option('--site <file>', 'site settings').default(DEFAULT_SITE_SETTINGS, 'data/site.json'))
    .addOption(
      new Option('--indicators <file>', 'the indicator catalog').default(
        DEFAULT_INDICATORS,
        'data/indicators.json',
      ),
    )
    .addOption(
      new Option('--corrections <file>', "the publisher's corrections of figures, by figure id").default(
        DEFAULT_CORRECTIONS,
        'data/corrections.json',
      ),
    );
}

/** `opendata publish [<reports-dir>] --out <dir> | --bucket <name>`; the work is run-publish.ts, loaded when it runs. */
export function publishCommand(run: RunCommand): Command {
  const command = new Command('publish')
    .summary('publish a reports folder as a site, into a folder or an S3 bucket')
    .description(
      'Publish every <id>.txt (with its optional <id>.meta.json) of the reports folder as a site: ' +
        'datasets (CSV, JSON, XLSX), datapackage.json, catalog.jsonld, feed.atom and a page per report. ' +
        'Each publication is written whole under versions/<version>/ before the stable URLs switch to it; ' +
        'unchanged inputs write nothing. A site pinned by `opendata rollback` is left as it is.',
    )
    .addArgument(
      new Argument('[reports-dir]', 'the reports folder').default(DEFAULT_REPORTS_DIR, 'data/reports'),
    );
  return withInputOptions(withTargetOptions(command, 'publish into'))
    .option('--base-url <url>', 'the URL the site is served at (default: baseUrl of the site settings)')
    .option('--json', 'print the summary as one JSON object')
    .option('--sources <file>', 'first fetch the registered report pages into the reports folder')
    .addOption(
      new Option('--archive <dir>', 'where fetched originals are archived').default(
        DEFAULT_ARCHIVE_DIR,
        'data/archive',
      ),
    )
    .option('--allow-private', 'let --sources reach private and loopback addresses (tests)')
    .option('--dry-run', 'read and build everything, write nothing, and print what would change')
    .option('--allow-shrink', 'publish even if more than half of the live reports would go')
    .option('--release', 'lift the pin of a rollback, then publish')
    .option(
      '--cache <dir>',
      "where each report's results are kept between runs (default: .opendata-cache/<site folder name> beside it)",
    )
    .action((reportsDir: string, options: PublishCommandOptions) =>
      run(async () => (await import('./run-publish.ts')).publishReports(reportsDir, options)),
    );
}
