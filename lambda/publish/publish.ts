import { aggregateFiles, reportBuild } from '../pipeline/build/build-site.ts';
import type { Dataset } from '../pipeline/datasets/datasets.ts';
import type { IndicatorCatalog } from '../pipeline/indicators/indicator-catalog.ts';
import type { DatasetFile, ReportSummary } from '../pipeline/metadata/datapackage.ts';
import {
  type Publication,
  type PublicationChanges,
  type SiteManifest,
  type SitePin,
  type VersionManifest,
  type VersionRecord,
  versionId,
} from '../pipeline/metadata/publication.ts';
import { PUBLICATION_FILES, publicationFiles } from '../pipeline/metadata/publication-files.ts';
import type { SiteFile } from '../pipeline/metadata/site-file.ts';
import { internalError, ReportError } from '../pipeline/report/errors.ts';
import type { Report } from '../pipeline/report/report.ts';
import type { SiteSettings } from '../pipeline/report/settings.ts';
import { EMPTY_STRUCTURE } from '../pipeline/structure/structure.ts';
import type { Store } from '../stores/store.ts';
import { withArchivedCopy } from './archived-copy.ts';
import { ChangeLog } from './changes.ts';
import { LastGoodReports, problemsFile } from './last-good.ts';
import { clearLeftovers } from './leftovers.ts';
import { releasePin } from './pin.ts';
import type { VersionPointer } from './pointer.ts';
import { readPortalAssets } from './portal-assets.ts';
import { PROJECT_CATALOG } from './project-catalog.ts';
import {
  inputsHash,
  parseReportInput,
  type ReportInput,
  type ReportProblem,
  readReportInputs,
} from './read-reports.ts';
import { guardShrink, publishedReportIds } from './shrink-guard.ts';
import { siteLog } from './site-log.ts';
import { type PublishedState, readPublishedState } from './state.ts';
import { switchStable, syncPointers } from './switch.ts';
import { entryOf, VersionWriter } from './version-writer.ts';

export { IMMUTABLE_CACHE_CONTROL, STABLE_CACHE_CONTROL } from './version-writer.ts';

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
}

const NO_CHANGES: PublicationChanges = {
  reports: { added: [], removed: [], changed: [] },
  figures: [],
  figuresChanged: 0,
};

/**
 * One publication: reads the reports, builds the site and writes a complete new version under
 * `versions/<version>/` before switching the pointers, the stable files and `manifest.json`, in that
 * order. Writes nothing at all when every file is as the current version has it, or when a rollback
 * pinned the site (unless `release`). Refuses, before writing, to drop most of a live site's reports.
 */
export async function publish(options: PublishOptions): Promise<PublishSummary> {
  const { source, target, settings } = options;
  let state = await readPublishedState(target);
  const pinned = state.manifest?.pinned;
  if (pinned && !options.release) return pinnedSummary(state, pinned);
  const { inputs, problems } = await readReportInputs(source);
  guardShrink({
    location: target.location,
    live: publishedReportIds(state.previous),
    next: inputs.map((input) => input.id),
    allowShrink: options.allowShrink ?? false,
  });
  const release =
    pinned && state.manifest
      ? await releasePin({ target, settings, manifest: state.manifest, now: options.now ?? new Date() })
      : undefined;
  if (release) state = { ...state, manifest: release.manifest };
  const released = release
    ? { released: release.released, written: release.written }
    : { written: [] as string[] };
  const catalog = options.catalog ?? PROJECT_CATALOG;
  const inputHash = inputsHash(inputs, { settings, catalog });
  const resumed = state.marker?.inputHash === inputHash ? state.marker : undefined;
  // What a killed run left: its temporary files, and its version once no run will resume it.
  const leftovers = await clearLeftovers({ target, state, inputHash, now: options.now ?? new Date() });
  released.written.push(...leftovers.written);
  const created = (options.now ?? new Date()).toISOString();
  const publication: Publication = resumed
    ? { version: resumed.version, created: resumed.created }
    : { version: versionId(created, inputHash), created };
  const writer = new VersionWriter({
    target,
    publication,
    inputHash,
    previous: state.previous,
    verify: state.marker !== undefined,
    resumed: resumed !== undefined,
    concurrency: options.concurrency ?? 16,
  });
  const changes = new ChangeLog(target, state.previous);
  let reports: Report[] = [];
  // A report that cannot be read now keeps its last good publication, unchanged.
  const lastGood = new LastGoodReports(target, state.previous);
  const build: BuildContext = { settings, catalog, archive: options.archive, lastGood };
  for (const [index, input] of inputs.entries()) {
    const built = await buildOne(input, build);
    if (built.problem) problems.push(built.problem);
    if (built.report) {
      for (const file of built.files) {
        const entry = await writer.offer(file);
        if (file.path.endsWith('/source.txt')) await changes.addReport(built.report, entry.sha256);
      }
      reports.push(withoutText(built.report));
    }
    releaseInput(input);
    options.onProgress?.(index + 1, inputs.length);
  }
  await writer.offer(problemsFile(problems));
  const datasetFiles: DatasetFile[] = [];
  const described = new Map<Dataset, Dataset>();
  for (const file of aggregateFiles(settings, reports, await readPortalAssets(), catalog)) {
    const entry = await writer.offer(file);
    if (file.dataset && file.format)
      datasetFiles.push({
        ...entry,
        path: file.path,
        dataset: withoutRows(file.dataset, described),
        format: file.format,
      });
  }
  // The aggregates are written: the figures and rows go, and the metadata is made from summaries.
  await writer.drain();
  const figures = reports.reduce((sum, report) => sum + report.figures.length, 0);
  const summaries = reports.map(summaryOf);
  reports = [];
  const summary = (version: string, newVersion: boolean, changes = NO_CHANGES) => ({
    version,
    newVersion,
    reports: summaries.map((report) => report.id),
    figures,
    problems,
    changes,
    ...(released.released ? { released: released.released } : {}),
  });
  const metadata = (p: Publication, history: readonly VersionRecord[]) =>
    publicationFiles({
      settings,
      reports: summaries,
      datasetFiles,
      files: writer.files,
      publication: p,
      history,
    });
  const previous = state.previous;
  const removed = Object.keys(previous?.files ?? {}).some(
    (path) => !writer.files.has(path) && !isPublicationFile(path),
  );
  if (previous && state.manifest && !writer.differs && !removed) {
    const same = metadata(previous, historyUpTo(state.manifest, previous.version)).every(
      (file) => previous.files[file.path]?.sha256 === entryOf(file.body).sha256,
    );
    if (same) {
      // Nothing changed. After an interrupted run the stable side is repaired to match the current version.
      const repaired = state.marker
        ? await switchStable({ ...switchInput(previous, state.manifest), verify: true })
        : {
            written: await syncPointers(target, previous.version, options.pointers ?? []),
            unchanged: 0,
            changed: [],
          };
      return {
        ...summary(previous.version, false),
        ...repaired,
        written: [...released.written, ...repaired.written],
        copied: 0,
        unchanged: Object.keys(previous.files).length - repaired.changed.length,
      };
    }
  }
  const record: VersionRecord = {
    ...publication,
    path: `versions/${publication.version}/`,
    reports: summaries.length,
    figures,
    datasets: datasetFiles.map((file) => file.path),
    changes: await changes.finish(new Set(summaries.map((report) => report.id))),
  };
  const history = [
    record,
    ...(state.manifest?.versions ?? []).filter((v) => v.version !== publication.version),
  ];
  for (const file of metadata(publication, history)) await writer.offer(file);
  const manifest = await writer.complete();
  const events = state.manifest?.events;
  const result = await switchStable({
    ...switchInput(manifest, {
      current: publication.version,
      versions: history,
      ...(events ? { events } : {}),
    }),
    verify: state.marker !== undefined,
  });
  return {
    ...summary(publication.version, true, record.changes),
    ...result,
    written: [...released.written, ...writer.written, ...result.written],
    copied: writer.copied,
  };

  function switchInput(version: VersionManifest, siteManifest: SiteManifest) {
    return {
      target,
      manifest: version,
      previous,
      siteLog: siteLog(settings, siteManifest),
      contentTypes: writer.files,
      pointers: options.pointers ?? [],
      concurrency: options.concurrency ?? 16,
    };
  }
}

interface BuildContext {
  settings: SiteSettings;
  catalog: IndicatorCatalog;
  archive: Store | undefined;
  lastGood: LastGoodReports;
}

/** One report as it is published: its files, or its problem (and its last good files, when kept). */
interface BuiltReport {
  report?: Report;
  files: SiteFile[];
  problem?: ReportProblem;
}

/**
 * One report's files, or its problem with its last good publication in its place. Whatever building
 * a report throws is that report's problem, never the run's: one report (a bug it trips included)
 * must not keep the others from being published. Store failures are not caught here: they are the
 * run's (it stops, and the next run resumes).
 */
async function buildOne(input: ReportInput, context: BuildContext): Promise<BuiltReport> {
  const now = await filesOf(input.file, () => parseReportInput(input, context.settings.license), context);
  if (!('problem' in now)) return now;
  const kept = await context.lastGood.keep(input.id, { id: input.id, ...now.problem });
  if (!kept.report) return { files: [], problem: kept.problem };
  const keptReport = kept.report;
  const before = await filesOf(input.file, () => keptReport, context);
  if (!('problem' in before)) return { ...before, problem: kept.problem };
  // Its last good text no longer builds either (a bug met since): left out, and said so.
  const { kept: _, ...left } = kept.problem;
  return {
    files: [],
    problem: { ...left, problem: `${left.problem}; its last good version ${before.problem.problem}` },
  };
}

type Failed = { problem: { file: string; problem: string } };

/** The report `make` gives and its files, or why there are none. */
async function filesOf(
  file: string,
  make: () => Report,
  context: BuildContext,
): Promise<{ report: Report; files: SiteFile[] } | Failed> {
  const made = attempt(file, make);
  if ('problem' in made) return made;
  const copy = await withArchivedCopy(made.value, context.archive);
  const files = attempt(file, () => {
    const built = reportBuild(context.settings, copy.report, context.catalog);
    // Its rows are made once here (objects, no bytes: cheap beside the extraction), so that a bug in
    // them is this report's problem and not a failure of the aggregates, which hold every report.
    for (const dataset of built.datasets) for (const _ of dataset.rows);
    return built.files;
  });
  if ('problem' in files) return files;
  return { report: copy.report, files: copy.file ? [...files.value, copy.file] : files.value };
}

/** What `make` returns, or its error as the report's problem: a ReportError's own, or an internal error. */
function attempt<T>(file: string, make: () => T): { value: T } | Failed {
  try {
    return { value: make() };
  } catch (error) {
    if (error instanceof ReportError) return { problem: { file: error.file, problem: error.problem } };
    return { problem: { file, problem: internalError(error) } };
  }
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

/**
 * Once its own pages are written a report's text and structure are let go: the aggregates need its
 * metadata and figures only, and 10,000 full reports would not fit in a Lambda's memory. A figure's
 * strings are copied, since a slice of the text (its sentence) would keep the whole text alive, and
 * the strings its figures share (sentence, section, label, unit) are kept once.
 */
function withoutText(report: Report): Report {
  const strings = new Map<string, string>();
  const own = (text: string) => {
    let found = strings.get(text);
    if (found === undefined) {
      found = copyString(text);
      strings.set(text, found);
    }
    return found;
  };
  const figures = report.figures.map((figure) => ({
    ...figure,
    unit: own(figure.unit),
    text: own(figure.text),
    label: own(figure.label),
    id: own(figure.id),
    section: own(figure.section),
    sentence: own(figure.sentence),
    excerpt: own(figure.excerpt),
  }));
  return { ...report, text: '', structure: EMPTY_STRUCTURE, figures };
}

/** A string of its own, not a slice that keeps the string it was cut from alive. */
function copyString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** What the publication metadata needs of a report, without its figures. */
function summaryOf({ id, title, entity, kind, year, source }: Report): ReportSummary {
  return { id, title, entity, kind, year, source };
}

/**
 * The dataset as the metadata describes it (name, titles, fields): its rows go once its files are
 * written, and only their number is kept. One copy per dataset, so files of a dataset stay grouped.
 */
function withoutRows(dataset: Dataset, copies: Map<Dataset, Dataset>): Dataset {
  const found = copies.get(dataset) ?? { ...dataset, rows: new Array(dataset.rows.length) };
  copies.set(dataset, found);
  return found;
}

/** A report's bytes are let go once it is processed: 10,000 of them need not wait for the aggregates. */
function releaseInput(input: ReportInput): void {
  input.bytes = new Uint8Array(0);
  input.metaBytes = undefined;
}

function isPublicationFile(path: string): boolean {
  return (PUBLICATION_FILES as readonly string[]).includes(path);
}

/** The history as it stood when that version was made: the records up to it. */
function historyUpTo(manifest: SiteManifest, version: string): VersionRecord[] {
  const index = manifest.versions.findIndex((record) => record.version === version);
  return index < 0 ? manifest.versions : manifest.versions.slice(index);
}
