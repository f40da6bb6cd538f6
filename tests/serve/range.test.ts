import { describe, expect, it } from 'vitest';
import { byteRange, type RangeAnswer } from '../../lambda/serve/range.ts';

const whole: RangeAnswer = { kind: 'whole' };
const unsatisfiable: RangeAnswer = { kind: 'unsatisfiable' };
const part = (start: number, end: number): RangeAnswer => ({ kind: 'part', start, end });

describe('byteRange of a 100-byte file', () => {
  it.each<[string | undefined, RangeAnswer]>([
    [undefined, whole],
    ['bytes=0-0', part(0, 0)],
    ['bytes=0-99', part(0, 99)],
    ['bytes=10-', part(10, 99)],
    ['bytes=90-500', part(90, 99)],
    ['bytes=-10', part(90, 99)],
    ['bytes=-500', part(0, 99)],
    ['Bytes = 5 - 6 ', part(5, 6)],
    ['bytes=99-99', part(99, 99)],
    ['bytes=50-10', unsatisfiable],
    ['bytes=-0', unsatisfiable],
    ['bytes=100-', unsatisfiable],
    ['bytes=999999-', unsatisfiable],
    [`bytes=${'9'.repeat(30)}-`, unsatisfiable],
    ['bytes=-', unsatisfiable],
    ['bytes=', unsatisfiable],
    ['bytes=abc', unsatisfiable],
    ['bytes=1-2-3', unsatisfiable],
    ['bytes=0x10-', unsatisfiable],
    ['bytes=0-1,5-6', whole],
    ['bytes=50-10,0-1', whole],
    ['items=0-1', whole],
    ['', whole],
  ])('%j → %j', (header, answer) => {
    expect(byteRange(header, 100)).toEqual(answer);
  });

  it('any range of an empty file is unsatisfiable; no range is the whole (empty) file', () => {
    expect(byteRange('bytes=0-', 0)).toEqual(unsatisfiable);
    expect(byteRange('bytes=-1', 0)).toEqual(unsatisfiable);
    expect(byteRange(undefined, 0)).toEqual(whole);
  });
});
