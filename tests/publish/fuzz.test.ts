/**
 * Thousands of random, mutated and pathological reports through read → extract → publish: publish
 * never throws, every report is either published or named in the problems, every published figure
 * is its own span of the published source.txt, and no dataset row grows past ~1 KB. Batches of
 * reports go into an in-memory store to keep it quick.
 *
 * In `npm test` it makes ≈1,300 reports from a fixed seed; `npm run fuzz` makes ≥ 10,000 from a new
 * seed each time (OPENDATA_FUZZ_RUNS, OPENDATA_FUZZ_SEED; a failure prints the seed to replay).
 */
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { publish } from '../../lambda/publish/publish.ts';
import { parseCsv } from '../support/csv.ts';
import { MemoryStore } from '../support/memory-store.ts';
import { settings } from '../support/publication.ts';
import { SEED } from '../support/temp.ts';
import { hostileSidecar, pathologicalText } from './fuzz-shapes.ts';

const seed = await readFile(SEED, 'utf8');
const RUNS = Number(process.env.OPENDATA_FUZZ_RUNS ?? 40);
const SEED_NUMBER =
  process.env.OPENDATA_FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.OPENDATA_FUZZ_SEED ?? 20261127);
/** Pathological shapes stay small in CI and grow in npm run fuzz. */
const SCALE = RUNS > 40 ? 3_000 : 600;
/** A dataset row's bytes in JSON: a figure's sentence is a window, so rows stay small. */
const MAX_ROW_BYTES = 1_500;

const PIECES = [
  ...'0123456789１２.．,，、万亿千百十余多约近超个件人次%％元一二两三〇\n\t 。；：（）《》“”'.split(''),
  '一、',
  '（一）',
  '比上年增长',
  '合计',
  '其中',
  '调解成功率',
  '某某镇2024年法治政府建设情况报告\n',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\ud800',
  '</title><script>alert(1)</script>',
  ']]>',
  '=HYPERLINK("x")',
  '@SUM(A1)',
  '<!DOCTYPE html>',
  '9'.repeat(400),
];

/** A stretch of the seed, cut, spliced with pieces and hostile characters. */
const mutatedText = fc
  .tuple(
    fc.nat(seed.length),
    fc.integer({ min: 0, max: 1500 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...PIECES)), { maxLength: 12 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(40)), { maxLength: 3 }),
  )
  .map(([from, length, inserts, cuts]) => {
    let text = seed.slice(from, from + length);
    for (const [at, piece] of inserts) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + piece + text.slice(i);
    }
    for (const [at, n] of cuts) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + text.slice(i + n);
    }
    return text;
  });

const ENCODINGS: ((text: string) => Uint8Array)[] = [
  (t) => Buffer.from(t, 'utf8'),
  (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
  (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
  (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]),
  (t) => iconv.encode(t, 'gb18030'),
];

/** The bytes of one report: random bytes, or a mutated text in some encoding with a byte flipped now and then. */
const reportBytes = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: pathologicalText(SCALE).map((text) => new Uint8Array(Buffer.from(text, 'utf8'))) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        mutatedText,
        fc.nat(ENCODINGS.length - 1),
        fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { freq: 4 }),
      )
      .map(([text, encoding, flip]) => {
        const bytes = Uint8Array.from((ENCODINGS[encoding] as (t: string) => Uint8Array)(text));
        if (flip && bytes.length > 0) bytes[flip[0] % bytes.length] = flip[1];
        return bytes;
      }),
  },
);

const sidecar = fc.option(
  fc.oneof(
    fc.constant('{"year": 2024, "entity": "某某镇"}'),
    fc.constant('{"year": "2024"}'),
    fc.constant('{"title": "</title><script>]]>"}'),
    fc.string({ maxLength: 30 }),
    hostileSidecar,
  ),
  { freq: 3 },
);

describe('publish on random and mutated reports', () => {
  it('never crashes, accounts for every report and keeps every figure on its span', async () => {
    let reports = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(reportBytes, sidecar), { minLength: 20, maxLength: 80 }),
        async (batch) => {
          reports += batch.length;
          const source = new MemoryStore('mem://reports/');
          batch.forEach(([bytes, meta], i) => {
            source.objects.set(`r${i}.txt`, bytes);
            if (meta !== null) source.objects.set(`r${i}.meta.json`, Buffer.from(meta, 'utf8'));
          });
          const target = new MemoryStore();
          const summary = await publish({ source, target, settings });
          const ids = batch.map((_, i) => `r${i}`).sort();
          expect([...summary.reports, ...summary.problems.map((p) => p.id)].sort()).toEqual(ids);
          for (const problem of summary.problems) expect(problem.problem).toMatch(/\S/);
          const figures = JSON.parse(target.text('data/figures.json') ?? '') as {
            report_id: string;
            start: number;
            end: number;
            text: string;
            value: number;
          }[];
          expect(parseCsv(target.text('data/figures.csv') ?? '')).toHaveLength(figures.length + 1);
          const sources = new Map(
            summary.reports.map((id) => [id, target.text(`reports/${id}/source.txt`) ?? '']),
          );
          for (const figure of figures) {
            expect(sources.get(figure.report_id)?.slice(figure.start, figure.end)).toBe(figure.text);
            expect(Number.isFinite(figure.value)).toBe(true);
            expect(Buffer.byteLength(JSON.stringify(figure))).toBeLessThanOrEqual(MAX_ROW_BYTES);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED_NUMBER },
    );
    console.log(`fuzz: ${reports} reports in ${RUNS} batches, seed ${SEED_NUMBER}`);
    expect(reports).toBeGreaterThan(RUNS * 30);
  }, 0);
});
