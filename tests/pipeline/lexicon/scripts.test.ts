import { describe, expect, it } from 'vitest';
import {
  HAN_RANGE,
  isHanCode,
  isLatinLetterCode,
  NAME_HAN_RANGE,
} from '../../../lambda/pipeline/lexicon/scripts.ts';

describe('the Han ranges', () => {
  it.each([
    ['镇', true, true],
    ['〇', false, false],
    ['㐀', false, true],
    ['（', false, false],
    ['A', false, false],
    ['鿿', true, true],
  ])('%s: Han %s, a name character %s', (ch, han, name) => {
    expect(new RegExp(`^[${HAN_RANGE}]$`, 'u').test(ch)).toBe(han);
    expect(isHanCode(ch.charCodeAt(0))).toBe(han);
    expect(new RegExp(`^[${NAME_HAN_RANGE}]$`, 'u').test(ch)).toBe(name);
  });

  it.each([
    ['京ICP备05070602号', '京ICP备05070602号'],
    ['川公网安备51010402000507号', '川公网安备51010402000507号'],
  ])('%s: the prefix a footer keeps is Han', (text, expected) => {
    expect(text.match(new RegExp(`[${HAN_RANGE}]{0,3}(?:ICP备|公网安备)\\d+号`, 'u'))?.[0]).toBe(expected);
  });
});

describe('isLatinLetterCode', () => {
  it.each([
    ['5A级景区', 1, true],
    ['ＩＣＰ备', 0, true],
    ['京ICP备', 0, false],
    ['2.5%', 1, false],
  ])('%s at %i: %s', (text, at, expected) => {
    expect(isLatinLetterCode(text.charCodeAt(at))).toBe(expected);
  });
});
