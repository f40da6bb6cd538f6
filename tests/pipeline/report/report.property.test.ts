/**
 * Properties of the whole path (bytes → buildReport → figures), for any input: it never throws
 * anything but a ReportError, every figure's text is its span of the text, values are finite,
 * and figures sit in the body in order. Counts written in Chinese numerals read as the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../lambda/pipeline/build/build-report.ts';
import { extractFigures } from '../../../lambda/pipeline/extract/figures.ts';
import { ReportError } from '../../../lambda/pipeline/report/errors.ts';
import { toChineseNumeral } from '../../support/chinese-numeral.ts';

const PIECES = [
  ...'0123456789１２.．·,，、和-－万亿千百十余多约近超个件人次%％‰元吨亩年月日第“”《》（）()一二两三零〇|｜\t \u3000\n：:。；'.split(
    '',
  ),
  '一、',
  '（一）',
  '比上年增长',
  '合计',
  '单位：万元',
  '指标 | 绝对数(万元) | 增长(%) |\n',
  '地区生产总值 | 341 | 7.2 |\n',
  '-- | -- |\n',
  '某某镇2023年法治政府建设情况报告\n',
  '主办单位：某某镇人民政府\n',
];

function wellFormed(
  text: string,
  figures: Array<{ start: number; end: number; text: string; value: number }>,
) {
  let last = -1;
  for (const f of figures) {
    if (f.text !== text.slice(f.start, f.end) || !Number.isFinite(f.value) || f.start < last) return false;
    last = f.start;
  }
  return true;
}

function build(text: string) {
  return buildReport({
    id: 't',
    file: 't.txt',
    bytes: Buffer.from(text, 'utf8'),
    defaultLicense: 'CC-BY-4.0',
  });
}

describe('buildReport on any text', () => {
  it('never throws but ReportError, and every figure is its span of the text, finite, in the body', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((a) => a.join('')),
        ),
        (text) => {
          let report: ReturnType<typeof build>;
          try {
            report = build(text);
          } catch (error) {
            return error instanceof ReportError;
          }
          const { titleSpan, footerStart } = report.structure;
          return (
            wellFormed(report.text, report.figures) &&
            report.figures.every((f) => f.start >= titleSpan.end && f.end <= footerStart)
          );
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('Chinese numerals in running text', () => {
  it('reads a count written in Chinese numerals as the reference writes it, up to 10^9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1_000_000_000 }), (n) => {
        const text = `全年调解纠纷${toChineseNumeral(n)}件。`;
        const figures = extractFigures(text);
        return figures.length === 1 && figures[0]?.value === n && figures[0].unit === '件';
      }),
      { numRuns: 3000 },
    );
  });

  it('reads Arabic counts with magnitudes exactly, up to 10^9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
        const text = `投入资金${(n / 10 ** d).toFixed(d)}万元。`;
        const [f] = extractFigures(text);
        return f !== undefined && Math.abs(f.value - (n / 10 ** d) * 1e4) < 1e-6 && f.unit === '元';
      }),
    );
  });
});

it('keeps its 50 MB/s promise on a large input in linear time (a smoke test, not the benchmark)', () => {
  const unit = '全年粮食总产量45.6万吨，比上年增长2.1%。其中小麦12.3万吨，玉米33.3万吨。\n';
  const small = unit.repeat(2_000);
  const large = unit.repeat(20_000);
  const time = (t: string) => {
    const t0 = performance.now();
    extractFigures(t);
    return performance.now() - t0;
  };
  time(small);
  const ratio = time(large) / Math.max(time(small), 1);
  expect(ratio).toBeLessThan(40);
});
