/**
 * `npx tsx bench/publish.ts [--json] [--reports N]`: publishing at scale. Makes N reports (10,000 by
 * default) from the 31 provincial work reports shipped in data/reports, each a stretch of one text
 * under a title line with its own entity and year, into a temporary folder (never into the
 * project), then publishes them into another temporary folder three times, each run in a child
 * process of its own so that its peak RSS is its own: the first publication, the same inputs again
 * (writes nothing), and one report changed (writes its files and the aggregates).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { longReportFiles } from './texts.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    reports: { type: 'string', default: '10000' },
    child: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const USAGE = `Usage: npx tsx bench/publish.ts [--json] [--reports N]
Publishes N reports (default 10000), made from the work reports of data/reports, into a temporary
folder three times (first, unchanged, one report changed) and prints time and peak RSS of each run.
`;

/** Characters of long text per report: about a town report's length (the seed has 5,400). */
const REPORT_CHARS = 2_500;
const TOWNS = [
  '东',
  '西',
  '南',
  '北',
  '新',
  '古',
  '清',
  '安',
  '平',
  '和',
  '兴',
  '福',
  '长',
  '永',
  '太',
  '龙',
];
const KINDS = ['镇', '乡', '街道'];

interface PhaseResult {
  phase: string;
  seconds: number;
  peakMB: number;
  reports: number;
  figures: number;
  newVersion: boolean;
  written: number;
  copied: number;
  unchanged: number;
  changed: number;
}

if (values.help) process.stdout.write(USAGE);
else if (values.child) await runChild(values.child);
else await main();

async function main(): Promise<void> {
  const count = Number(values.reports);
  const work = await mkdtemp(join(tmpdir(), 'opendata-bench-publish-'));
  try {
    const source = join(work, 'reports');
    const target = join(work, 'site');
    const made = await makeReports(source, count);
    const results = [phase('first publication', source, target), phase('unchanged inputs', source, target)];
    await changeOneReport(source, made[Math.floor(made.length / 2)] as string);
    results.push(phase('one report changed', source, target));
    if (values.json) process.stdout.write(`${JSON.stringify({ reports: count, results })}\n`);
    else printTable(count, results);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** N reports: stretches of the long texts, each under a title naming its own town and year. */
async function makeReports(dir: string, count: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const texts = await Promise.all(longReportFiles().map((file) => readFile(file, 'utf8')));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = texts[i % texts.length] as string;
    const round = Math.floor(i / texts.length);
    const start = (round * 211) % Math.max(1, text.length - REPORT_CHARS);
    const year = 2015 + (round % 11);
    const town = `${TOWNS[i % 16]}${TOWNS[Math.floor(i / 16) % 16]}${TOWNS[Math.floor(i / 256) % 16]}${KINDS[i % 3]}`;
    const id = `town-${String(i).padStart(5, '0')}-${year}`;
    const body = text.slice(start, start + REPORT_CHARS);
    await writeFile(join(dir, `${id}.txt`), `${town}${year}年政府工作报告\n${body}\n`);
    ids.push(id);
  }
  return ids;
}

/** Changes the first number of one report, so that one figure changes value. */
async function changeOneReport(dir: string, id: string): Promise<void> {
  const path = join(dir, `${id}.txt`);
  const text = await readFile(path, 'utf8');
  await writeFile(
    path,
    text.replace(/\d+/, (digits) => String(Number(digits) + 1)),
  );
}

function phase(name: string, source: string, target: string): PhaseResult {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', name], {
    env: { ...process.env, BENCH_SOURCE: source, BENCH_TARGET: target },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${name} failed with exit code ${child.status}`);
  return JSON.parse(child.stdout) as PhaseResult;
}

async function runChild(name: string): Promise<void> {
  const { parseSiteSettings } = await import('../lambda/pipeline/report/settings.ts');
  const { publish } = await import('../lambda/publish/publish.ts');
  const { FsStore } = await import('../lambda/stores/fs-store.ts');
  const siteJson = new URL('../data/site.json', import.meta.url);
  const settings = parseSiteSettings(await readFile(siteJson), fileURLToPath(siteJson));
  const started = performance.now();
  const summary = await publish({
    source: new FsStore(process.env.BENCH_SOURCE as string),
    target: new FsStore(process.env.BENCH_TARGET as string),
    settings,
    now: new Date(),
  });
  const result: PhaseResult = {
    phase: name,
    seconds: (performance.now() - started) / 1000,
    peakMB: process.resourceUsage().maxRSS / 1024,
    reports: summary.reports.length,
    figures: summary.figures,
    newVersion: summary.newVersion,
    written: summary.written.length,
    copied: summary.copied,
    unchanged: summary.unchanged,
    changed: summary.changed.length,
  };
  process.stdout.write(JSON.stringify(result));
}

function printTable(count: number, results: PhaseResult[]): void {
  process.stdout.write(`Publishing ${count.toLocaleString('en')} reports into a folder\n\n`);
  const rows = [
    ['run', 'wall s', 'peak MB', 'new version', 'written', 'linked', 'unchanged', 'stable changed'],
    ...results.map((r) => [
      r.phase,
      r.seconds.toFixed(1),
      r.peakMB.toFixed(0),
      r.newVersion ? 'yes' : 'no',
      String(r.written),
      String(r.copied),
      String(r.unchanged),
      String(r.changed),
    ]),
  ];
  const widths = (rows[0] as string[]).map((_, i) =>
    Math.max(...rows.map((row) => (row[i] as string).length)),
  );
  for (const row of rows)
    process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ')}\n`);
  const figures = results[0]?.figures ?? 0;
  process.stdout.write(
    `\n${figures.toLocaleString('en')} figures. Peak MB is the child process's maximum RSS.\n`,
  );
}
