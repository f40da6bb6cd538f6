/**
 * The publishing benchmark's reports (bench/generated-reports.ts) are what it claims to measure:
 * the same for the same index on every run, each its own (distinct sentences growing with the
 * number of reports, not 31 texts repeated), of the genre (the title parses to its town, year and
 * kind, the extractor finds figures in the body), and an edit changes one figure, not the title.
 */
import { describe, expect, it } from 'vitest';
import {
  changeReportText,
  type GeneratedReport,
  generateReport,
  loadSourcePool,
  mulberry32,
  SentenceCounter,
  spreadIndices,
  varyNumber,
} from '../../bench/generated-reports.ts';
import { buildReport } from '../../lambda/pipeline/build/build-report.ts';
import type { Report } from '../../lambda/pipeline/report/report.ts';

const pool = loadSourcePool();
const COUNT = 200;
const reports: GeneratedReport[] = Array.from({ length: COUNT }, (_, i) => generateReport(pool, i));
const build = (g: GeneratedReport): Report =>
  buildReport({ id: g.id, file: `${g.id}.txt`, bytes: Buffer.from(g.text), defaultLicense: 'CC-BY-4.0' });

function distinctOf(texts: GeneratedReport[]): { sentences: number; distinct: number } {
  const counter = new SentenceCounter();
  for (const report of texts) counter.add(report.text);
  return counter.count();
}

describe('generated benchmark reports', () => {
  it('are the same for the same index, from a pool read afresh, and differ between indices', () => {
    const again = loadSourcePool();
    for (const i of [0, 1, 57, 199, 49_999])
      expect(generateReport(again, i)).toEqual(generateReport(pool, i));
    expect(new Set(reports.map((r) => r.text)).size).toBe(COUNT);
    expect(new Set(reports.map((r) => r.id)).size).toBe(COUNT);
    expect(new Set(reports.map((r) => r.entity)).size).toBe(COUNT);
  });

  it('have mostly distinct sentences, more of them the more reports there are', () => {
    const all = distinctOf(reports);
    const half = distinctOf(reports.slice(0, COUNT / 2));
    expect(all.distinct / all.sentences).toBeGreaterThan(0.8);
    expect(all.distinct / half.distinct).toBeGreaterThan(1.8);
  });

  it('are a town report long, opening with a title that parses to their town, year and kind', () => {
    for (const generated of reports) {
      expect(generated.text.length).toBeGreaterThanOrEqual(2_500);
      expect(generated.text.length).toBeLessThan(7_000);
      const report = build(generated);
      expect(generated.text.startsWith(`${generated.title}\n`)).toBe(true);
      expect([report.title, report.entity, report.year, report.kind]).toEqual([
        generated.title,
        generated.entity,
        generated.year,
        generated.kind,
      ]);
      expect(report.structure.headings.length).toBeGreaterThan(2);
    }
    expect(new Set(reports.map((r) => r.kind)).size).toBeGreaterThan(2);
  });

  it('carry figures the extractor finds: more than 10 in nine reports of ten', () => {
    const figures = reports.map((g) => build(g).figures.length);
    expect(figures.filter((n) => n > 10).length).toBeGreaterThanOrEqual(0.9 * COUNT);
    expect(Math.min(...figures)).toBeGreaterThan(0);
  });
});

describe('changing a generated report', () => {
  it('changes one number of its body by one in its last place, a figure of it in most reports', () => {
    const changedFigures = reports.slice(0, 40).map((generated) => {
      const changed = changeReportText(generated.text);
      expect(changed).not.toBe(generated.text);
      expect(changed.split('\n')[0]).toBe(generated.title);
      expect(changed.length - generated.text.length).toBeLessThanOrEqual(1);
      const before = build(generated).figures.map((f) => f.value);
      const after = build({ ...generated, text: changed }).figures.map((f) => f.value);
      expect(after.length).toBe(before.length);
      return after.filter((value, i) => value !== before[i]).length;
    });
    expect(Math.max(...changedFigures)).toBe(1);
    expect(changedFigures.filter((n) => n === 1).length).toBeGreaterThanOrEqual(32);
  });

  it('spreads 1% of the reports over the indices, at least one', () => {
    const picked = spreadIndices(1_000, 0.01);
    expect(picked).toHaveLength(10);
    expect(new Set(picked).size).toBe(10);
    expect(picked.every((i) => i >= 0 && i < 1_000)).toBe(true);
    expect(spreadIndices(50, 0.01)).toEqual([25]);
  });
});

describe('a varied number', () => {
  const rng = mulberry32(42);

  it.each([
    ['5.5', '%，'],
    ['99.2', '％'],
    ['2361', '件'],
    ['7', '个'],
    ['0.85', '万亿元'],
  ])('keeps the shape of %s before %s', (digits, after) => {
    for (let i = 0; i < 200; i++) {
      const varied = varyNumber(rng, digits, after);
      const [whole, fraction] = digits.split('.');
      expect(varied).toMatch(fraction ? new RegExp(`^\\d+\\.\\d{${fraction.length}}$`) : /^\d+$/);
      expect(varied.split('.')[0]?.length).toBeLessThanOrEqual((whole as string).length);
      if (after.startsWith('%') || after.startsWith('％')) expect(Number(varied)).toBeLessThan(100);
    }
  });

  it('moves a year by the shift and keeps months in range', () => {
    expect(varyNumber(rng, '2025', '年', -3)).toBe('2022');
    expect(varyNumber(rng, '2025', '—2030年', 1)).toBe('2026');
    for (let i = 0; i < 50; i++) expect(Number(varyNumber(rng, '11', '月'))).toBeLessThanOrEqual(12);
  });
});
