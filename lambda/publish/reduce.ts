/**
 * Reduce, the third phase of a publication. Takes every report as the per-report units left it (no
 * text), the problems and the version they were written into; gives the files made of all reports at
 * once (problems.json, the portal's index and indicator pages, the datasets across reports) and the
 * metadata that names the publication (datapackage.json, DCAT, feed, the version's file list), with
 * the record of the version; or finds that the publication is the current one byte for byte, and
 * makes no version. It is a unit because it is the one step that needs every report: a fan-out over
 * reports waits for all of them here, and nothing after it reads a report.
 */

import { CONTENT_TYPES } from '../contract/index.ts';
import type { DatasetShare, ReportMetadata } from '../pipeline/build/index.ts';
import {
  aggregatePages,
  crossReportChecks,
  DatasetFiles,
  datasetFileSpecs,
  datasetRowCounts,
  datasetShells,
  digestStatements,
  FigureRowPicker,
  figureTableIndices,
  SITE_DATASETS,
} from '../pipeline/build/index.ts';
import type { AnyRow, Dataset } from '../pipeline/datasets/index.ts';
import type {
  DatasetFile,
  Publication,
  PublicationChanges,
  ReportSummary,
  SiteFile,
  SiteManifest,
  VersionManifest,
  VersionRecord,
} from '../pipeline/metadata/index.ts';
import { PUBLICATION_FILES, publicationFiles } from '../pipeline/metadata/index.ts';
import { problemsFile } from './last-good.ts';
import type { BuiltReports, ReportOutcome } from './per-report.ts';
import type { Plan, VersionSink } from './plan.ts';
import type { ReportProblem } from './read-reports.ts';
import { readShares } from './report-entries.ts';
import type { ResultCache } from './result-cache.ts';
import { Spool, type SpoolFile } from './spool.ts';
import { entryOf } from './version-writer.ts';

export const NO_CHANGES: PublicationChanges = {
  reports: { added: [], removed: [], changed: [] },
  figures: [],
  figuresChanged: 0,
};

/** The publication as it is to be switched to: a new version, or the current one when nothing changed. */
export interface Reduced {
  newVersion: boolean;
  /** The file list of the version to switch to. */
  version: VersionManifest;
  /** manifest.json as it is to be written. */
  site: SiteManifest;
  reports: string[];
  figures: number;
  problems: ReportProblem[];
  changes: PublicationChanges;
  /** Keys of the new version written, and files linked from the current one. */
  written: string[];
  copied: number;
}

/** What the metadata is made from once the reports are let go. */
interface Aggregated {
  summaries: ReportSummary[];
  figures: number;
  datasetFiles: DatasetFile[];
  metadata: (publication: Publication, history: readonly VersionRecord[]) => SiteFile[];
}

export async function reduce(input: {
  plan: Plan;
  built: BuiltReports;
  sink: VersionSink;
  cache: ResultCache;
  /** Called when the files of all reports are written and the metadata is next. */
  onAggregated?: () => void;
}): Promise<Reduced> {
  const { plan, built, sink } = input;
  await sink.writer.offer(problemsFile(built.problems));
  const aggregated = await writeAggregates(plan, built.reports, sink, input.cache);
  input.onAggregated?.();
  const common = {
    reports: aggregated.summaries.map((report) => report.id),
    figures: aggregated.figures,
    problems: built.problems,
  };
  const { previous, manifest } = plan.state;
  if (previous && manifest && isCurrent(previous, manifest, aggregated, sink))
    return {
      ...common,
      newVersion: false,
      version: previous,
      site: manifest,
      changes: NO_CHANGES,
      written: [],
      copied: 0,
    };
  const made = await writeVersion(plan, aggregated, sink);
  return { ...common, newVersion: true, ...made, written: sink.writer.written, copied: sink.writer.copied };
}

/**
 * Writes the files made of all reports: the datasets, put together in one pass over the reports'
 * shares (read from the cache, each report's once), then the pages across reports from the digests;
 * and waits until every file of the version so far is written.
 */
async function writeAggregates(
  plan: Plan,
  reports: readonly ReportOutcome[],
  sink: VersionSink,
  cache: ResultCache,
): Promise<Aggregated> {
  const { settings, catalog, assets } = plan;
  const { writer } = sink;
  const statements = reports.map((report) => digestStatements(report.digest, catalog));
  const cross = crossReportChecks(settings, statements);
  const written = await writeDatasets(plan, reports, cross.share, sink, cache);
  const pages = aggregatePages({
    settings,
    catalog,
    assets,
    reports: statements,
    checks: [...reports.flatMap((report) => report.digest.checks), ...cross.checks],
    datasets: written.datasets,
    files: written.files,
    figureRows: written.figureRows,
  });
  for (const page of pages) await writer.offer(page);
  await writer.drain();
  const datasetFiles = written.files;
  const figures = reports.reduce((sum, report) => sum + report.digest.figures, 0);
  const summaries = reports.map((report) => summaryOf(report.digest.report));
  const metadata = (publication: Publication, history: readonly VersionRecord[]) =>
    publicationFiles({
      settings,
      reports: summaries,
      datasetFiles,
      files: writer.files,
      publication,
      history,
    });
  return { summaries, figures, datasetFiles, metadata };
}

/** The dataset files, spooled as they are put together and offered once each is whole. */
async function writeDatasets(
  plan: Plan,
  reports: readonly ReportOutcome[],
  crossChecks: DatasetShare,
  { writer }: VersionSink,
  cache: ResultCache,
): Promise<{ files: DatasetFile[]; datasets: Dataset[]; figureRows: AnyRow[] }> {
  const counts = datasetRowCounts(reports.map((report) => report.digest.rows));
  counts.checks += crossChecks.rows;
  const datasets = datasetShells(plan.settings, plan.catalog, counts);
  const specs = datasetFileSpecs(datasets);
  const spool = new Spool();
  try {
    const spooled = new Map(specs.map((spec) => [spec.path, spool.file()]));
    const files = new DatasetFiles(specs, (spec) => (spooled.get(spec.path) as SpoolFile).write);
    const picker = new FigureRowPicker(figureTableIndices(counts.figures));
    for await (const shares of sharesInOrder(reports, cache)) {
      files.add(shares);
      if (shares[0]) picker.add(shares[0]);
    }
    files.end({ dataset: SITE_DATASETS.indexOf('checks'), share: crossChecks });
    const written: DatasetFile[] = [];
    for (const spec of specs) {
      const spooledFile = spooled.get(spec.path) as SpoolFile;
      const entry = await writer.offer({
        path: spec.path,
        body: spooledFile.body(),
        contentType: CONTENT_TYPES[spec.format],
        localFile: spooledFile.path,
      });
      written.push({ ...entry, path: spec.path, dataset: spec.dataset, format: spec.format });
    }
    // The spooled files are read as they are written: they go once every write is done.
    await writer.drain();
    return { files: written, datasets, figureRows: picker.rows };
  } finally {
    spool.close();
  }
}

/** Reads ahead: a few reports' shares are read at once, each read a wait on the store. */
const READ_AHEAD = 8;

/** Every report's shares in report order, from the cache, or made again where the entry went. */
async function* sharesInOrder(
  reports: readonly ReportOutcome[],
  cache: ResultCache,
): AsyncGenerator<DatasetShare[]> {
  const read = (report: ReportOutcome) =>
    readShares(cache, report.rowsKey).then((shares) => shares ?? report.remake());
  const ahead = reports.slice(0, READ_AHEAD).map(read);
  for (let next = READ_AHEAD; ahead.length > 0; next += 1) {
    const shares = await (ahead.shift() as Promise<DatasetShare[]>);
    const report = reports[next];
    if (report) ahead.push(read(report));
    yield shares;
  }
}

/**
 * Whether the current version is this publication: no file differs or went, and its metadata, made
 * again with the history as it stood then, has the same bytes.
 */
function isCurrent(
  previous: VersionManifest,
  manifest: SiteManifest,
  aggregated: Aggregated,
  { writer }: VersionSink,
): boolean {
  const removed = Object.keys(previous.files).some(
    (path) => !writer.files.has(path) && !isPublicationFile(path),
  );
  if (writer.differs || removed) return false;
  return aggregated
    .metadata(previous, historyUpTo(manifest, previous.version))
    .every((file) => previous.files[file.path]?.sha256 === entryOf(file.body).sha256);
}

/**
 * Writes the metadata, then the file list that completes the version; gives the site's manifest that
 * names it.
 */
async function writeVersion(
  plan: Plan,
  aggregated: Aggregated,
  { writer, changes }: VersionSink,
): Promise<Pick<Reduced, 'version' | 'site' | 'changes'>> {
  const { publication, state } = plan;
  const record: VersionRecord = {
    ...publication,
    path: `versions/${publication.version}/`,
    reports: aggregated.summaries.length,
    figures: aggregated.figures,
    datasets: aggregated.datasetFiles.map((file) => file.path),
    changes: await changes.finish(new Set(aggregated.summaries.map((report) => report.id))),
  };
  const history = [
    record,
    ...(state.manifest?.versions ?? []).filter((v) => v.version !== publication.version),
  ];
  for (const file of aggregated.metadata(publication, history)) await writer.offer(file);
  const version = await writer.complete();
  const events = state.manifest?.events;
  const site: SiteManifest = {
    current: publication.version,
    versions: history,
    ...(events ? { events } : {}),
  };
  return { version, site, changes: record.changes };
}

/** What the publication metadata needs of a report, without its figures. */
function summaryOf({ id, title, entity, kind, year, source }: ReportMetadata): ReportSummary {
  return { id, title, entity, kind, year, source };
}

function isPublicationFile(path: string): boolean {
  return (PUBLICATION_FILES as readonly string[]).includes(path);
}

/** The history as it stood when that version was made: the records up to it. */
function historyUpTo(manifest: SiteManifest, version: string): VersionRecord[] {
  const index = manifest.versions.findIndex((record) => record.version === version);
  return index < 0 ? manifest.versions : manifest.versions.slice(index);
}
