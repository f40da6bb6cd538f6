/**
 * The entry of a worker process of the report pool (report-runner.ts): it reads the context every
 * report's work is done with once, from the file the parent named (settings, catalog, the cache
 * folder), then makes each report it is given and writes its results into the cache itself, answering
 * with the report's unit and its own peak RSS, so that the parent can say what each worker used.
 */
import { readFileSync } from 'node:fs';
import { indicatorCatalogFrom } from '../pipeline/indicators/index.ts';
import { LocalFolderStore } from '../stores/local-folder-store.ts';
import { type CachedTask, makeAndCache, type WorkContext } from './report-work.ts';
import { ResultCache } from './result-cache.ts';

export const CONTEXT_FILE_ENV = 'OPENDATA_WORK_CONTEXT_FILE';

/** What the parent writes for its workers. */
export interface WorkerContext extends WorkContext {
  cacheFolder: string;
  /** Where a worker leaves the files of each report it makes, for the publishing process to move. */
  stagingFolder: string;
}

let opened: { context: WorkContext; cache: ResultCache; staging: string } | undefined;

function workerContext(): { context: WorkContext; cache: ResultCache; staging: string } {
  if (!opened) {
    const file = process.env[CONTEXT_FILE_ENV];
    if (!file)
      throw new Error(`${CONTEXT_FILE_ENV} is not set: report-worker.ts runs in the report pool only`);
    const { settings, catalog, cacheFolder, stagingFolder } = JSON.parse(
      readFileSync(file, 'utf8'),
    ) as WorkerContext;
    opened = {
      context: { settings, catalog: indicatorCatalogFrom(catalog, file) },
      cache: new ResultCache(new LocalFolderStore(cacheFolder)),
      staging: stagingFolder,
    };
  }
  return opened;
}

export default async function reportWorker(task: CachedTask) {
  const { context, cache, staging } = workerContext();
  const result = await makeAndCache(context, cache, task, staging);
  return { result, pid: process.pid, peakRssMB: process.resourceUsage().maxRSS / 1024 };
}
