/**
 * `npx tsx bench/publish.ts [--json] [--reports 1000,10000]`: publishing at scale, side by side.
 * For each size it generates that many reports of their own (bench/generated-reports.ts: sentences,
 * numbers and words varied per report, so that neither compression nor a cache is flattered by
 * repeats) into a temporary folder, never into the project, and publishes them into another four
 * times, each run in a child process of its own so that its peak RSS is its own: the first
 * publication, the same inputs again (writes nothing), one report changed, and 1% of the reports
 * changed. Per run it prints wall time, the child's peak RSS and, when the publish summary gives
 * them, each worker's peak RSS, the cache hit rate and the seconds of each phase (plan, per report,
 * aggregates, metadata, switch); "–" where the summary does not. 50,000 reports (`--reports 50000`)
 * is for a machine with the time; nothing runs this in CI (it is no test).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PublishSummary } from '../lambda/publish/publish.ts';
import {
  changeReportText,
  generateReport,
  loadSourcePool,
  type SentenceCount,
  SentenceCounter,
  spreadIndices,
} from './generated-reports.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    reports: { type: 'string', default: '1000,10000' },
    child: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const USAGE = `Usage: npx tsx bench/publish.ts [--json] [--reports 1000,10000]
For each size in --reports (a comma-separated list; default 1000,10000; 50000 takes long), generates
that many reports with their own sentences and numbers into a temporary folder and publishes them
four times, each in a process of its own: first, unchanged, one report changed, 1% changed. Prints
wall time, peak RSS of the process and of each worker, cache hit rate and time per phase (when the
publish summary gives them), objects written and linked. --json prints one JSON line a size.
`;

/** Seconds of each phase, as the publish summary gives them once it measures them. */
interface PhaseTimes {
  plan: number;
  perReport: number;
  aggregates: number;
  metadata: number;
  switch: number;
}

/** What a summary may carry beyond what every version of it has: read when present, "–" when not. */
interface SummaryMeasures {
  timings?: PhaseTimes;
  cache?: { hits: number; misses: number; reports?: { cached: number; made: number } };
  workers?: { count: number; peakRssMB: number[] };
}

interface RunResult extends SummaryMeasures {
  run: string;
  seconds: number;
  /** The child process's maximum RSS: the publishing process, worker threads included. */
  peakMB: number;
  reports: number;
  figures: number;
  problems: number;
  newVersion: boolean;
  written: number;
  copied: number;
  unchanged: number;
  changed: number;
}

interface SizeResult {
  name: 'publish';
  reports: number;
  generated: SentenceCount & { chars: number; seconds: number };
  runs: RunResult[];
}

async function main(): Promise<void> {
  const sizes = values.reports.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--reports: ${values.reports}`);
  const results: SizeResult[] = [];
  for (const count of sizes) {
    const result = await benchSize(count);
    results.push(result);
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  if (!values.json) printTables(results);
}

/** One size: generate, then the four runs into one target folder, each after its change. */
async function benchSize(count: number): Promise<SizeResult> {
  process.stderr.write(`${int(count)} reports:\n`);
  const work = await mkdtemp(join(tmpdir(), 'opendata-bench-publish-'));
  try {
    const source = join(work, 'reports');
    const target = join(work, 'site');
    const { ids, generated } = await writeReports(source, count);
    const runs = [run('first publication', source, target), run('unchanged inputs', source, target)];
    await changeReports(source, [ids[Math.floor(count / 2)] as string]);
    runs.push(run('one report changed', source, target));
    await changeReports(
      source,
      spreadIndices(count, 0.01).map((i) => ids[i] as string),
    );
    runs.push(run('1% changed', source, target));
    return { name: 'publish', reports: count, generated, runs };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Generates reports 0…count-1 into `dir`, counting their sentences as it goes. */
async function writeReports(
  dir: string,
  count: number,
): Promise<{ ids: string[]; generated: SizeResult['generated'] }> {
  const started = performance.now();
  await mkdir(dir, { recursive: true });
  const pool = loadSourcePool();
  const counter = new SentenceCounter();
  const ids: string[] = [];
  let chars = 0;
  for (let i = 0; i < count; i++) {
    const report = generateReport(pool, i);
    counter.add(report.text);
    chars += report.text.length;
    await writeFile(join(dir, `${report.id}.txt`), report.text);
    ids.push(report.id);
  }
  const seconds = (performance.now() - started) / 1000;
  return { ids, generated: { ...counter.count(), chars, seconds } };
}

/** Changes one figure's value in each of the reports: what an edit of those reports does. */
async function changeReports(dir: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    const path = join(dir, `${id}.txt`);
    await writeFile(path, changeReportText(await readFile(path, 'utf8')));
  }
}

function run(name: string, source: string, target: string): RunResult {
  process.stderr.write(`  ${name}…\n`);
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', name], {
    env: { ...process.env, BENCH_SOURCE: source, BENCH_TARGET: target },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${name} failed with exit code ${child.status}`);
  return JSON.parse(child.stdout) as RunResult;
}

async function runChild(name: string): Promise<void> {
  const { parseSiteSettings } = await import('../lambda/pipeline/report/settings.ts');
  const { publish } = await import('../lambda/publish/publish.ts');
  const { FsStore } = await import('../lambda/stores/fs-store.ts');
  const { defaultCacheFolder } = await import('../lambda/cli/target.ts');
  const siteJson = new URL('../data/site.json', import.meta.url);
  const settings = parseSiteSettings(await readFile(siteJson), fileURLToPath(siteJson));
  const started = performance.now();
  const summary = await publish({
    source: new FsStore(process.env.BENCH_SOURCE as string),
    target: new FsStore(process.env.BENCH_TARGET as string),
    cacheFolder: defaultCacheFolder(process.env.BENCH_TARGET as string),
    settings,
    now: new Date(),
  });
  const seconds = (performance.now() - started) / 1000;
  const result: RunResult = {
    run: name,
    seconds,
    peakMB: process.resourceUsage().maxRSS / 1024,
    ...measuresOf(summary),
    reports: summary.reports.length,
    figures: summary.figures,
    problems: summary.problems.length,
    newVersion: summary.newVersion,
    written: summary.written.length,
    copied: summary.copied,
    unchanged: summary.unchanged,
    changed: summary.changed.length,
  };
  process.stdout.write(JSON.stringify(result));
}

/** The summary's timings, cache and workers when this version of publish gives them. */
function measuresOf(summary: PublishSummary): SummaryMeasures {
  const { timings, cache, workers } = summary as unknown as SummaryMeasures;
  return {
    ...(timings ? { timings } : {}),
    ...(cache ? { cache } : {}),
    ...(workers ? { workers } : {}),
  };
}

const DASH = '–';
const int = (n: number): string => Math.round(n).toLocaleString('en');
const secs = (n: number | undefined): string => (n === undefined ? DASH : n.toFixed(1));

/** Reports whose results came from the cache, as a share of all ("–" without a cache). */
function hitRate(cache: RunResult['cache']): string {
  const reports = cache?.reports;
  if (reports && reports.cached + reports.made > 0) {
    const all = reports.cached + reports.made;
    return `${((100 * reports.cached) / all).toFixed(1)}% of ${int(all)}`;
  }
  if (!cache || cache.hits + cache.misses === 0) return DASH;
  return `${((100 * cache.hits) / (cache.hits + cache.misses)).toFixed(0)}% of ${int(cache.hits + cache.misses)}`;
}

function workerPeaks(workers: RunResult['workers']): string {
  if (!workers || workers.peakRssMB.length === 0) return DASH;
  return workers.peakRssMB.map((mb) => mb.toFixed(0)).join(' / ');
}

const HEADER = [
  'reports',
  'run',
  'wall s',
  'peak MB',
  'worker peak MB',
  'from cache',
  'plan s',
  'per report s',
  'aggregates s',
  'metadata s',
  'switch s',
  'new version',
  'written',
  'linked',
  'unchanged',
  'stable changed',
];

function row(reports: number, r: RunResult): string[] {
  return [
    int(reports),
    r.run,
    r.seconds.toFixed(1),
    r.peakMB.toFixed(0),
    workerPeaks(r.workers),
    hitRate(r.cache),
    secs(r.timings?.plan),
    secs(r.timings?.perReport),
    secs(r.timings?.aggregates),
    secs(r.timings?.metadata),
    secs(r.timings?.switch),
    r.newVersion ? 'yes' : 'no',
    int(r.written),
    int(r.copied),
    int(r.unchanged),
    int(r.changed),
  ];
}

/** One Markdown table of every size's runs, after a line per size on what was generated. */
function printTables(results: SizeResult[]): void {
  const out: string[] = [];
  for (const { reports, generated: g, runs } of results) {
    const share = g.sentences === 0 ? 0 : (100 * g.distinct) / g.sentences;
    out.push(
      `${int(reports)} reports: ${int(g.distinct)} distinct sentences of ${int(g.sentences)} ` +
        `(${share.toFixed(0)}%), ${(g.chars / 1e6).toFixed(1)} M characters, generated in ${g.seconds.toFixed(1)} s; ` +
        `${int(runs[0]?.figures ?? 0)} figures, ${int(runs[0]?.problems ?? 0)} problems.`,
    );
  }
  const rows = [HEADER, ...results.flatMap(({ reports, runs }) => runs.map((r) => row(reports, r)))];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((cells) => (cells[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  out.push('', line(HEADER), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const cells of rows.slice(1)) out.push(line(cells));
  out.push(
    '',
    'Peak MB is the publishing process’s maximum RSS (worker threads included); worker peak MB, cache',
    'hits and phase seconds come from the publish summary and read "–" where it does not give them.',
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

// Last, so that every constant above is set before it runs.
if (values.help) process.stdout.write(USAGE);
else if (values.child) await runChild(values.child);
else await main();
