import { describe, expect, it } from 'vitest';
import {
  alternationOf,
  charSetOf,
  classOf,
  codeTableOf,
} from '../../../lambda/pipeline/lexicon/char-class.ts';
import { DIGITS, MINUS_SIGNS } from '../../../lambda/pipeline/lexicon/digits.ts';
import { CLOSERS, QUOTE_MARKS, SENTENCE_ENDS } from '../../../lambda/pipeline/lexicon/punctuation.ts';

describe('classOf: a set as the body of a RegExp character class', () => {
  it.each([
    ['sentence ends', SENTENCE_ENDS, '。！？!?'],
    ['minus signs: the hyphen is no range', MINUS_SIGNS, '\\-－−'],
    ['brackets, caret, backslash and slash', '[]^\\/', '\\[\\]\\^\\\\\\/'],
    ['closers with both straight quotes', CLOSERS, '”’」』）)》】〕"\''],
  ])('%s', (_, chars, body) => {
    expect(classOf(chars)).toBe(body);
  });

  it.each([
    [MINUS_SIGNS, '-6.2%', '-'],
    [MINUS_SIGNS, '－19.3%', '－'],
    [MINUS_SIGNS, '6.2%', null],
    ['[]^\\/', '【网站】[链接]', '['],
    [QUOTE_MARKS, '开展“常态化扫黑除恶”主题活动', '“'],
    [QUOTE_MARKS, '重点学习《反有组织犯罪法》', '《'],
    [DIGITS, '２０２３年', '２'],
  ])('[classOf(%j)] finds %j at %j, with and without the u flag', (chars, text, first) => {
    for (const flags of ['', 'u']) {
      expect(new RegExp(`[${classOf(chars)}]`, flags).exec(text)?.[0] ?? null).toBe(first);
    }
  });

  it('a class of every set matches its members and nothing between them', () => {
    const chars = `${SENTENCE_ENDS}${MINUS_SIGNS}[]^\\/`;
    const re = new RegExp(`^[${classOf(chars)}]$`, 'u');
    for (const ch of chars) expect(re.test(ch)).toBe(true);
    for (const ch of '.,]0a，、—') if (!chars.includes(ch)) expect(re.test(ch)).toBe(false);
  });
});

describe('charSetOf and codeTableOf', () => {
  it.each([
    ['“', true],
    ['”', true],
    ['《', true],
    ['“放管服”', false],
    ['，', false],
  ])('%j is a quote mark: %s', (ch, is) => {
    expect(charSetOf(QUOTE_MARKS).has(ch)).toBe(is);
    if (ch.length === 1) expect(codeTableOf(QUOTE_MARKS)[ch.charCodeAt(0)] === 1).toBe(is);
  });
});

describe('alternationOf: words as a non-capturing alternation, in order', () => {
  it.each([
    [['增长', '增加'], '(?:增长|增加)'],
    [['1.5', 'a|b', '(x)'], '(?:1\\.5|a\\|b|\\(x\\))'],
  ])('%j → %s', (words, source) => {
    expect(alternationOf(words)).toBe(source);
    expect(() => new RegExp(source, 'u')).not.toThrow();
  });

  it('matches the earlier word where two start alike', () => {
    expect(new RegExp(alternationOf(['季', '季度'])).exec('每季度召开1次')?.[0]).toBe('季');
    expect(new RegExp(alternationOf(['季度', '季'])).exec('每季度召开1次')?.[0]).toBe('季度');
  });
});
