import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  magnitudeValue,
  parseArabicNumber,
  parseChineseInteger,
  parseNumber,
} from '../../../../lambda/pipeline/extract/numbers/numerals.ts';
import { toChineseNumeral } from '../../../support/chinese-numeral.ts';

describe('toChineseNumeral (test reference)', () => {
  it.each([
    [0, '零'],
    [10, '十'],
    [12, '十二'],
    [105, '一百零五'],
    [1200, '一千二百'],
    [35000, '三万五千'],
    [100000001, '一亿零一'],
    [1010, '一千零一十'],
  ])('%i → %s', (n, s) => {
    expect(toChineseNumeral(n)).toBe(s);
  });
});

describe('parseChineseInteger', () => {
  it.each([
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['一千二百', 1200],
    ['三万五千', 35000],
    ['零', 0],
    ['〇', 0],
    ['两千', 2000],
    ['千万', 10_000_000],
    ['亿', 100_000_000],
    ['三亿五千万', 350_000_000],
    ['一千二', 1200],
    ['三万五', 35000],
    ['廿', 20],
    ['廿三', 23],
    ['二〇二三', 2023],
  ])('%s = %i', (s, n) => {
    expect(parseChineseInteger(s)).toBe(n);
  });

  it.each(['', '一三', '十四五', '十百', '三个', '万万', 'abc', '一百零零五'])('rejects %j', (s) => {
    expect(parseChineseInteger(s)).toBeNull();
  });

  it('agrees with the reference writer for every integer up to 10^9', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        (n) => parseChineseInteger(toChineseNumeral(n)) === n,
      ),
      { numRuns: 5000 },
    );
  });

  it('agrees with the reference for small numbers exhaustively', () => {
    for (let n = 0; n <= 20_000; n++) expect(parseChineseInteger(toChineseNumeral(n))).toBe(n);
  });
});

describe('parseArabicNumber', () => {
  it.each([
    ['2361', 2361],
    ['１２', 12],
    ['1.8', 1.8],
    ['1·8', 1.8],
    ['３．５', 3.5],
    ['1,234', 1234],
    ['12，345', 12345],
    ['0.38', 0.38],
  ])('%s = %d', (s, n) => {
    expect(parseArabicNumber(s)).toBe(n);
  });

  it.each(['', '.', 'a1', '1.2.3'])('rejects %j', (s) => {
    expect(parseArabicNumber(s)).toBeNull();
  });
});

describe('parseNumber', () => {
  it.each([
    ['3.5万', 35000],
    ['1.2亿', 120_000_000],
    ['20.58万', 205_800],
    ['-6.2', -6.2],
    ['5千万', 50_000_000],
    ['一百零五', 105],
  ])('%s = %d', (s, n) => {
    expect(parseNumber(s)).toBeCloseTo(n, 6);
  });

  it('never throws and returns a finite number or null for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const n = parseNumber(s);
        return n === null || Number.isFinite(n);
      }),
    );
  });
});

describe('magnitudeValue', () => {
  it.each([
    ['万', 1e4],
    ['亿', 1e8],
    ['千万', 1e7],
    ['万亿', 1e12],
    ['元', null],
  ])('%s → %s', (w, v) => {
    expect(magnitudeValue(w)).toBe(v);
  });
});
