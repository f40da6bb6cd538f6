import { describe, expect, it } from 'vitest';
import { classOf } from '../../../lambda/pipeline/lexicon/char-class.ts';
import {
  CN_MAGNITUDES,
  CN_NUMERALS,
  CN_ONE_TO_TEN,
  CN_YEAR_DIGITS,
  DIGITS,
  isDecimalCode,
  isDigitCode,
  LIST_NUMBER_MARKS,
} from '../../../lambda/pipeline/lexicon/digits.ts';

/** The runs of `set` members in `text`. */
function runsOf(set: string, text: string): string[] {
  return text.match(new RegExp(`[${classOf(set)}]+`, 'gu')) ?? [];
}

describe('the digit and numeral sets by the runs they find in real text', () => {
  it.each([
    [
      'DIGITS',
      DIGITS,
      '预算收入2亿元,同比分别-6.2%、-19.3%，２０２３年',
      ['2', '6', '2', '19', '3', '２０２３'],
    ],
    [
      'CN_NUMERALS',
      CN_NUMERALS,
      '三万五千人，一百零五件，廿年，两个维护，二〇二三年',
      ['三万五千', '一百零五', '廿', '两', '二〇二三'],
    ],
    ['CN_ONE_TO_TEN', CN_ONE_TO_TEN, '（十一）一是两个维护', ['十一', '一']],
    ['CN_MAGNITUDES', CN_MAGNITUDES, '突破万亿元，超千亿元的县域', ['万亿', '千亿']],
    ['CN_YEAR_DIGITS', CN_YEAR_DIGITS, '二○二三年度，二〇二二年', ['二○二三', '二〇二二']],
    ['LIST_NUMBER_MARKS', LIST_NUMBER_MARKS, '一、总体情况 2．主要做法 3.成效', ['、', '．', '.']],
  ])('%s', (_, set, text, runs) => {
    expect(runsOf(set, text)).toEqual(runs);
  });
});

describe('the predicates by code agree with the sets', () => {
  it.each([...'0９５', ...'一两十', ...'.．·', ...'，%'])('%j', (ch) => {
    const code = ch.charCodeAt(0);
    expect(isDigitCode(code)).toBe(DIGITS.includes(ch));
    expect(isDecimalCode(code)).toBe('.．·'.includes(ch));
  });

  it('holds for every code, not just the ones tried', () => {
    for (let code = 0; code < 0x10000; code++) {
      expect(isDigitCode(code)).toBe(DIGITS.includes(String.fromCharCode(code)));
    }
  });
});
