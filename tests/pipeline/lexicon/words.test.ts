import { describe, expect, it } from 'vitest';
import { alternationOf } from '../../../lambda/pipeline/lexicon/char-class.ts';
import {
  BOUNDS_AFTER_DURATION,
  BOUNDS_AFTER_UNIT,
  CHANGE_WORDS,
  isListSeparatorCode,
  LABEL_CHANGE_WORDS,
  PERIOD_WORDS,
  PREVIOUS_YEAR_WORDS,
  TOTAL_WORDS,
} from '../../../lambda/pipeline/lexicon/words.ts';

/** Every match of the words in `text`, as the regexes built from them find them. */
function found(words: readonly string[], text: string): string[] {
  return text.match(new RegExp(alternationOf(words), 'gu')) ?? [];
}

describe('the word lists by what they find in real sentences', () => {
  it.each([
    [
      'CHANGE_WORDS',
      CHANGE_WORDS,
      '售总额13.1亿元,同比增长20.4%,居民收入分别提高到60%、降幅收窄',
      ['增长', '提高'],
    ],
    [
      'LABEL_CHANGE_WORDS',
      LABEL_CHANGE_WORDS,
      '售总额13.1亿元,同比增长20.4%,居民收入分别提高到60%、降幅收窄',
      ['增长', '提高', '降幅'],
    ],
    [
      'PREVIOUS_YEAR_WORDS',
      PREVIOUS_YEAR_WORDS,
      '比上年增长5.4%，较去年减少3件，比上一年提高',
      ['上年', '去年', '上一年'],
    ],
    ['PERIOD_WORDS: 每半年 before 年', PERIOD_WORDS, '每半年听取一次', ['半年']],
    ['PERIOD_WORDS: 季度 before 季', PERIOD_WORDS, '每季度召开1次', ['季度']],
    ['TOTAL_WORDS', TOTAL_WORDS, '满意163条，合计965条，总数3家', ['合计', '总数']],
    ['BOUNDS_AFTER_UNIT', BOUNDS_AFTER_UNIT, '亿元以上重大项目，3个工作日以内办结', ['以上', '以内']],
    ['BOUNDS_AFTER_DURATION', BOUNDS_AFTER_DURATION, '亿元以上重大项目，3个工作日以内办结', ['以上']],
  ])('%s', (_, words, text, hits) => {
    expect(found(words, text)).toEqual(hits);
  });
});

describe('isListSeparatorCode', () => {
  it.each([
    ['4.2、4.3和3.2个百分点', ['、', '和']],
    ['食品、石化及医药与纺织或其他', ['、', '及', '与', '或']],
    ['同比增长20.4%,规上工业', []],
  ])('%s', (text, separators) => {
    expect([...text].filter((ch) => isListSeparatorCode(ch.charCodeAt(0)))).toEqual(separators);
  });
});
