import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatNumber,
  reportName,
  valueWithUnit,
} from '../../../lambda/pipeline/portal/format.ts';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [10000, '10,000'],
    [263475, '263,475'],
    [1234567.5, '1,234,567.5'],
    [0.12345, '0.12345'],
    [-2361, '-2,361'],
  ])('%d → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('the other formats', () => {
  it.each([
    [512, '512 B'],
    [15818, '15.4 KB'],
    [1335447, '1.3 MB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('writes a value with its unit and a report by its entity and year', () => {
    expect(valueWithUnit(2361, '件')).toBe('2,361 件');
    expect(valueWithUnit(98.5, '')).toBe('98.5');
    expect(reportName({ entity: '小王庄镇', year: 2023, id: 'xiaowangzhuang-2023' })).toBe('小王庄镇 2023');
    expect(reportName({ entity: '', year: null, id: 'xiaowangzhuang-2023' })).toBe('xiaowangzhuang-2023');
  });
});
