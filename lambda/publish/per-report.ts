/**
 * Per report, the second phase of a publication: one unit of work a report. A unit takes one report's
 * input and what all reports share (settings, catalog, the archive of originals, the last good
 * publication) and gives its files (source.txt, its page, its archived original) and the report with
 * its figures, from which the reduce draws its rows; or its problem, with its last good files in its
 * place. It is a unit because it reads nothing of the other reports and throws only when a store
 * fails: its output depends on its input's bytes alone, so it can be cached by them and run apart.
 */
import { reportBuild } from '../pipeline/build/index.ts';
import type { IndicatorCatalog } from '../pipeline/indicators/index.ts';
import type { SiteFile } from '../pipeline/metadata/index.ts';
import type { Report, SiteSettings } from '../pipeline/report/index.ts';
import { internalError, ReportError } from '../pipeline/report/index.ts';
import { EMPTY_STRUCTURE } from '../pipeline/structure/index.ts';
import type { Store } from '../stores/store.ts';
import { withArchivedCopy } from './archived-copy.ts';
import { LastGoodReports } from './last-good.ts';
import type { Plan, VersionSink } from './plan.ts';
import { parseReportInput, type ReportInput, type ReportProblem } from './read-reports.ts';

interface ReportsInput {
  plan: Plan;
  sink: VersionSink;
  /** Where the last good publication of a report that turned bad is read from. */
  target: Store;
  archive?: Store;
  onProgress?: (done: number, total: number) => void;
}

/** Every report as the reduce needs it (no text, no structure), and every problem so far. */
export interface BuiltReports {
  reports: Report[];
  problems: ReportProblem[];
}

/** Builds the reports one at a time and writes each one's files as soon as they are built. */
export async function buildReports(input: ReportsInput): Promise<BuiltReports> {
  const { plan, sink } = input;
  const built: BuiltReports = { reports: [], problems: [...plan.problems] };
  // A report that cannot be read now keeps its last good publication, unchanged.
  const lastGood = new LastGoodReports(input.target, plan.state.previous);
  const context: ReportContext = {
    settings: plan.settings,
    catalog: plan.catalog,
    archive: input.archive,
    lastGood,
  };
  for (const [index, reportInput] of plan.inputs.entries()) {
    const unit = await buildReportUnit(reportInput, context);
    if (unit.problem) built.problems.push(unit.problem);
    if (unit.report) {
      for (const file of unit.files) {
        const entry = await sink.writer.offer(file);
        if (file.path.endsWith('/source.txt')) await sink.changes.addReport(unit.report, entry.sha256);
      }
      built.reports.push(withoutText(unit.report));
    }
    releaseInput(reportInput);
    input.onProgress?.(index + 1, plan.inputs.length);
  }
  return built;
}

/** What every report's unit is built with. */
interface ReportContext {
  settings: SiteSettings;
  catalog: IndicatorCatalog;
  archive: Store | undefined;
  lastGood: LastGoodReports;
}

/** One report as it is published: its files, or its problem (and its last good files, when kept). */
interface ReportUnit {
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
async function buildReportUnit(input: ReportInput, context: ReportContext): Promise<ReportUnit> {
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
  context: ReportContext,
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

/** A report's bytes are let go once it is processed: 10,000 of them need not wait for the aggregates. */
function releaseInput(input: ReportInput): void {
  input.bytes = new Uint8Array(0);
  input.metaBytes = undefined;
}
