import type { IndicatorCatalog } from '../pipeline/indicators/index.ts';
import type { PublicationChanges, SitePin } from '../pipeline/metadata/index.ts';
import type { SiteSettings } from '../pipeline/report/index.ts';
import type { Store } from '../stores/store.ts';
import { buildReports } from './per-report.ts';
import { openVersion, type Plan, plan } from './plan.ts';
import type { VersionPointer } from './pointer.ts';
import type { PublishedState } from './published-state.ts';
import type { ReportProblem } from './read-reports.ts';
import { NO_CHANGES, type Reduced, reduce } from './reduce.ts';
import { type Retention, retainVersions, withRetention } from './retention.ts';
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
  const planned = await plan(options);
  if ('pinned' in planned) return pinnedSummary(planned.state, planned.pinned);
  const { target, archive, onProgress, pointers = [], concurrency = 16 } = options;
  const sink = openVersion(planned.plan, target, concurrency);
  const built = await buildReports({ plan: planned.plan, sink, target, archive, onProgress });
  const reduced = await reduce({ plan: planned.plan, built, sink });
  const switched = await switchPublication({
    target,
    settings: options.settings,
    state: planned.plan.state,
    reduced,
    contentTypes: sink.writer.files,
    pointers,
    concurrency,
  });
  // Only now that manifest.json names the new version (retention.ts: why a stop mid-prune is safe).
  const retained = await retainVersions({
    target,
    settings: options.settings,
    site: reduced.site,
    newVersion: reduced.newVersion,
    from: planned.plan.state.previous?.version,
    now: options.now ?? new Date(),
  });
  return summaryOf(planned.plan, reduced, withRetention(switched, retained), retained.retention);
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
