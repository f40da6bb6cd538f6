/**
 * What `opendata publish` does: (fetch, then) publish a reports folder into a folder or a bucket.
 * The publisher itself is imported once the folder's lock is taken: a run refused because another
 * holds it, or stopped by a wrong setting, answers without loading it.
 */
import type { FetchSummary } from '../fetch/fetch-sources.ts';
import type { IndicatorCatalog } from '../pipeline/indicators/index.ts';
import type { SiteSettings } from '../pipeline/report/index.ts';
import type { PublishedCorrections } from '../publish/plan.ts';
import type { PublishSummary } from '../publish/publish.ts';
import { DryRunStore } from '../stores/dry-run-store.ts';
import { FsStore } from '../stores/fs-store.ts';
import type { Store } from '../stores/store.ts';
import { assertFolder, loadCorrections, loadIndicatorCatalog, loadSettings } from './inputs.ts';
import { progressBar } from './progress.ts';
import type { PublishCommandOptions } from './publish.ts';
import { reportPublication } from './publish-report.ts';
import { openTarget } from './target.ts';
import { UsageError } from './usage.ts';

/** Publishes `reportsDir` as the options say; exits 1 when a report or a fetched page was left out. */
export async function publishReports(reportsDir: string, options: PublishCommandOptions): Promise<number> {
  // With --sources the fetch fills the folder (and may make it); otherwise a missing one is a typo.
  if (!options.sources) await assertFolder(reportsDir, 'the reports folder');
  const json = options.json === true;
  const dryRun = options.dryRun === true;
  if (dryRun && options.sources)
    throw new UsageError('--dry-run cannot be combined with --sources: fetching writes the reports folder');
  const settings = await loadSettings(options.site, options.baseUrl);
  const catalog = await loadIndicatorCatalog(options.indicators);
  const corrections = await loadCorrections(options.corrections);
  const target = await openTarget(options);
  // A dry run writes nothing, so it takes no lock either.
  const release = dryRun ? async () => {} : await target.lock();
  try {
    const fetched = options.sources ? await fetchFirst(options.sources, reportsDir, options) : undefined;
    const store = dryRun ? new DryRunStore(target.store) : target.store;
    // A dry run writes nothing that lasts: its results go to a temporary cache, removed after it.
    const cacheFolder = dryRun ? undefined : (options.cache ?? target.cacheFolder);
    const summary = await publishInto(store, reportsDir, {
      settings,
      catalog,
      corrections,
      options,
      json,
      cacheFolder,
    });
    reportPublication(summary, store.location, { json, dryRun });
    return summary.problems.length > 0 || (fetched?.failed.length ?? 0) > 0 ? 1 : 0;
  } finally {
    await release();
  }
}

interface RunInputs {
  settings: SiteSettings;
  catalog: IndicatorCatalog;
  corrections: PublishedCorrections;
  options: PublishCommandOptions;
  json: boolean;
  /** Where the reports' results are kept; none for a dry run. */
  cacheFolder: string | undefined;
}

/** One publication of the reports folder into `store`, with a progress bar at a terminal. */
async function publishInto(
  store: Store,
  reportsDir: string,
  { settings, catalog, corrections, options, json, cacheFolder }: RunInputs,
): Promise<PublishSummary> {
  const { publish } = await import('../publish/publish.ts');
  const progress = progressBar(json);
  const summary = await publish({
    source: new FsStore(reportsDir),
    target: store,
    settings,
    catalog,
    corrections,
    archive: new FsStore(options.archive),
    now: new Date(),
    onProgress: progress.update,
    allowShrink: options.allowShrink === true,
    release: options.release === true,
    ...(cacheFolder === undefined ? {} : { cacheFolder }),
  });
  progress.stop();
  return summary;
}

/** `--sources`: fetch the registered pages into the reports folder first (the fetch modules load only then). */
async function fetchFirst(
  sources: string,
  reportsDir: string,
  options: PublishCommandOptions,
): Promise<FetchSummary> {
  const { fetchInto } = await import('./run-fetch.ts');
  return fetchInto({
    sources,
    reportsDir,
    archiveDir: options.archive,
    allowPrivate: options.allowPrivate === true,
    json: options.json === true,
  });
}
