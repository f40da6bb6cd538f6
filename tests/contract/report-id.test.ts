import { describe, expect, it } from 'vitest';
import { isReportId } from '../../lambda/contract/report-id.ts';

describe('isReportId', () => {
  it.each([
    ['qingshi-2024', true],
    ['beijing.2026_gzbg', true],
    ['2024', true],
    ['Qingshi-2024', false],
    ['qingshi 2024', false],
    ['../escape-2024', false],
    ['a/b', false],
    ['-2024', false],
    ['qingshi--2024', false],
    ['qingshi-2024.', false],
    ['青石镇-2024', false],
    ['', false],
  ])('%j → %s', (id, expected) => {
    expect(isReportId(id)).toBe(expected);
  });
});
