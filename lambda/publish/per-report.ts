/**
 * Per report, the second phase of a publication: one unit of work a report. A unit takes one
 * report's input and what all reports share (settings, catalog, the archive of originals, the last
 * good publication) and gives its own files (source.txt, its page, its archived original), its share
 * of every dataset (left in the cache for the reduce) and its digest, what the reduce keeps of it; or
 * its problem, with its last good files in its place. Its output depends on its input's bytes and the
 * code alone, so it is cached by them (result-cache.ts): a report that did not change costs a read of
 * its entries, and the others are made by a pool of workers (report-runner.ts). Units run several at
 * a time but are committed (files offered, changes logged) in report order, so the output is the same
 * whatever ran them.
 */
import { rmSync } from 'node:fs';
import { reportPath } from '../contract/index.ts';
import type { DatasetShare, ReportDigest } from '../pipeline/build/index.ts';
import { buildReport } from '../pipeline/build/index.ts';
import { Chunked } from '../pipeline/formats/index.ts';
import type { SiteFile } from '../pipeline/metadata/index.ts';
import {
  type Correction,
  type Figure,
  type Report,
  staleCorrectionProblem,
} from '../pipeline/report/index.ts';
import type { Store } from '../stores/store.ts';
import { withArchivedCopy } from './archived-copy.ts';
import { LastGoodReports } from './last-good.ts';
import type { Plan, VersionSink } from './plan.ts';
import { NO_BYTES, type PlannedInput, type ReportInput, type ReportProblem } from './read-reports.ts';
import {
  type CachedUnit,
  type ReportKeys,
  readPages,
  readShares,
  readStages,
  reportKeys,
  type UnitFile,
  useStages,
} from './report-entries.ts';
import type { ReportRunner } from './report-runner.ts';
import type { CachedTask, MadeUnit, WorkProblem } from './report-work.ts';
import type { ResultCache } from './result-cache.ts';
import { readChunks } from './spool.ts';
import type { OfferedFile } from './version-writer.ts';

interface ReportsInput {
  plan: Plan;
  sink: VersionSink;
  /** Where the last good publication of a report that turned bad is read from. */
  target: Store;
  archive?: Store;
  cache: ResultCache;
  runner: ReportRunner;
  /** Units in flight at once: enough to keep every worker busy. */
  inFlight: number;
  onProgress?: (done: number, total: number) => void;
}

/** What the reduce keeps of a report: its digest, and where its shares are. */
export interface ReportOutcome {
  id: string;
  digest: ReportDigest;
  /** The key of its shares in the cache. */
  rowsKey: string;
  /** Its shares made again, should its cache entry be gone when the reduce reads it. */
  remake: () => Promise<DatasetShare[]>;
}

/** Every report as the reduce needs it, and every problem so far. */
export interface BuiltReports {
  reports: ReportOutcome[];
  problems: ReportProblem[];
  /** The corrections applied, in report order. */
  corrections: Correction[];
  /** Reports whose unit came from the cache, and reports made in this run. */
  counts: UnitCounts;
}

export interface UnitCounts {
  cached: number;
  made: number;
}

/** Runs the units, several at a time, and commits each in report order as soon as it and those before it are done. */
export async function buildReports(input: ReportsInput): Promise<BuiltReports> {
  const { plan } = input;
  const built: BuiltReports = {
    reports: [],
    problems: [...plan.problems],
    corrections: [],
    counts: { cached: 0, made: 0 },
  };
  const lastGood = new LastGoodReports(input.target, plan.state.previous);
  const context: UnitContext = { ...input, lastGood, counts: built.counts };
  const pending: Promise<Unit>[] = [];
  let next = 0;
  const start = () => {
    const reportInput = plan.inputs[next];
    next += 1;
    if (!reportInput) return;
    const unit = reportUnit(reportInput, context);
    // Awaited in order below; a later unit that fails first (a store failure) must not go unhandled meanwhile.
    unit.catch(() => {});
    pending.push(unit);
  };
  while (next < Math.min(input.inFlight, plan.inputs.length)) start();
  for (const [index, reportInput] of plan.inputs.entries()) {
    const unit = await (pending.shift() as Promise<Unit>);
    start();
    await commit(unit, reportInput, input, built);
    release(reportInput);
    input.onProgress?.(index + 1, plan.inputs.length);
  }
  const published = new Set(built.reports.map((report) => report.id));
  for (const [id, corrections] of plan.corrections)
    if (!published.has(id))
      for (const correction of corrections)
        built.problems.push({
          file: plan.correctionsFile,
          problem: staleCorrectionProblem(correction, false),
        });
  return built;
}

/** What every report's unit is made with. */
interface UnitContext extends ReportsInput {
  lastGood: LastGoodReports;
  counts: UnitCounts;
}

/** A report's own files: with their bytes, or (when the last version has the same) their sha256 alone. */
type OfferedFiles = (OfferedFile | UnitFile)[];

/** One report as it is published: its files and outcome, or its problem (and its last good files, when kept). */
interface Unit {
  files: OfferedFiles;
  outcome?: ReportOutcome;
  problem?: ReportProblem;
  /** Its figures, for the change log of a report whose text changed. */
  figures: () => Promise<Figure[]>;
}

async function commit(
  unit: Unit,
  reportInput: ReportInput,
  { sink, plan }: { sink: VersionSink; plan: Plan },
  built: BuiltReports,
) {
  if (unit.problem) built.problems.push(unit.problem);
  if (!unit.outcome) return;
  const stale = new Set(unit.outcome.digest.staleCorrections);
  // A kept report is its last good publication: what was corrected then is on its page already.
  for (const correction of unit.problem ? [] : (plan.corrections.get(reportInput.id) ?? []))
    if (stale.has(correction.figure))
      built.problems.push({ file: plan.correctionsFile, problem: staleCorrectionProblem(correction, true) });
    else built.corrections.push(correction);
  for (const file of unit.files) {
    const entry = 'body' in file ? await sink.writer.offer(file) : sink.writer.offerLinked(file);
    if (file.path === reportPath(reportInput.id, 'source.txt'))
      await sink.changes.addReport(reportInput.id, entry.sha256, unit.figures);
  }
  built.reports.push(unit.outcome);
}

/**
 * One report's unit: from the cache when every stage is there, else made by the runner; a report
 * that cannot be published as it is now keeps its last good publication. Store failures are not
 * caught here: they are the run's (it stops, and the next run resumes).
 */
async function reportUnit(planned: PlannedInput, context: UnitContext): Promise<Unit> {
  const input = loadOnce(planned, context.plan);
  const archived = await archivedOriginal(planned, input, context.archive);
  const keys = reportKeys(planned, context.plan, archived?.name);
  const made = await madeUnit(planned, input, { keys, archived }, context, undefined);
  if ('unit' in made) return made.unit;
  const kept = await context.lastGood.keep(planned.id, { id: planned.id, ...made.problem });
  if (!kept.report) return { files: [], problem: kept.problem, figures: async () => [] };
  const copy = await withArchivedCopy(kept.report, context.archive);
  const name = copy.report.source.archivedCopy;
  const keptArchive = copy.file && name ? { name, file: copy.file } : undefined;
  const keptKeys = reportKeys(planned, context.plan, name, copy.report);
  const before = await madeUnit(
    planned,
    input,
    { keys: keptKeys, archived: keptArchive },
    context,
    copy.report,
  );
  if ('unit' in before) return { ...before.unit, problem: kept.problem };
  // Its last good text no longer builds either (a bug met since): left out, and said so.
  const { kept: _, ...left } = kept.problem;
  return {
    files: [],
    problem: { ...left, problem: `${left.problem}; its last good version ${before.problem.problem}` },
    figures: async () => [],
  };
}

/**
 * A report's input as its unit reads it: the plan's, read again only when something needs its bytes
 * (a report made now, a sidecar that may name an archived original), and then once. A unit from the
 * cache needs none: the keys are the plan's hashes.
 */
type LazyInput = () => Promise<ReportInput>;

function loadOnce(planned: PlannedInput, plan: Plan): LazyInput {
  let loading: Promise<ReportInput> | undefined;
  return () => {
    loading ??= plan.load(planned);
    return loading;
  };
}

/** The archived original the sidecar names, when the archive has it. */
async function archivedOriginal(
  planned: PlannedInput,
  load: LazyInput,
  archive: Store | undefined,
): Promise<{ name: string; file: SiteFile } | undefined> {
  if (!archive || planned.metaSha256 === undefined) return undefined;
  const input = await load();
  if (!input.metaBytes) return undefined;
  const key = sidecarArchiveKey(input.metaBytes);
  if (!key) return undefined;
  const probe = { id: input.id, source: { archive: key } } as Report;
  const copy = await withArchivedCopy(probe, archive);
  return copy.file ? { name: copy.report.source.archivedCopy as string, file: copy.file } : undefined;
}

/** The `archive` of a sidecar, read without validating it (the unit's parse does, and says what is wrong). */
function sidecarArchiveKey(metaBytes: Uint8Array): string | undefined {
  try {
    const archive = (JSON.parse(new TextDecoder().decode(metaBytes)) as { archive?: unknown }).archive;
    return typeof archive === 'string' ? archive : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The unit from the cache's entries, or made (and cached) from its figures or its text. Its outcome
 * outlives the report's commit (the reduce holds every report's), so what it keeps is the planned
 * input, whose bytes go at the commit, never the input read for the unit.
 */
async function madeUnit(
  planned: PlannedInput,
  input: LazyInput,
  { keys, archived }: { keys: ReportKeys; archived: { name: string; file: SiteFile } | undefined },
  context: UnitContext,
  kept: Report | undefined,
): Promise<{ unit: Unit } | WorkProblem> {
  const found = await readStages(context.cache, keys);
  // Every entry of a current report stays, read this run or not (its figures outlive a portal change).
  useStages(context.cache, keys);
  let unit = found.unit;
  let files = unit && (await cachedFiles(unit, keys, context));
  if (unit && files) context.counts.cached += 1;
  else {
    // A unit whose pages are gone is made again from its figures, not extracted again.
    const figures =
      found.figures ?? (unit ? (await context.cache.get('figures', keys.figures))?.get('report') : undefined);
    const task = taskOf(await input(), keys, kept, archived?.name, figures);
    const made = await context.runner.run(withCorrections(task, context.plan));
    if ('problem' in made) return made;
    context.counts.made += 1;
    unit = made.unit;
    files = madeFiles(made, context) ?? (await cachedFiles(unit, keys, context));
    if (!files) throw new Error(`${planned.file}: its pages are not in the cache it was just written to`);
  }
  return {
    unit: {
      files: archived ? [...files, archived.file] : files,
      outcome: {
        id: planned.id,
        digest: unit.digest,
        rowsKey: keys.made,
        remake: remakeOf(planned, { keys, kept, archivedCopy: archived?.name }, context),
      },
      figures: async () => figuresOf(input, kept, context.cache, keys),
    },
  };
}

/**
 * A cached unit's own files as the version takes them: by their sha256 alone when the last version
 * has the same bytes (they are linked, not read), else read from the pages entry; undefined when the
 * bytes are needed and the entry is gone or refused (the unit is then made again).
 */
async function cachedFiles(
  unit: CachedUnit,
  keys: ReportKeys,
  context: UnitContext,
): Promise<OfferedFiles | undefined> {
  if (asPublished(unit, context)) return unit.files;
  return readPages(context.cache, keys, unit);
}

/**
 * A unit just made: its own files linked when the last version has them all (staged copies
 * removed), else as its maker gave them back (bytes, or staged files the version moves into place),
 * never read back from the cache.
 */
function madeFiles(made: MadeUnit, context: UnitContext): OfferedFiles | undefined {
  const { unit, pages, staged } = made;
  if (asPublished(unit, context)) {
    for (const path of staged ?? []) rmSync(path, { force: true });
    return unit.files;
  }
  if (pages) return pages;
  if (!staged || staged.length !== unit.files.length) return undefined;
  return unit.files.map((file, index) => {
    const localFile = staged[index] as string;
    const { path, contentType, sha256, bytes } = file;
    return {
      path,
      contentType,
      localFile,
      body: Chunked.known(() => readChunks(localFile), { sha256, bytes }),
    };
  });
}

/** Whether the current version has every one of the unit's own files with the same bytes (they are linked). */
function asPublished(unit: CachedUnit, context: UnitContext): boolean {
  const previous = context.plan.state.previous?.files;
  return unit.files.every((file) => previous?.[file.path]?.sha256 === file.sha256);
}

function taskOf(
  input: ReportInput,
  keys: ReportKeys,
  kept: Report | undefined,
  archivedCopy: string | undefined,
  figures: Uint8Array | undefined,
): CachedTask {
  return {
    input,
    keys,
    ...(kept ? { kept } : {}),
    ...(archivedCopy ? { archivedCopy } : {}),
    ...(figures && !kept ? { figures } : {}),
  };
}

/**
 * The task with the publisher's corrections of the report's figures, when there are any; never a
 * kept report's, which is its last good publication, corrections and all (its keys leave them out).
 */
function withCorrections(task: CachedTask, plan: Plan): CachedTask {
  if (task.kept) return task;
  const corrections = plan.corrections.get(task.input.id);
  return corrections ? { ...task, corrections } : task;
}

/**
 * The outcome's remake, made here and not in madeUnit: a closure there would share its scope with
 * the unit's `figures` and keep the input read for the unit, bytes and all, as long as the outcome
 * (every report past the plan's KEPT_INPUT_BYTES kept its 14 KB of text until the reduce ended).
 */
function remakeOf(
  planned: PlannedInput,
  made: { keys: ReportKeys; kept: Report | undefined; archivedCopy: string | undefined },
  context: UnitContext,
): () => Promise<DatasetShare[]> {
  return () => remadeShares(planned, made, context);
}

/**
 * The shares of a report whose entry went since its unit was made: its input read again and remade
 * (a kept report is made from its last good version, which needs none of the input's bytes).
 */
async function remadeShares(
  planned: PlannedInput,
  made: { keys: ReportKeys; kept: Report | undefined; archivedCopy: string | undefined },
  context: UnitContext,
): Promise<DatasetShare[]> {
  const { keys, kept, archivedCopy } = made;
  const again = kept
    ? { ...planned, bytes: NO_BYTES, metaBytes: undefined }
    : await context.plan.load(planned);
  const result = await context.runner.run(
    withCorrections(taskOf(again, keys, kept, archivedCopy, undefined), context.plan),
  );
  if ('problem' in result)
    throw new Error(`${planned.file} could not be made again for the datasets: ${result.problem.problem}`);
  const shares = await readShares(context.cache, keys.made);
  if (!shares) throw new Error(`${planned.file}: its shares are not in the cache they were just written to`);
  return shares;
}

/** A report's figures for the change log: from its figures entry, else extracted again. */
async function figuresOf(
  load: LazyInput,
  kept: Report | undefined,
  cache: ResultCache,
  keys: ReportKeys,
): Promise<Figure[]> {
  if (kept) return kept.figures;
  const json = (await cache.get('figures', keys.figures))?.get('report');
  if (json) return (JSON.parse(new TextDecoder().decode(json)) as Report).figures;
  const input = await load();
  return buildReport({ id: input.id, file: input.file, bytes: input.bytes, defaultLicense: '' }).figures;
}

/** A report's bytes are let go once it is committed: should they be needed again they are read again. */
function release(input: PlannedInput): void {
  input.bytes = NO_BYTES;
  input.metaBytes = undefined;
  input.loaded = false;
}
