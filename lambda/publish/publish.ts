import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndicatorCatalog } from '../pipeline/indicators/index.ts';
import type { PublicationChanges, SiteManifest, SitePin } from '../pipeline/metadata/index.ts';
import type { SiteSettings } from '../pipeline/report/index.ts';
import { LocalFolderStore } from '../stores/local-folder-store.ts';
import type { Store } from '../stores/store.ts';
import { fastPath } from './fast-path.ts';
import { buildReports, type UnitCounts } from './per-report.ts';
import { openVersion, type Plan, type PublishedCorrections, plan } from './plan.ts';
import type { VersionPointer } from './pointer.ts';
import type { PublishedState } from './published-state.ts';
import type { ReportProblem } from './read-reports.ts';
import { NO_CHANGES, type Reduced, reduce } from './reduce.ts';
import { reportRunner } from './report-runner.ts';
import { type CacheStats, ResultCache } from './result-cache.ts';
import { type Retention, retainVersions, withRetention } from './retention.ts';
import { siteLog, writeSiteLog } from './site-log.ts';
import { type SwitchResult, switchPublication } from './switch.ts';

export interface PublishOptions {
  /** Where the reports are: `<id>.txt` and optional `<id>.meta.json` at its top. */
  source: Store;
  /** Where the site goes. */
  target: Store;
  settings: SiteSettings;
  /**
   * When this run happens. The edges (CLI, handler, npm start) read the clock and pass it; the
   * fallback is for callers that do not care what the version is called.
   */
  now?: Date;
  /** Pointers switched before the store's own `current.json`, e.g. the CloudFront KeyValueStore. */
  pointers?: readonly VersionPointer[];
  /** Called as reports are processed, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Store operations in flight at once. @default 16 */
  concurrency?: number;
  /** The indicator catalog figures are matched to. @default data/indicators.json as bundled */
  catalog?: IndicatorCatalog;
  /** Where `opendata fetch` archived the originals (`sources/<id>/…`), published beside each page. */
  archive?: Store;
  /** Publish even when more than half of the live site's reports would go. @default false */
  allowShrink?: boolean;
  /** Lift a rollback's pin and publish; without it a pinned site builds nothing. @default false */
  release?: boolean;
  /**
   * The folder of this machine where each report's results are kept between runs (result-cache.ts),
   * so that a run costs what changed. @default a temporary folder, removed after the run
   */
  cacheFolder?: string;
  /** The cache is made smaller than this after a run. @default 16 GiB (about 220 KB a report: 50,000 reports need 11 GB) */
  cacheMaxBytes?: number;
  /**
   * The publisher's corrections of figures (data/corrections.json, parsed): applied to each report's
   * figures after extraction; one that names no published figure is a problem of its file. @default none
   */
  corrections?: PublishedCorrections;
  /** Worker processes for the reports the cache does not have. @default os.availableParallelism() */
  workers?: number;
  /** Longest one report may take in a worker before it is stopped as its problem. @default 120 s */
  reportTimeLimitMs?: number;
  /** Reports made in this process before the worker pool starts (starting it costs about 200 reports' work). @default 200 */
  poolAfter?: number;
}

/** The result cache's size cap: 50,000 generated reports' entries are 11 GB. */
const DEFAULT_CACHE_MAX_BYTES = 16 * 1024 ** 3;

/** Seconds each phase took. */
interface PhaseTimings {
  plan: number;
  perReport: number;
  aggregates: number;
  metadata: number;
  switch: number;
}

export interface PublishSummary {
  /** The current version after the run. */
  version: string;
  /** Whether this run made a new version (false when nothing changed). */
  newVersion: boolean;
  reports: string[];
  figures: number;
  /** Keys written (put or replaced), versioned and stable. */
  written: string[];
  /** Files of the new version linked from the previous one because their bytes did not change. */
  copied: number;
  /** Stable paths whose bytes were already as published. */
  unchanged: number;
  /** Stable paths whose bytes changed or that went away: what caches must drop. */
  changed: string[];
  /**
   * Reports that could not be published as they are now (each kept at its last good version when
   * there is one, see `kept`); the run still publishes the others.
   */
  problems: ReportProblem[];
  /** Reports added, removed and changed, and how many figures changed, against the version before. */
  changes: PublicationChanges;
  /** Set when the site is pinned by a rollback: nothing was read or built. */
  pinned?: SitePin;
  /** The version whose pin this run lifted (`release`). */
  released?: string;
  /** Nothing was built: the inputs hash is the current version's (the fast path). */
  fastPath?: boolean;
  timings?: PhaseTimings;
  /** Reports whose results came from the cache and reports made, and what the cache did. */
  cache?: CacheStats & { reports: UnitCounts };
  /** Worker processes that ran (0: all in this process) and each one's peak RSS in MB. */
  workers?: { count: number; peakRssMB: number[] };
  /** The versions this run pruned to keep the last `keepVersions`; absent when the site is pinned. */
  retention?: Retention;
}

/**
 * One publication: reads the reports, builds the site and writes a complete new version under
 * `versions/<version>/` before switching the pointers, the stable files and `manifest.json`, in that
 * order. Writes nothing at all when every file is as the current version has it, or when a rollback
 * pinned the site (unless `release`). Refuses, before writing, to drop most of a live site's reports.
 * It runs the four phases: plan, per report, reduce, switch (each module says what it takes and gives).
 */
export async function publish(options: PublishOptions): Promise<PublishSummary> {
  const clock = new PhaseClock();
  const temporary = options.cacheFolder ? undefined : await mkdtemp(join(tmpdir(), 'opendata-cache-'));
  const folder = options.cacheFolder ?? (temporary as string);
  const cache = new ResultCache(new LocalFolderStore(folder));
  try {
    const planned = await plan({ ...options, cache });
    if ('pinned' in planned) return pinnedSummary(planned.state, planned.pinned);
    const fast = await fastPath(planned.plan, options.target, options.pointers ?? []);
    if (fast) return { ...fast, timings: clock.lap('plan').done() };
    clock.lap('plan');
    const summary = await build(options, planned.plan, { cache, folder }, clock);
    await cache.collect(options.cacheMaxBytes ?? DEFAULT_CACHE_MAX_BYTES);
    return {
      ...summary,
      // The stats after the collection: the summary's were taken before it.
      cache: { ...(summary.cache ?? { reports: { cached: 0, made: 0 } }), ...cache.stats },
    };
  } finally {
    if (temporary) await rm(temporary, { recursive: true, force: true });
  }
}

/** The phases after the plan: per report, reduce (aggregates, then metadata), switch. */
async function build(
  options: PublishOptions,
  plan: Plan,
  { cache, folder }: { cache: ResultCache; folder: string },
  clock: PhaseClock,
): Promise<PublishSummary> {
  const { target, archive, onProgress, pointers = [], concurrency = 16 } = options;
  const workers = Math.max(1, options.workers ?? availableParallelism());
  const runner = reportRunner(
    { settings: plan.settings, catalog: plan.catalog },
    { cache, folder },
    {
      workers,
      timeLimitMs: options.reportTimeLimitMs ?? 120_000,
      ...(options.poolAfter === undefined ? {} : { poolAfter: options.poolAfter }),
    },
  );
  const sink = openVersion(plan, target, concurrency);
  try {
    const inFlight = Math.max(4, workers * 4);
    const built = await buildReports({ plan, sink, target, archive, cache, runner, inFlight, onProgress });
    clock.lap('perReport');
    const reduced = await reduce({ plan, built, sink, cache, onAggregated: () => clock.lap('aggregates') });
    clock.lap('metadata');
    const switched = await switchPublication({
      target,
      settings: options.settings,
      state: plan.state,
      reduced,
      contentTypes: sink.writer.files,
      pointers,
      concurrency,
    });
    if (!reduced.newVersion) await recordInputs(target, options.settings, plan, reduced.site);
    // Only now that manifest.json names the new version (retention.ts: why a stop mid-prune is safe).
    const retained = await retainVersions({
      target,
      settings: options.settings,
      site: reduced.site,
      newVersion: reduced.newVersion,
      from: plan.state.previous?.version,
      now: options.now ?? new Date(),
    });
    clock.lap('switch');
    const summary = summaryOf(plan, reduced, withRetention(switched, retained), retained.retention);
    return {
      ...summary,
      timings: clock.done(),
      workers: runner.workers,
      cache: { ...cache.stats, reports: built.counts },
    };
  } finally {
    await runner.close();
  }
}

/**
 * After a run that built and found the current version made of its inputs (its code or settings
 * changed, not its files), manifest.json records their hash, so the next such run stops at the fast
 * path. One small write, once.
 */
async function recordInputs(
  target: Store,
  settings: SiteSettings,
  plan: Plan,
  site: SiteManifest,
): Promise<void> {
  const version = site.current;
  if (plan.inputHash === plan.state.previous?.contentHash) return;
  if (site.inputs?.version === version && site.inputs.hash === plan.inputHash) return;
  await writeSiteLog(target, siteLog(settings, { ...site, inputs: { version, hash: plan.inputHash } }));
}

/** The seconds each phase took, lap by lap. */
class PhaseClock {
  readonly #laps: PhaseTimings = { plan: 0, perReport: 0, aggregates: 0, metadata: 0, switch: 0 };
  #last = performance.now();

  lap(phase: keyof PhaseTimings): this {
    const now = performance.now();
    this.#laps[phase] = (now - this.#last) / 1000;
    this.#last = now;
    return this;
  }

  done(): PhaseTimings {
    return { ...this.#laps };
  }
}

/** The summary of a run that built: what each phase wrote, in the order it wrote it. */
function summaryOf(
  plan: Plan,
  reduced: Reduced,
  switched: SwitchResult,
  retention: Retention,
): PublishSummary {
  return {
    version: reduced.version.version,
    newVersion: reduced.newVersion,
    reports: reduced.reports,
    figures: reduced.figures,
    problems: reduced.problems,
    changes: reduced.changes,
    ...(plan.released ? { released: plan.released } : {}),
    written: [...plan.written, ...reduced.written, ...switched.written],
    unchanged: switched.unchanged,
    changed: switched.changed,
    copied: reduced.copied,
    retention,
  };
}

/** A pinned site: nothing read, nothing built, nothing written; the summary says where it is held. */
function pinnedSummary(state: PublishedState, pinned: SitePin): PublishSummary {
  const record = state.manifest?.versions.find((v) => v.version === pinned.version);
  return {
    version: pinned.version,
    newVersion: false,
    reports: [],
    figures: record?.figures ?? 0,
    written: [],
    copied: 0,
    unchanged: 0,
    changed: [],
    problems: [],
    changes: NO_CHANGES,
    pinned,
  };
}
