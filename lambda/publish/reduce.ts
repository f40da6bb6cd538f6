/**
 * Reduce, the third phase of a publication. Takes every report as the per-report units left it (no
 * text), the problems and the version they were written into; gives the files made of all reports at
 * once (problems.json, the portal's index and indicator pages, the datasets across reports) and the
 * metadata that names the publication (datapackage.json, DCAT, feed, the version's file list), with
 * the record of the version; or finds that the publication is the current one byte for byte, and
 * makes no version. It is a unit because it is the one step that needs every report: a fan-out over
 * reports waits for all of them here, and nothing after it reads a report.
 */
import { aggregateFiles } from '../pipeline/build/index.ts';
import type { Dataset } from '../pipeline/datasets/index.ts';
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
import type { Report } from '../pipeline/report/index.ts';
import { problemsFile } from './last-good.ts';
import type { BuiltReports } from './per-report.ts';
import type { Plan, VersionSink } from './plan.ts';
import type { ReportProblem } from './read-reports.ts';
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
}): Promise<Reduced> {
  const { plan, built, sink } = input;
  await sink.writer.offer(problemsFile(built.problems));
  // The reports are handed over, not kept: once the aggregates are written their figures and rows go.
  const aggregated = await writeAggregates(plan, built.reports.splice(0), sink);
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

/** Writes the files made of all reports and waits until every file of the version so far is written. */
async function writeAggregates(plan: Plan, reports: Report[], sink: VersionSink): Promise<Aggregated> {
  const { settings, catalog, assets } = plan;
  const { writer } = sink;
  const datasetFiles: DatasetFile[] = [];
  const described = new Map<Dataset, Dataset>();
  for (const file of aggregateFiles(settings, reports, assets, catalog)) {
    const entry = await writer.offer(file);
    if (file.dataset && file.format)
      datasetFiles.push({
        ...entry,
        path: file.path,
        dataset: withoutRows(file.dataset, described),
        format: file.format,
      });
  }
  await writer.drain();
  const figures = reports.reduce((sum, report) => sum + report.figures.length, 0);
  const summaries = reports.map(summaryOf);
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

function isPublicationFile(path: string): boolean {
  return (PUBLICATION_FILES as readonly string[]).includes(path);
}

/** The history as it stood when that version was made: the records up to it. */
function historyUpTo(manifest: SiteManifest, version: string): VersionRecord[] {
  const index = manifest.versions.findIndex((record) => record.version === version);
  return index < 0 ? manifest.versions : manifest.versions.slice(index);
}
