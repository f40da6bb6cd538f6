/**
 * Runs the work of the reports the cache did not have: in this process when there is one worker (the
 * Lambda, a small machine), else in a pool of worker processes (tinypool's child_process runtime), so
 * that every core extracts and renders and each worker's memory is its own. The output is the same
 * bytes whichever runs a report: the work is a pure function of the task (report-work.ts).
 *
 * A report whose work takes longer than the time limit, or whose worker dies (a crash, running out
 * of memory), becomes that report's problem, never the run's; the pool replaces the worker.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pLimit, { type LimitFunction } from 'p-limit';
import Tinypool from 'tinypool';
import {
  type CachedTask,
  type MadeUnit,
  makeAndCache,
  type WorkContext,
  type WorkProblem,
} from './report-work.ts';
import { CONTEXT_FILE_ENV, type WorkerContext } from './report-worker.ts';
import type { ResultCache } from './result-cache.ts';

export interface ReportRunner {
  /** Makes the report and writes its results into the cache; gives its unit and files, or its problem. */
  run(task: CachedTask): Promise<MadeUnit | WorkProblem>;
  close(): Promise<void>;
  /** How many worker processes ran, and the peak RSS each reported, in MB (none in this process). */
  readonly workers: { count: number; peakRssMB: number[] };
}

export interface RunnerOptions {
  /** Worker processes; 1 runs every report in this process. */
  workers: number;
  /** Reports made in this process before the pool starts. @default INLINE_BEFORE_POOL */
  poolAfter?: number;
  /** Longest one report's work may take in a worker before it is given up as the report's problem. */
  timeLimitMs: number;
}

/** What a worker answers: the result, and who it is and what it used. */
interface WorkerAnswer {
  result: MadeUnit | WorkProblem;
  pid: number;
  peakRssMB: number;
}

/**
 * Reports made in this process before the pool is started: starting worker processes costs a second
 * or two, more than a few reports' work, so a run that makes only a few (one report changed) never
 * pays it, and a run that makes many starts the pool once this many are done.
 */
const INLINE_BEFORE_POOL = 200;

/** A runner that works in this process, and moves to a pool of `workers` once there is enough to do. */
export function reportRunner(
  context: WorkContext,
  cache: { cache: ResultCache; folder: string },
  options: RunnerOptions,
): ReportRunner {
  const inline = (task: CachedTask) => makeAndCache(context, cache.cache, task);
  if (options.workers <= 1)
    return { run: inline, close: async () => {}, workers: { count: 0, peakRssMB: [] } };
  let made = 0;
  let pool: Promise<PooledRunner> | undefined;
  let opened: PooledRunner | undefined;
  return {
    run(task) {
      // A report kept at its last good version: the pool has just given up on its text (a hang, a
      // crash, the time limit), and its last good text, published before, must not be given up the
      // same way. Such reports are few; they do not count toward starting the pool.
      if (task.kept) return inline(task);
      made += 1;
      if (!pool && made <= (options.poolAfter ?? INLINE_BEFORE_POOL)) return inline(task);
      pool ??= PooledRunner.open(context, cache.folder, options).then((runner) => {
        opened = runner;
        return runner;
      });
      return pool.then((opened) => opened.run(task));
    },
    close: async () => (pool ? (await pool).close() : undefined),
    get workers() {
      return opened ? opened.workers : { count: 0, peakRssMB: [] };
    },
  };
}

class PooledRunner implements ReportRunner {
  readonly #peaks = new Map<number, number>();
  /** One task a worker at a time, so that a report's time limit starts when a worker takes it, not while it waits. */
  readonly #free: LimitFunction;

  private constructor(
    readonly pool: Tinypool,
    readonly folder: string,
    readonly options: RunnerOptions,
  ) {
    this.#free = pLimit(options.workers);
  }

  /**
   * Starts the pool. Its folder (removed at close) holds the context the workers read and the
   * staging folder where they leave each report's files (in the system's temporary folder: moved
   * into a site on the same disk, copied into one on another).
   */
  static async open(
    context: WorkContext,
    cacheFolder: string,
    options: RunnerOptions,
  ): Promise<PooledRunner> {
    const folder = await mkdtemp(join(tmpdir(), 'opendata-work-'));
    const stagingFolder = join(folder, 'staging');
    await mkdir(stagingFolder);
    const file = join(folder, 'context.json');
    const shared: WorkerContext = { ...context, cacheFolder, stagingFolder };
    await writeFile(file, JSON.stringify(shared));
    const pool = new Tinypool({
      filename: new URL('./report-worker.ts', import.meta.url).href,
      runtime: 'child_process',
      minThreads: options.workers,
      maxThreads: options.workers,
      serialization: 'advanced',
      execArgv: loaderArgs(),
      env: { ...process.env, [CONTEXT_FILE_ENV]: file } as Record<string, string>,
    });
    // A worker that dies with no report in it (killed between two) is replaced and costs nothing;
    // unheard, tinypool's 'error' event for it would be thrown and end this process.
    pool.on('error', () => {});
    return new PooledRunner(pool, folder, options);
  }

  get workers() {
    return { count: this.options.workers, peakRssMB: [...this.#peaks.values()] };
  }

  async run(task: CachedTask): Promise<MadeUnit | WorkProblem> {
    const seconds = this.options.timeLimitMs / 1000;
    try {
      const answer = (await this.#free(() =>
        this.pool.run(task, { signal: AbortSignal.timeout(this.options.timeLimitMs) }),
      )) as WorkerAnswer;
      this.#peaks.set(answer.pid, Math.max(this.#peaks.get(answer.pid) ?? 0, answer.peakRssMB));
      return answer.result;
    } catch (error) {
      const timedOut = error instanceof Error && /abort/i.test(`${error.name} ${error.message}`);
      const problem = timedOut
        ? `its processing took longer than ${seconds} s and was stopped`
        : `the worker processing it stopped (${error instanceof Error ? error.message : String(error)})`;
      return { problem: { file: task.input.file, problem: problem } };
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
    await rm(this.folder, { recursive: true, force: true });
  }
}

/**
 * How a worker process loads TypeScript when this code runs from its sources (tsx, vitest): tsx's
 * loader, by its path so that it is found whatever the working folder. A bundle needs nothing.
 */
function loaderArgs(): string[] {
  if (!import.meta.url.endsWith('.ts')) return [];
  const loader = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(loader).href];
}
