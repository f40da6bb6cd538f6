import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../lambda/pipeline/extract/figures.ts';

const figures = (text: string) => extractFigures(text).map((f) => [f.text, f.value, f.unit, f.label]);

describe('extractFigures on hostile text', () => {
  it.each([
    ['digits split by a zero-width space', '共办理事项12\u200b34件。', []],
    ['digits split by a word joiner', '共办理事项12\u206034件。', []],
    [
      'a bidi override before the number, kept out of the label',
      '共办理事项\u202e1234件\u202c。',
      [['1234件', 1234, '件', '办理事项']],
    ],
    ['a zero-width space inside the label', '共办理\u200b事项56件。', [['56件', 56, '件', '办理事项']]],
    ['a count too large for a double', `共办理事项${'9'.repeat(400)}件。`, []],
    ['an amount past 2^53 once its magnitude is applied', `投入资金${'9'.repeat(12)}亿元。`, []],
    ['an amount still exact in a double', '投入资金9000万亿元。', [['9000万亿元', 9e15, '元', '资金']]],
    [
      'a decimal of 24 digits, as long as a figure may be',
      `产值增长0.${'5'.repeat(23)}%。`,
      [[`0.${'5'.repeat(23)}%`, 0.5555555555555556, '%', '产值增长']],
    ],
    ['a decimal of 25 digits, longer than a report writes', `产值增长0.${'5'.repeat(24)}%。`, []],
    [
      'a decimal of 100,000 digits, which would fill every row it is in',
      `调解成功率1.${'2'.repeat(100_000)}%。`,
      [],
    ],
    ['`123,` 24,000 times: one grouped run, and none of its tails', `受理${'123,'.repeat(24_000)}件。`, []],
  ])('%s', (_name, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });
});
