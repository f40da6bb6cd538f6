/**
 * The texts the benchmark reads, all from the project: the provincial 政府工作报告 shipped in
 * data/reports (chosen by their sidecar's kind) as the speed corpus, repeated for the 10× and 100×
 * scales, and the hand-labelled gold reports of tests/fixtures for quality.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildReport } from '../lambda/pipeline/build/build-report.ts';
import type { Report } from '../lambda/pipeline/report/report.ts';
import type { GoldFigure } from '../tests/support/score.ts';

/** The project's root; a bundled worker, which lives elsewhere, is told by children.ts. */
const ROOT = process.env.OPENDATA_BENCH_ROOT
  ? pathToFileURL(`${process.env.OPENDATA_BENCH_ROOT}/`)
  : new URL('../', import.meta.url);

export const ROOT_DIR = fileURLToPath(ROOT);
const REPORTS = new URL('data/reports/', ROOT);
/** The kind of the long reports: whole documents of 10,000–33,000 characters. */
const LONG_KIND = '政府工作报告';

function listDir(url: URL, suffix: string): { name: string; path: URL }[] {
  return readdirSync(url)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => ({ name, path: new URL(name, url) }));
}

/** The shipped reports whose sidecar says they are 政府工作报告, as text files, in id order. */
export function longReportFiles(): URL[] {
  return listDir(REPORTS, '.meta.json')
    .filter(({ path }) => JSON.parse(readFileSync(path, 'utf8')).kind === LONG_KIND)
    .map(({ name }) => new URL(name.replace(/\.meta\.json$/, '.txt'), REPORTS));
}

export interface SpeedCorpus {
  /** The reports in order, the long corpus `scale` times over (the same strings, as a stream would see them). */
  texts: string[];
  /** UTF-8 bytes of all texts. */
  bytes: number;
}

export function speedCorpus(scale: number): SpeedCorpus {
  const long = longReportFiles().map((path) => readFileSync(path, 'utf8'));
  const once = long.reduce((a, t) => a + Buffer.byteLength(t), 0);
  const texts: string[] = [];
  for (let i = 0; i < scale; i++) texts.push(...long);
  return { texts, bytes: once * scale };
}

export interface GoldCase {
  name: string;
  report: Report;
  gold: GoldFigure[];
}

/**
 * Every `*.gold.jsonl` of tests/fixtures/<dir> with its report built as the CLI builds it: the
 * corpus keeps its texts beside the gold files, the seed's text is the shipped one.
 */
export function goldCases(dir: 'seeds' | 'corpus'): GoldCase[] {
  const texts = dir === 'seeds' ? REPORTS : new URL('tests/fixtures/corpus/', ROOT);
  return listDir(new URL(`tests/fixtures/${dir}/`, ROOT), '.gold.jsonl').map(({ name, path }) => {
    const base = name.replace(/\.gold\.jsonl$/, '');
    const bytes = readFileSync(new URL(`${base}.txt`, texts));
    const report = buildReport({ id: base, file: base, bytes, defaultLicense: 'CC-BY-4.0' });
    const gold = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as GoldFigure);
    return { name: base, report, gold };
  });
}
