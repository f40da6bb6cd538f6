/**
 * The cost of one report is linear in it (#13): for each pathological shape, twice the input is
 * about twice the work of the whole per-report build (extraction, page, checks, and its rows in
 * CSV, JSON and XLSX), and the output is bounded (no dataset row over ROW_LIMIT, the output a constant
 * times the input). Work is counted (tests/support/work.ts), never timed: timings are for the
 * benchmark (npm run bench, bench/shapes.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lambda/pipeline/build/build-report.ts';
import { reportPages } from '../../lambda/pipeline/build/report-pages.ts';
import { reportDatasets } from '../../lambda/pipeline/build/report-rows.ts';
import { bodyBytes } from '../../lambda/pipeline/formats/chunks.ts';
import { datasetCsvChunks, datasetJsonChunks } from '../../lambda/pipeline/formats/csv.ts';
import { datasetXlsxChunks } from '../../lambda/pipeline/formats/xlsx.ts';
import { PROJECT_CATALOG } from '../../lambda/publish/project-catalog.ts';
import { SHAPES, type Shape } from '../support/pathological.ts';
import { settings } from '../support/publication.ts';
import { countWork } from '../support/work.ts';

/** Sizes small enough for a watched run, big enough that the fixed part (the catalog, the page's frame) is small. */
const SIZES: Record<string, number> = {
  'long-sentence': 600,
  commas: 12_000,
  headings: 6_000,
  'long-heading': 20_000,
  'seed-repeated': 3,
  'wide-table': 600,
  'digit-runs': 40_000,
};
/**
 * The largest row a dataset may have, in bytes of JSON (the shipped reports' largest: 1,139). A
 * figure's period, status and change (#17) add about 45 bytes to every figure row: 1 KB and them.
 */
const ROW_LIMIT = 1024 + 48;
/**
 * At most this many bytes written per byte read. The densest shape is the wide table: a cell of 11
 * bytes is a figure, which is a row in three formats of two datasets, a mark on the page and a
 * check against the same indicator's first figure (about 5 KB in all).
 */
const OUTPUT_PER_BYTE = 600;
/** A report with a title and nothing else: the part of the work and output that is not the input's. */
const EMPTY = '青石镇2024年法治政府建设情况报告\n';

interface Cost {
  input: number;
  work: number;
  output: number;
  largestRow: number;
}

/** The whole per-report build of `text`: its work, the bytes it writes and its largest row. */
function cost(text: string): Cost {
  const bytes = new TextEncoder().encode(text);
  const { result, work } = countWork(() => {
    const report = buildReport({
      id: 'qingshi-2024',
      file: 'qingshi-2024.txt',
      bytes,
      defaultLicense: 'CC-BY-4.0',
    });
    const built = {
      files: reportPages(settings, report, PROJECT_CATALOG),
      datasets: reportDatasets(settings, report, PROJECT_CATALOG),
    };
    let output = 0;
    for (const file of built.files) output += bodyBytes(file.body).byteLength;
    for (const dataset of built.datasets)
      for (const body of [datasetCsvChunks(dataset), datasetJsonChunks(dataset), datasetXlsxChunks(dataset)])
        output += body.entry.bytes;
    return { output, datasets: built.datasets };
  });
  let largestRow = 0;
  // indicators-wide has one column per indicator of the catalog, however small the report.
  for (const dataset of result.datasets.filter((d) => d.name !== 'indicators-wide'))
    for (const row of dataset.rows) largestRow = Math.max(largestRow, Buffer.byteLength(JSON.stringify(row)));
  return { input: bytes.byteLength, work, output: result.output, largestRow };
}

describe('one report of a pathological shape costs work and output linear in it', () => {
  it.each(SHAPES.map((shape): [string, Shape] => [shape.name, shape]))(
    '%s: twice the input is about twice the work and the output',
    (name, shape) => {
      const n = SIZES[name] as number;
      const empty = cost(EMPTY);
      const small = cost(shape.text(n));
      const large = cost(shape.text(2 * n));
      const grown = (of: keyof Cost) => (large[of] - empty[of]) / (small[of] - empty[of]);
      expect(grown('input')).toBeCloseTo(2, 1);
      expect(grown('work')).toBeGreaterThan(1.7);
      expect(grown('work')).toBeLessThan(2.2);
      expect(grown('output')).toBeLessThan(2.2);
      expect(large.output).toBeLessThan(OUTPUT_PER_BYTE * large.input);
      expect(large.largestRow).toBeLessThanOrEqual(ROW_LIMIT);
    },
  );
});
