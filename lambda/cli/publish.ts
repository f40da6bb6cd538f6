import { Argument, Command, Option } from 'commander';
import { type IndicatorCatalog, parseIndicatorCatalog } from '../pipeline/indicators/index.ts';
import { parseSiteSettings, type SiteSettings } from '../pipeline/report/index.ts';
import { type PublishSummary, publish } from '../publish/publish.ts';
import { DryRunStore } from '../stores/dry-run-store.ts';
import { FsStore } from '../stores/fs-store.ts';
import {
  DEFAULT_ARCHIVE_DIR,
  DEFAULT_INDICATORS,
  DEFAULT_REPORTS_DIR,
  DEFAULT_SITE_SETTINGS,
} from './defaults.ts';
import { readInput } from './extract.ts';
import { fetchInto } from './fetch.ts';
import { progressBar } from './progress.ts';
import { reportPublication } from './publish-report.ts';
import type { RunCommand } from './run-command.ts';
import { assertFolder } from './serve.ts';
import { openTarget, type TargetOptions, withTargetOptions } from './target.ts';
import { UsageError } from './usage.ts';

interface PublishCommandOptions extends TargetOptions {
  site: string;
  indicators: string;
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

/** `opendata publish [<reports-dir>] --out <dir> | --bucket <name>`. */
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
  return withTargetOptions(command, 'publish into')
    .addOption(new Option('--site <file>', 'site settings').default(DEFAULT_SITE_SETTINGS, 'data/site.json'))
    .addOption(
      new Option('--indicators <file>', 'the indicator catalog').default(
        DEFAULT_INDICATORS,
        'data/indicators.json',
      ),
    )
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
      run(() => publishReports(reportsDir, options)),
    );
}

async function publishReports(reportsDir: string, options: PublishCommandOptions): Promise<number> {
  // With --sources the fetch fills the folder (and may make it); otherwise a missing one is a typo.
  if (!options.sources) await assertFolder(reportsDir, 'the reports folder');
  const json = options.json === true;
  const dryRun = options.dryRun === true;
  if (dryRun && options.sources)
    throw new UsageError('--dry-run cannot be combined with --sources: fetching writes the reports folder');
  const settings = await loadSettings(options.site, options.baseUrl);
  const catalog = await loadIndicatorCatalog(options.indicators);
  const target = await openTarget(options);
  // A dry run writes nothing, so it takes no lock either.
  const release = dryRun ? async () => {} : await target.lock();
  try {
    const fetched = options.sources
      ? await fetchInto({
          sources: options.sources,
          reportsDir,
          archiveDir: options.archive,
          allowPrivate: options.allowPrivate === true,
          json,
        })
      : undefined;
    const store = dryRun ? new DryRunStore(target.store) : target.store;
    const progress = progressBar(json);
    const summary: PublishSummary = await publish({
      source: new FsStore(reportsDir),
      target: store,
      settings,
      catalog,
      archive: new FsStore(options.archive),
      now: new Date(),
      onProgress: progress.update,
      allowShrink: options.allowShrink === true,
      release: options.release === true,
      // A dry run writes nothing that lasts: its results go to a temporary cache, removed after it.
      ...(dryRun ? {} : { cacheFolder: options.cache ?? target.cacheFolder }),
    });
    progress.stop();
    reportPublication(summary, store.location, { json, dryRun });
    return summary.problems.length > 0 || (fetched?.failed.length ?? 0) > 0 ? 1 : 0;
  } finally {
    await release();
  }
}

export async function loadSettings(file: string, baseUrl: string | undefined): Promise<SiteSettings> {
  const settings = parseSiteSettings(await readInput(file), file);
  if (baseUrl === undefined) return settings;
  if (!/^https?:\/\/[^/]/.test(baseUrl))
    throw new UsageError(`--base-url must be an http(s) URL, got "${baseUrl}"`);
  return { ...settings, baseUrl: baseUrl.replace(/\/+$/, '') };
}

/** The indicator catalog (data/indicators.json unless --indicators names another), validated. */
export async function loadIndicatorCatalog(file: string = DEFAULT_INDICATORS): Promise<IndicatorCatalog> {
  return parseIndicatorCatalog(await readInput(file), file);
}
