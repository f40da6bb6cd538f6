/**
 * `npm run bench [-- --json] [-- --mb N]`: extraction throughput on the 31 long reports repeated to
 * N MB (default 20), against a bare digit-regex scan as the speed ceiling, and extraction quality
 * over ../shared/seeds and ../shared/corpus. Ratios within one run are what to compare: the machine
 * is shared and noisy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractFigures } from '../lambda/pipeline/figures.ts';
import { buildReport } from '../lambda/pipeline/report.ts';
import { type GoldFigure, scoreFigures } from '../tests/support/score.ts';

const SHARED = new URL('../../shared/', import.meta.url);
const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, mb: { type: 'string', default: '20' } },
});

function readDir(dir: string, suffix: string): { name: string; path: URL }[] {
  const url = new URL(`${dir}/`, SHARED);
  return readdirSync(url)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => ({ name, path: new URL(name, url) }));
}

const long = readDir('long', '.txt').map(({ path }) => readFileSync(path, 'utf8'));
const targetBytes = Number(values.mb) * 1e6;
const texts: string[] = [];
let bytes = 0;
for (let i = 0; bytes < targetBytes; i++) {
  const text = long[i % long.length] as string;
  texts.push(text);
  bytes += Buffer.byteLength(text);
}

/** Best of three passes: the least disturbed by other work on the machine. */
function throughput(run: (text: string) => number): { mbPerS: number; items: number } {
  let best = Number.POSITIVE_INFINITY;
  let items = 0;
  for (let pass = 0; pass < 3; pass++) {
    const started = process.hrtime.bigint();
    items = 0;
    for (const text of texts) items += run(text);
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return { mbPerS: bytes / 1e6 / best, items };
}

const DIGITS = /[0-9０-９]+(?:[.．][0-9０-９]+)?/g;
const regex = throughput((text) => text.match(DIGITS)?.length ?? 0);
const ours = throughput((text) => extractFigures(text).length);
const peakRssMb = process.resourceUsage().maxRSS / 1024;

function goldCases(dir: string) {
  return readDir(dir, '.gold.jsonl').map(({ name, path }) => {
    const base = name.replace(/\.gold\.jsonl$/, '');
    const file = new URL(`${base}.txt`, path);
    const report = buildReport({
      id: base,
      file: base,
      bytes: readFileSync(file),
      defaultLicense: 'CC-BY-4.0',
    });
    const gold = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as GoldFigure);
    return scoreFigures(report.figures, gold);
  });
}

function micro(scores: ReturnType<typeof goldCases>) {
  const sum = (key: 'tp' | 'fp' | 'fn' | 'labelHits' | 'labelTotal') =>
    scores.reduce((a, s) => a + s[key], 0);
  const [tp, fp, fn] = [sum('tp'), sum('fp'), sum('fn')];
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  return { precision, recall, f1, label_accuracy: sum('labelHits') / (sum('labelTotal') || 1) };
}

const extract = {
  name: 'extract',
  mb: bytes / 1e6,
  ours_mb_s: ours.mbPerS,
  regex_mb_s: regex.mbPerS,
  ours_to_regex: ours.mbPerS / regex.mbPerS,
  figures: ours.items,
  peak_rss_mb: peakRssMb,
};
const seed = micro(goldCases('seeds'));
const corpus = micro(goldCases('corpus'));

if (values.json) {
  for (const result of [extract, { name: 'quality-seed', ...seed }, { name: 'quality-corpus', ...corpus }]) {
    console.log(JSON.stringify(result));
  }
} else {
  const f = (x: number, d = 1) => x.toFixed(d);
  console.log(`Extraction over ${f(extract.mb)} MB of long reports (best of 3):`);
  console.log('| scanner | MB/s | figures or matches |\n|---|---|---|');
  console.log(`| ours (extractFigures) | ${f(extract.ours_mb_s)} | ${extract.figures} |`);
  console.log(`| digit regex (ceiling) | ${f(extract.regex_mb_s)} | ${regex.items} |`);
  console.log(`ours / regex: ${f(extract.ours_to_regex, 3)}; peak RSS ${f(extract.peak_rss_mb, 0)} MB\n`);
  console.log('| gold | precision | recall | F1 | label accuracy |\n|---|---|---|---|---|');
  for (const [name, s] of [
    ['seed', seed],
    ['corpus (micro)', corpus],
  ] as const) {
    console.log(
      `| ${name} | ${f(s.precision, 3)} | ${f(s.recall, 3)} | ${f(s.f1, 3)} | ${f(s.label_accuracy, 3)} |`,
    );
  }
}
