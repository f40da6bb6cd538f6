import { describe, expect, it } from 'vitest';
import { classOf } from '../../../lambda/pipeline/lexicon/char-class.ts';
import * as punctuation from '../../../lambda/pipeline/lexicon/punctuation.ts';

const {
  CLAUSE_ENDS,
  CLAUSE_ENDS_AND_LINE_BREAK,
  CLAUSE_MARKS,
  CLOSERS,
  EXCERPT_CUT_MARKS,
  MARKER_CLOSERS,
  SENTENCE_ENDS,
  STATEMENT_MARKS,
  WIDE_CLAUSE_MARKS,
} = punctuation;

/** The pieces `text` falls into at the members of `set` (the marks dropped). */
function piecesAt(set: string, text: string): string[] {
  return text.split(new RegExp(`[${classOf(set)}]`, 'u'));
}

const SEED =
  '2022年,镇党委每季度听取法治建设工作汇报；全年开展法治宣传活动12场!其中：专题讲座3场、现场咨询9场。\n二是';

describe('each set by what it cuts a real sentence into', () => {
  it.each([
    [
      'SENTENCE_ENDS',
      SENTENCE_ENDS,
      [
        '2022年,镇党委每季度听取法治建设工作汇报；全年开展法治宣传活动12场',
        '其中：专题讲座3场、现场咨询9场',
        '\n二是',
      ],
    ],
    [
      'CLAUSE_ENDS',
      CLAUSE_ENDS,
      [
        '2022年,镇党委每季度听取法治建设工作汇报',
        '全年开展法治宣传活动12场',
        '其中：专题讲座3场、现场咨询9场',
        '\n二是',
      ],
    ],
    [
      'CLAUSE_ENDS_AND_LINE_BREAK',
      CLAUSE_ENDS_AND_LINE_BREAK,
      [
        '2022年,镇党委每季度听取法治建设工作汇报',
        '全年开展法治宣传活动12场',
        '其中：专题讲座3场、现场咨询9场',
        '',
        '二是',
      ],
    ],
    [
      'CLAUSE_MARKS',
      CLAUSE_MARKS,
      [
        '2022年',
        '镇党委每季度听取法治建设工作汇报',
        '全年开展法治宣传活动12场',
        '其中',
        '专题讲座3场、现场咨询9场',
        '',
        '二是',
      ],
    ],
    [
      'EXCERPT_CUT_MARKS',
      EXCERPT_CUT_MARKS,
      [
        '2022年',
        '镇党委每季度听取法治建设工作汇报',
        '全年开展法治宣传活动12场',
        '其中',
        '专题讲座3场',
        '现场咨询9场',
        '\n二是',
      ],
    ],
    [
      'STATEMENT_MARKS: not at !',
      STATEMENT_MARKS,
      [
        '2022年',
        '镇党委每季度听取法治建设工作汇报',
        '全年开展法治宣传活动12场!其中',
        '专题讲座3场、现场咨询9场',
        '',
        '二是',
      ],
    ],
    [
      'WIDE_CLAUSE_MARKS: not at the half-width comma',
      WIDE_CLAUSE_MARKS,
      [
        '2022年,镇党委每季度听取法治建设工作汇报',
        '全年开展法治宣传活动12场!其中：专题讲座3场、现场咨询9场',
        '\n二是',
      ],
    ],
  ])('%s', (_, set, pieces) => {
    expect(piecesAt(set, SEED)).toEqual(pieces);
  });
});

describe('the named variants differ from their base by exactly what their comments say', () => {
  const minus = (a: string, b: string): string => [...a].filter((ch) => !b.includes(ch)).join('');
  it.each([
    ['CLAUSE_ENDS over SENTENCE_ENDS', CLAUSE_ENDS, SENTENCE_ENDS, '；;', ''],
    ['CLAUSE_MARKS over CLAUSE_ENDS', CLAUSE_MARKS, CLAUSE_ENDS, '，,：:\n', ''],
    ['EXCERPT_CUT_MARKS over CLAUSE_MARKS', EXCERPT_CUT_MARKS, CLAUSE_MARKS, '、', '\n'],
    ['STATEMENT_MARKS over CLAUSE_MARKS', STATEMENT_MARKS, CLAUSE_MARKS, '', '！？!?'],
    ['MARKER_CLOSERS over CLOSERS', MARKER_CLOSERS, CLOSERS, '', '》】〕"\''],
  ])('%s', (_, variant, base, added, removed) => {
    expect(minus(variant, base)).toBe(added);
    expect(minus(base, variant)).toBe(removed);
  });

  it.each(Object.entries(punctuation))('%s holds each member once', (_, members) => {
    expect(new Set(members).size).toBe(members.length);
  });
});

describe('the quote sets agree with the pairs', () => {
  it('QUOTE_MARKS is every title bracket and quote of the pairs, and the straight "', () => {
    const members = [...punctuation.TITLE_BRACKET_PAIRS, ...punctuation.QUOTE_PAIRS].join('');
    expect([...punctuation.QUOTE_MARKS].sort()).toEqual([...`${members}"`].sort());
    for (const pair of [...punctuation.TITLE_BRACKET_PAIRS, ...punctuation.QUOTE_PAIRS])
      expect(pair).toHaveLength(2);
  });

  it.each([
    ['指标 | 绝对数(万元) | 增长(%)', [' ', '|', ' ', ' ', '|', ' ']],
    ['粮食产量\t万吨　12.5', ['\t', '　']],
    ['地区生产总值｜341881', ['｜']],
  ])('TABLE_MARKS in %j', (line, marks) => {
    expect([...line].filter((ch) => punctuation.TABLE_MARKS.includes(ch))).toEqual(marks);
  });
});
