/**
 * The entry of a worker process of the report pool (report-runner.ts): it reads the context every
 * report's work is done with once, from the file the parent named, and then runs each task it is
 * given, reporting its own peak RSS with each result so that the parent can say what each worker used.
 */
import { readFileSync } from 'node:fs';
import { indicatorCatalogFrom } from '../pipeline/indicators/index.ts';
import { type ReportTask, runReportWork, type WorkContext } from './report-work.ts';

export const CONTEXT_FILE_ENV = 'OPENDATA_WORK_CONTEXT_FILE';

let context: WorkContext | undefined;

function workContext(): WorkContext {
  if (!context) {
    const file = process.env[CONTEXT_FILE_ENV];
    if (!file)
      throw new Error(`${CONTEXT_FILE_ENV} is not set: report-worker.ts runs in the report pool only`);
    const { settings, catalog } = JSON.parse(readFileSync(file, 'utf8')) as WorkContext;
    context = { settings, catalog: indicatorCatalogFrom(catalog, file) };
  }
  return context;
}

export default function reportWorker(task: ReportTask) {
  const result = runReportWork(workContext(), task);
  return { result, pid: process.pid, peakRssMB: process.resourceUsage().maxRSS / 1024 };
}
