import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../lambda/pipeline/figures.ts';

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
  ])('%s', (_name, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });
});
