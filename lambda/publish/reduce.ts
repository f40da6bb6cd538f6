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
import type { DatasetFileSpec, DatasetShare, ReportMetadata } from '../pipeline/build/index.ts';
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
  figureTableReports,
  SITE_DATASETS,
} from '../pipeline/build/index.ts';
import type { AnyRow, Dataset } from '../pipeline/datasets/index.ts';
import type { FileEntry } from '../pipeline/formats/index.ts';
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
import {
  datasetRecipes,
  type RecipeIndex,
  readRecipeIndex,
  shareHash,
  writeRecipeIndex,
} from './dataset-recipes.ts';
import { correctionsFile, problemsFile } from './last-good.ts';
import type { BuiltReports, ReportOutcome } from './per-report.ts';
import type { Plan, VersionSink } from './plan.ts';
import type { ReportProblem } from './read-reports.ts';
import { readHashedShares } from './report-entries.ts';
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
  await sink.writer.offer(correctionsFile(built.corrections));
  sink.changes.applyCorrections(built.corrections);
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

/** A report's shares with the sha256 of each, as the recipes take them (when they were asked for). */
interface HashedShares {
  shares: DatasetShare[];
  hashes: string[] | undefined;
}

/**
 * The dataset files: each one whose recipe is the one the last run recorded linked from the current
 * version unread (dataset-recipes.ts), the others spooled as they are put together from every
 * report's shares and offered once each is whole; then this run's recipes recorded for the next.
 */
async function writeDatasets(
  plan: Plan,
  reports: readonly ReportOutcome[],
  crossChecks: DatasetShare,
  sink: VersionSink,
  cache: ResultCache,
): Promise<{ files: DatasetFile[]; datasets: Dataset[]; figureRows: AnyRow[] }> {
  const counts = datasetRowCounts(reports.map((report) => report.digest.rows));
  counts.checks += crossChecks.rows;
  const datasets = datasetShells(plan.settings, plan.catalog, counts);
  const specs = datasetFileSpecs(datasets);
  const index = await readRecipeIndex(cache);
  const known = await knownHashes(reports, index, cache);
  const context = { code: plan.code.all, contextHash: plan.contextHash };
  const recipesOf = (hashes: readonly (readonly string[])[]) =>
    datasetRecipes(specs, datasets, hashes, { dataset: CHECKS, hash: shareHash(crossChecks) }, context);
  const before = known && recipesOf(known.hashes);
  const linked = before ? linkByRecipe(specs, before, index, plan.state.previous, sink.writer) : new Map();
  const unlinked = specs.filter((spec) => !linked.has(spec.path));
  // The shares of the datasets up to the last one put together (the figures' for the home page's
  // table at least): those after are not read. With every hash known, none is made again.
  const upTo = Math.max(1, ...unlinked.map((spec) => datasets.indexOf(spec.dataset) + 1));
  const made = await assembleDatasets({
    specs: unlinked,
    datasets,
    reports,
    crossChecks,
    read: (report, i) => known?.read.get(i) ?? readHashed(cache, report, !known, upTo),
    writer: sink.writer,
    counts,
  });
  const entries = new Map([...linked, ...made.entries]);
  const hashes = reports.map((_, i) => (known?.hashes[i] ?? made.hashes[i]) as string[]);
  const recipes = before ?? recipesOf(hashes);
  await writeRecipeIndex(cache, {
    shares: Object.fromEntries(reports.map((report, i) => [report.rowsKey, hashes[i] as string[]])),
    files: Object.fromEntries(
      specs.map((spec, i) => [spec.path, { ...fileEntry(entries, spec), recipe: recipes[i] as string }]),
    ),
  });
  const files = specs.map((spec) => ({ ...fileEntry(entries, spec), ...spec }));
  return { files, datasets, figureRows: made.figureRows };
}

function fileEntry(entries: ReadonlyMap<string, FileEntry>, spec: DatasetFileSpec): FileEntry {
  const { sha256, bytes } = entries.get(spec.path) as FileEntry;
  return { sha256, bytes };
}

/**
 * The files whose recipe is the one the index recorded and whose recorded bytes the current version
 * has: offered by their sha256, linked unread.
 */
function linkByRecipe(
  specs: readonly DatasetFileSpec[],
  recipes: readonly string[],
  index: RecipeIndex | undefined,
  previous: VersionManifest | undefined,
  writer: VersionSink['writer'],
): Map<string, FileEntry> {
  const linked = new Map<string, FileEntry>();
  for (const [i, spec] of specs.entries()) {
    const recorded = index?.files[spec.path];
    if (!recorded || recorded.recipe !== recipes[i]) continue;
    if (previous?.files[spec.path]?.sha256 !== recorded.sha256) continue;
    const { sha256, bytes } = recorded;
    const file = { path: spec.path, contentType: CONTENT_TYPES[spec.format], sha256, bytes };
    linked.set(spec.path, writer.offerLinked(file));
  }
  return linked;
}

const CHECKS = SITE_DATASETS.indexOf('checks');

/** A report's shares and their hashes, from the cache, or made again where the entry went. */
async function readHashed(
  cache: ResultCache,
  report: ReportOutcome,
  hash = true,
  datasets: number = SITE_DATASETS.length,
): Promise<HashedShares> {
  const read = await readHashedShares(cache, report.rowsKey, hash, datasets);
  if (read) return read;
  const shares = await report.remake();
  return { shares, hashes: hash ? shares.map(shareHash) : undefined };
}

/** At most this share of the reports is read before the recipes are known (the reports that changed). */
const UNKNOWN_SHARE = 0.05;

/**
 * Every report's share hashes, from the index where it has the report's rows key, else read (and
 * kept for the files put together after); undefined when the index is gone or too many reports are
 * new to it, and every file is then put together.
 */
async function knownHashes(
  reports: readonly ReportOutcome[],
  index: RecipeIndex | undefined,
  cache: ResultCache,
): Promise<{ hashes: string[][]; read: Map<number, Promise<HashedShares>> } | undefined> {
  if (!index) return undefined;
  const unknown = reports.flatMap((report, i) => (index.shares[report.rowsKey] ? [] : [i]));
  if (unknown.length > Math.max(16, reports.length * UNKNOWN_SHARE)) return undefined;
  const read = new Map(unknown.map((i) => [i, readHashed(cache, reports[i] as ReportOutcome)]));
  const hashes: string[][] = [];
  for (const [i, report] of reports.entries())
    hashes.push(
      index.shares[report.rowsKey] ?? ((await (read.get(i) as Promise<HashedShares>)).hashes as string[]),
    );
  return { hashes, read };
}

/** What putting the dataset files together takes. */
interface Assembly {
  /** The files to put together; the others are linked. */
  specs: readonly DatasetFileSpec[];
  datasets: readonly Dataset[];
  reports: readonly ReportOutcome[];
  crossChecks: DatasetShare;
  read: (report: ReportOutcome, index: number) => Promise<HashedShares>;
  writer: VersionSink['writer'];
  counts: Record<(typeof SITE_DATASETS)[number], number>;
}

/**
 * The files of `specs`, spooled as they are put together and offered once each is whole, and the
 * rows of the home page's figures table; with no file to put together, only the reports that hold
 * a row of the table are read. Gives the hash of every share read (of every report when any file was
 * put together).
 */
async function assembleDatasets(
  input: Assembly,
): Promise<{ entries: Map<string, FileEntry>; figureRows: AnyRow[]; hashes: (string[] | undefined)[] }> {
  const { specs, datasets, reports, writer } = input;
  const spool = new Spool();
  try {
    const spooled = new Map(specs.map((spec) => [spec.path, spool.file()]));
    const files = new DatasetFiles(specs, (spec) => (spooled.get(spec.path) as SpoolFile).write, datasets);
    const indices = figureTableIndices(input.counts.figures);
    const picker = new FigureRowPicker(indices);
    const figureRows = reports.map((report) => report.digest.rows[0] ?? 0);
    const needed = specs.length > 0 ? reports.map(() => true) : figureTableReports(indices, figureRows);
    const hashes: (string[] | undefined)[] = [];
    for await (const read of sharesInOrder(reports, input.read, needed)) {
      hashes.push(read?.hashes);
      if (!read) picker.skip(figureRows[hashes.length - 1] ?? 0);
      else {
        files.add(read.shares);
        if (read.shares[0]) picker.add(read.shares[0]);
      }
    }
    files.end({ dataset: CHECKS, share: input.crossChecks });
    const entries = new Map<string, FileEntry>();
    for (const spec of specs) {
      const spooledFile = spooled.get(spec.path) as SpoolFile;
      const entry = await writer.offer({
        path: spec.path,
        body: spooledFile.body(),
        contentType: CONTENT_TYPES[spec.format],
        localFile: spooledFile.path,
      });
      entries.set(spec.path, entry);
    }
    // The spooled files are read as they are written: they go once every write is done.
    await writer.drain();
    return { entries, figureRows: picker.rows, hashes };
  } finally {
    spool.close();
  }
}

/** Reads ahead: a few reports' shares are read at once, each read a wait on the store. */
const READ_AHEAD = 8;

/**
 * Every report's shares in report order, undefined for a report not `needed`; the needed ones read
 * a few ahead.
 */
async function* sharesInOrder(
  reports: readonly ReportOutcome[],
  read: (report: ReportOutcome, index: number) => Promise<HashedShares>,
  needed: readonly boolean[],
): AsyncGenerator<HashedShares | undefined> {
  const queue = reports.flatMap((_, i) => (needed[i] ? [i] : []));
  const start = (i: number | undefined) =>
    i !== undefined && ahead.push(read(reports[i] as ReportOutcome, i));
  const ahead: Promise<HashedShares>[] = [];
  for (const i of queue.slice(0, READ_AHEAD)) start(i);
  let next = READ_AHEAD;
  for (let i = 0; i < reports.length; i++) {
    if (!needed[i]) {
      yield undefined;
      continue;
    }
    const shares = await (ahead.shift() as Promise<HashedShares>);
    start(queue[next]);
    next += 1;
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
