import { describe, expect, it } from 'vitest';
import {
  AFTER_CLAUSE_END,
  isClauseEndCode,
  isClauseEndOrLineBreakCode,
  isSentenceEndCode,
  SENTENCE_END,
  sentenceEndAfter,
} from '../../../lambda/pipeline/lexicon/sentence-ends.ts';

/** The text up to where the sentence ends when it ends at the first `mark` of `text`. */
function sentenceUpTo(text: string, mark: string): string | null {
  const end = sentenceEndAfter(text, text.indexOf(mark), text.length);
  return end < 0 ? null : text.slice(0, end);
}

describe('sentenceEndAfter: a run of ends with the closers after it', () => {
  it.each([
    ['full stop', '镇领导带头学习法律知识。二是多形式开展普法活动', '。', '镇领导带头学习法律知识。'],
    [
      'a quote closed after the stop belongs to the sentence',
      '塞罕坝林场荣获联合国“土地生命奖。”全省森林覆盖率',
      '。',
      '塞罕坝林场荣获联合国“土地生命奖。”',
    ],
    ['a bracket and a quote after it, both', '（详见附件。）”三是', '。', '（详见附件。）”'],
    ['a run of marks', '我们坚信，没有办不成的事！！”下一段', '！', '我们坚信，没有办不成的事！！”'],
    ['half-width question mark', '如何做到依法行政?我们的回答', '?', '如何做到依法行政?'],
    ['a semicolon ends no sentence', '同比增长16.7%；引进亿元以上重大项目', '；', null],
    ['a comma neither', '销售总额13.1亿元，同比增长20.4%', '，', null],
  ])('%s', (_, text, mark, expected) => {
    expect(sentenceUpTo(text, mark)).toBe(expected);
  });

  it('stops at the limit it is given (a line end), closers or not', () => {
    const text = '表示衷心感谢！”\n各位代表';
    expect(sentenceEndAfter(text, text.indexOf('！'), text.indexOf('！') + 1)).toBe(text.indexOf('！') + 1);
    expect(sentenceEndAfter(text, text.indexOf('！'), text.length)).toBe(text.indexOf('\n'));
  });
});

describe('the predicates by code', () => {
  it.each([
    ['。', true, true, true],
    ['！', true, true, true],
    ['?', true, true, true],
    ['；', false, true, true],
    [';', false, true, true],
    ['\n', false, false, true],
    ['，', false, false, false],
    ['：', false, false, false],
    ['、', false, false, false],
    ['”', false, false, false],
  ])('%j: sentence end %s, clause end %s, clause end or line break %s', (ch, sentence, clause, line) => {
    const code = ch.charCodeAt(0);
    expect([isSentenceEndCode(code), isClauseEndCode(code), isClauseEndOrLineBreakCode(code)]).toEqual([
      sentence,
      clause,
      line,
    ]);
  });
});

describe('SENTENCE_END and AFTER_CLAUSE_END as regexes', () => {
  it.each([
    [
      '2022年,镇党委高度重视法治政府建设。现将有关情况报告如下',
      ['2022年,镇党委高度重视法治政府建设', '现将有关情况报告如下'],
    ],
    ['各位代表！现在，我代表省人民政府', ['各位代表', '现在，我代表省人民政府']],
    ['法治政府建设工作报告', ['法治政府建设工作报告']],
  ])('%s splits at its sentence ends', (text, parts) => {
    expect(text.split(SENTENCE_END)).toEqual(parts);
  });

  const opensSentence = new RegExp(`${AFTER_CLAUSE_END}[一二三]是`, 'gu');
  it.each([
    ['一是设立公开栏，公示单位工作人员姓名', [0]],
    ['建立学法培训制度。二是多形式开展普法活动', [9]],
    ['做到“两个维护”；三是', [9]],
    ['开展法治宣传；” 二是加强', [9]],
    ['统一是前提', []],
    ['把握好“三是”：', []],
  ])('%s: a sentence opens with 一是/二是/三是 at %j', (text, starts) => {
    expect([...text.matchAll(opensSentence)].map((m) => m.index)).toEqual(starts);
  });
});
