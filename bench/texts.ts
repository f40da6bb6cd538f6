/**
 * The texts the benchmark reads, all from ../shared at run time (never copied into the project):
 * the 31 long 政府工作报告 as the speed corpus, repeated for the 10× and 100× scales, and the
 * hand-labelled gold reports for quality.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildReport, type Report } from '../lambda/pipeline/report.ts';
import type { GoldFigure } from '../tests/support/score.ts';

/** ../shared next to the project; a bundled worker, which lives elsewhere, is told by run.ts. */
const SHARED = process.env.OPENDATA_SHARED
  ? pathToFileURL(`${process.env.OPENDATA_SHARED}/`)
  : new URL('../../shared/', import.meta.url);

export const SHARED_DIR = fileURLToPath(SHARED);

function listDir(dir: string, suffix: string): { name: string; path: URL }[] {
  const url = new URL(`${dir}/`, SHARED);
  return readdirSync(url)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => ({ name, path: new URL(name, url) }));
}

export interface SpeedCorpus {
  /** The reports in order, the long corpus `scale` times over (the same strings, as a stream would see them). */
  texts: string[];
  /** UTF-8 bytes of all texts. */
  bytes: number;
}

export function speedCorpus(scale: number): SpeedCorpus {
  const long = listDir('long', '.txt').map(({ path }) => readFileSync(path, 'utf8'));
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

/** Every `*.gold.jsonl` of ../shared/<dir> with its report built as the CLI builds it. */
export function goldCases(dir: 'seeds' | 'corpus'): GoldCase[] {
  return listDir(dir, '.gold.jsonl').map(({ name, path }) => {
    const base = name.replace(/\.gold\.jsonl$/, '');
    const bytes = readFileSync(new URL(`${base}.txt`, path));
    const report = buildReport({ id: base, file: base, bytes, defaultLicense: 'CC-BY-4.0' });
    const gold = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as GoldFigure);
    return { name: base, report, gold };
  });
}
