/**
 * The work of one report that the cache did not have: what a worker process runs, and what the
 * publishing process runs itself (one worker, the first reports of a run, a kept report). The work
 * is pure: it takes the report's bytes (and the figures the cache had, if it had them) and gives
 * its pages and rows; `makeAndCache` then writes them into the cache, wherever it runs, and gives
 * the unit, the few kilobytes the publishing process keeps.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DatasetShare, type ReportDigest, reportMade, type WholeFile } from '../pipeline/build/index.ts';
import { utf8 } from '../pipeline/formats/index.ts';
import type { IndicatorCatalog } from '../pipeline/indicators/index.ts';
import type { Report, SiteSettings } from '../pipeline/report/index.ts';
import {
  applyCorrections,
  type Correction,
  decodeReport,
  internalError,
  ReportError,
} from '../pipeline/report/index.ts';
import { parseReportInput, type ReportInput } from './read-reports.ts';
import { type CachedUnit, type ReportKeys, writeStages } from './report-entries.ts';
import type { ResultCache } from './result-cache.ts';

/** What every report's work is done with. */
export interface WorkContext {
  settings: SiteSettings;
  catalog: IndicatorCatalog;
}

/** A report's work as the runner is given it: the task, and the keys its results are cached under. */
export interface CachedTask extends ReportTask {
  keys: ReportKeys;
}

/**
 * The work of one report, its results written into the cache (by whoever runs it: a worker writes
 * its own, so that hundreds of kilobytes a report never cross between processes), giving the unit:
 * what the parent keeps, a few kilobytes.
 */
export async function makeAndCache(
  context: WorkContext,
  cache: ResultCache,
  task: CachedTask,
  staging?: string,
): Promise<MadeUnit | WorkProblem> {
  const result = runReportWork(context, task);
  if ('problem' in result) return result;
  const unit = await writeStages(cache, task.keys, result);
  if (!staging) return { unit, pages: result.pages };
  return { unit, staged: stagePages(staging, task.keys.made, result.pages) };
}

/**
 * A report made, as its maker gives it back: its unit, and its own files as the version takes them,
 * so that they are not read back from the cache just written: their bytes when it was made in the
 * publishing process, or where a worker left them (staged), to be moved into the version.
 */
export interface MadeUnit {
  unit: CachedUnit;
  /** Its files' bytes, in the unit's order (made in this process). */
  pages?: WholeFile[];
  /** The files of this machine holding them, in the unit's order (made by a worker). */
  staged?: string[];
}

/**
 * Writes a report's own files into the staging folder, each under the unit's key and its place in
 * the list: a worker writes them once, and the publishing process moves them into the version
 * (a rename on the same disk) instead of reading the pages entry back and writing them again.
 */
function stagePages(staging: string, key: string, pages: readonly WholeFile[]): string[] {
  return pages.map((page, index) => {
    const path = join(staging, `${key}-${index}`);
    writeFileSync(path, page.body);
    return path;
  });
}

interface ReportTask {
  input: ReportInput;
  /**
   * The report to build instead of parsing the input: a last good publication kept in place of a
   * report that no longer reads (its text and metadata as published), with no cached figures.
   */
  kept?: Report;
  /** The name of its archived original beside its page, when the archive has it. */
  archivedCopy?: string;
  /** The report without its text, as the cache's figures stage has it. */
  figures?: Uint8Array;
  /** The publisher's corrections of its figures (data/corrections.json), applied after extraction; none for a kept report. */
  corrections?: Correction[];
}

export interface ReportWorkResult {
  /** The report without its text, when it was extracted here (for the cache's figures stage). */
  figures?: Uint8Array;
  pages: WholeFile[];
  rows: { shares: DatasetShare[]; digest: ReportDigest };
}

/** Why the report cannot be published as it is: its ReportError's problem, or an internal error. */
export type WorkProblem = { problem: { file: string; problem: string } };

const decoder = new TextDecoder();

/** The report's pages and rows, or its problem. Anything the report trips is its problem, never the run's. */
function runReportWork(context: WorkContext, task: ReportTask): ReportWorkResult | WorkProblem {
  try {
    return work(context, task);
  } catch (error) {
    if (error instanceof ReportError) return { problem: { file: error.file, problem: error.problem } };
    return { problem: { file: task.input.file, problem: internalError(error) } };
  }
}

function work(context: WorkContext, task: ReportTask): ReportWorkResult {
  const { settings, catalog } = context;
  const made = madeReport(context, task);
  const extracted = task.archivedCopy
    ? { ...made.report, source: { ...made.report.source, archivedCopy: task.archivedCopy } }
    : made.report;
  const { report, stale } = applyCorrections(extracted, task.corrections ?? []);
  const result = reportMade(settings, report, catalog);
  if (stale.length > 0) result.rows.digest.staleCorrections = stale.map((c) => c.figure);
  return { ...(made.figures ? { figures: made.figures } : {}), ...result };
}

/** The report: the kept one, or its cached figures with its text decoded again, or extracted now. */
function madeReport(context: WorkContext, task: ReportTask): { report: Report; figures?: Uint8Array } {
  if (task.kept) return { report: task.kept };
  if (task.figures) {
    const cached = JSON.parse(decoder.decode(task.figures)) as Omit<Report, 'text'>;
    return { report: { ...cached, text: decodeReport(task.input.bytes, task.input.file) } };
  }
  const report = parseReportInput(task.input, context.settings.license);
  return { report, figures: utf8(JSON.stringify(withoutText(report))) };
}

/** The report as the figures stage keeps it: its text is the input's, decoded again when it is used. */
function withoutText(report: Report): Omit<Report, 'text'> {
  const { text: _, ...rest } = report;
  return rest;
}
