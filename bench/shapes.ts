/**
 * `npx tsx bench/shapes.ts [--json] [--budget S] [--kb K]`: the whole per-report build of reports of
 * pathological shapes (tests/support/pathological.ts), beside the reports shipped in data/reports.
 * One pass is what publish does for a report (extraction, its page and checks) plus its share of the
 * datasets, written as CSV, JSON and XLSX; the best pass of those made in `budget` seconds counts.
 * Each shape is measured at about K KB and at twice that, and the ratio of the two times says
 * whether its cost is linear (2) or not (4 for a quadratic one). Extraction (buildReport) alone is
 * timed too.
 *
 * Exits 1 when a shape would take more than `--max-s` seconds at the 1 MiB input limit (linearly
 * from its size here), grows more than `--max-ratio` times when doubled, or has a dataset row over
 * `--max-row` bytes: a benchmark may hold a bar that a test may not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildReport } from '../lambda/pipeline/build/build-report.ts';
import { reportPages } from '../lambda/pipeline/build/report-pages.ts';
import { reportDatasets } from '../lambda/pipeline/build/report-rows.ts';
import { bodyBytes } from '../lambda/pipeline/formats/chunks.ts';
import { datasetCsvChunks, datasetJsonChunks } from '../lambda/pipeline/formats/csv.ts';
import { datasetXlsxChunks } from '../lambda/pipeline/formats/xlsx.ts';
import { parseSiteSettings } from '../lambda/pipeline/report/settings.ts';
import { PROJECT_CATALOG } from '../lambda/publish/project-catalog.ts';
import { SHAPES } from '../tests/support/pathological.ts';
import { ROOT_DIR } from './texts.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    budget: { type: 'string', default: '2' },
    kb: { type: 'string', default: '250' },
    /** A tenth of the Lambda's 5 minutes for one report at the size limit. */
    'max-s': { type: 'string', default: '30' },
    'max-ratio': { type: 'string', default: '3' },
    /** The shipped reports' largest row is 1,139 bytes: a figure under a 192-character heading path. */
    'max-row': { type: 'string', default: '1280' },
  },
});
const settings = parseSiteSettings(readFileSync(`${ROOT_DIR}data/site.json`), 'data/site.json');

/** What one pass of one report makes. */
interface Pass {
  figures: number;
  written: number;
  /** Bytes of the largest row (as JSON) of any dataset but indicators-wide, whose row is the catalog's width. */
  largestRow: number;
}

export interface ShapeResult {
  name: string;
  what: string;
  kb: number;
  figures: number;
  /** buildReport alone: bytes → text → structure → figures. */
  extraction_mb_s: number;
  seconds: number;
  mb_s: number;
  /** Seconds of the whole build at the 1 MiB limit, linearly from this size. */
  s_at_limit: number;
  written_mb: number;
  largest_row: number;
  /** Seconds at twice the size over seconds at this size (absent for the shipped reports). */
  doubled?: number;
}

/** The whole per-report build of one report, everything it writes made and measured. */
function pass(id: string, bytes: Uint8Array): Pass {
  const report = buildReport({ id, file: `${id}.txt`, bytes, defaultLicense: 'CC-BY-4.0' });
  const built = {
    files: reportPages(settings, report, PROJECT_CATALOG),
    datasets: reportDatasets(settings, report, PROJECT_CATALOG),
  };
  let written = 0;
  for (const file of built.files) written += bodyBytes(file.body).byteLength;
  let largestRow = 0;
  for (const dataset of built.datasets) {
    for (const body of [datasetCsvChunks(dataset), datasetJsonChunks(dataset), datasetXlsxChunks(dataset)])
      written += body.entry.bytes;
    if (dataset.name === 'indicators-wide') continue;
    for (const row of dataset.rows) largestRow = Math.max(largestRow, Buffer.byteLength(JSON.stringify(row)));
  }
  return { figures: report.figures.length, written, largestRow };
}

/** One pass over `inputs`: what it made, summed. */
function passes(inputs: readonly [string, Uint8Array][]): Pass {
  const made: Pass = { figures: 0, written: 0, largestRow: 0 };
  for (const [id, bytes] of inputs) {
    const one = pass(id, bytes);
    made.figures += one.figures;
    made.written += one.written;
    made.largestRow = Math.max(made.largestRow, one.largestRow);
  }
  return made;
}

/**
 * The best seconds of each of `runs`, made in interleaved rounds for `budgetS` (two rounds at
 * least), so that a burst of other load cannot land on one of them only.
 */
function bestTimes(runs: readonly (() => unknown)[], budgetS: number): number[] {
  const best = runs.map(() => Number.POSITIVE_INFINITY);
  const until = performance.now() + budgetS * 1000;
  for (let round = 0; round < 2 || performance.now() < until; round++)
    runs.forEach((run, i) => {
      const start = performance.now();
      run();
      best[i] = Math.min(best[i] as number, (performance.now() - start) / 1000);
    });
  return best;
}

/** `inputs` measured, and `doubled` (the same shape at twice the size) beside it when given. */
function measure(
  name: string,
  what: string,
  inputs: [string, Uint8Array][],
  budgetS: number,
  doubled?: [string, Uint8Array][],
): ShapeResult {
  const bytes = inputs.reduce((sum, [, b]) => sum + b.byteLength, 0);
  const made = passes(inputs);
  const [seconds = 0, twice] = bestTimes(
    [inputs, ...(doubled ? [doubled] : [])].map((each) => () => passes(each)),
    budgetS,
  );
  const extract = (each: typeof inputs) =>
    each.map(([id, b]) => buildReport({ id, file: `${id}.txt`, bytes: b, defaultLicense: 'CC-BY-4.0' }));
  const [extraction = 0] = bestTimes([() => extract(inputs)], budgetS / 2);
  return {
    name,
    what,
    kb: bytes / 1024,
    figures: made.figures,
    extraction_mb_s: bytes / 1e6 / extraction,
    seconds,
    mb_s: bytes / 1e6 / seconds,
    s_at_limit: (seconds * MIB) / bytes,
    written_mb: made.written / 1e6,
    largest_row: made.largestRow,
    ...(twice === undefined ? {} : { doubled: twice / seconds }),
  };
}

const MIB = 1024 * 1024;

/** The n at which a shape is about `kb` KB (sizes grow linearly with n). */
function sizeFor(text: (n: number) => string, kb: number): number {
  const probe = 100;
  const bytes = Buffer.byteLength(text(probe));
  return Math.max(1, Math.round((probe * kb * 1024) / bytes));
}

const encode = (text: string) => new TextEncoder().encode(text);
const budget = Number(values.budget);
const results: ShapeResult[] = [];
const reportsDir = `${ROOT_DIR}data/reports/`;
const shipped = readdirSync(reportsDir)
  .filter((name) => name.endsWith('.txt'))
  .map((name): [string, Uint8Array] => [name.slice(0, -4), readFileSync(reportsDir + name)]);
results.push(
  measure('shipped', `the ${shipped.length} reports of data/reports, one after the other`, shipped, budget),
);
for (const shape of SHAPES) {
  const n = sizeFor(shape.text, Number(values.kb));
  const at = (size: number): [string, Uint8Array][] => [['qingshi-2024', encode(shape.text(size))]];
  results.push(measure(shape.name, shape.what, at(n), budget, at(2 * n)));
}

const failures = results.flatMap((r) => [
  ...(r.s_at_limit > Number(values['max-s']) ? [`${r.name}: ${r.s_at_limit.toFixed(1)} s at 1 MiB`] : []),
  ...(r.doubled !== undefined && r.doubled > Number(values['max-ratio'])
    ? [`${r.name}: ${r.doubled.toFixed(2)}× the time at twice the size`]
    : []),
  ...(r.largest_row > Number(values['max-row']) ? [`${r.name}: a row of ${r.largest_row} bytes`] : []),
]);
if (values.json) for (const r of results) console.log(JSON.stringify({ ...r, name: `shape-${r.name}` }));
else printTable(results);
if (failures.length > 0) {
  console.error(`Below the bar: ${failures.join('; ')}`);
  process.exitCode = 1;
}

function printTable(rows: readonly ShapeResult[]): void {
  const f = (x: number, d: number) => x.toFixed(d);
  console.log(
    '\nThe whole per-report build (extraction, page, checks, rows in CSV, JSON and XLSX), best pass:\n',
  );
  console.log(
    '| input | KB | figures | extraction MB/s | build s | build MB/s | s at 1 MiB | MB written | largest row (B) | time at 2× size |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.name}: ${r.what} | ${f(r.kb, 0)} | ${r.figures} | ${f(r.extraction_mb_s, 1)} | ${f(r.seconds, 3)} | ${f(r.mb_s, 2)} | ${f(r.s_at_limit, 1)} | ${f(r.written_mb, 1)} | ${r.largest_row} | ${r.doubled === undefined ? '–' : `${f(r.doubled, 2)}×`} |`,
    );
}
