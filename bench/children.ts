/**
 * Runs each measurement in a child process of its own (honest peak RSS, no JIT state shared
 * between scanners). The worker is bundled once with esbuild and run with plain node, so the
 * memory figures are the extractor's and not those of a TypeScript loader.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { ROOT_DIR } from './texts.ts';

export interface Measurement {
  scanner: 'ours' | 'peer' | 'regex';
  scale: number;
  mb: number;
  seconds: number;
  mb_s: number;
  items: number;
  passes: number;
  peak_rss_mb: number;
}

const OUT = fileURLToPath(new URL('../node_modules/.cache/opendata-bench/worker.mjs', import.meta.url));

/** Bundles bench/worker.ts with its packages into one file under node_modules/.cache. */
export function bundleWorker(): void {
  buildSync({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    outfile: OUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
}

/** One measurement: `scanner` over the speed corpus `scale` times, for about `budgetS` seconds. */
export function measure(scanner: Measurement['scanner'], scale: number, budgetS: number): Measurement {
  const run = spawnSync(process.execPath, [OUT, scanner, String(scale), String(budgetS)], {
    encoding: 'utf8',
    env: { ...process.env, OPENDATA_BENCH_ROOT: ROOT_DIR },
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`bench worker ${scanner} ×${scale} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Measurement;
}
