/**
 * Word lists more than one rule reads: what joins a list, what totals it, what a change or a
 * bound is written with, which year a change is measured against. Lists are in the order the
 * rules try them (an alternation tries its words in order); a narrower or wider variant that one
 * rule needs is named beside the list it varies, with why.
 */
import { codeTableOf } from './char-class.ts';

/** What joins the items of a list (食品、石化和医药): a figure after one continues the list. */
const LIST_SEPARATORS = '、和及与或';
const IS_LIST_SEPARATOR = codeTableOf(LIST_SEPARATORS);

/** True for the UTF-16 code of a LIST_SEPARATORS member: read at every figure's clause. */
export function isListSeparatorCode(code: number): boolean {
  return IS_LIST_SEPARATOR[code] === 1;
}

/**
 * The words of a total (合计965条, 总数3家): such a figure's label names what it totals. labels.ts
 * reads the list only for a trailing word it cut, and 总数/总共 are none, so one list serves both.
 */
export const TOTAL_WORDS: readonly string[] = ['合计', '总计', '共计', '总数', '总共'];

/** Bounds written right after a number's unit (50人以上, 3天左右, 5%以内). */
export const BOUNDS_AFTER_UNIT = ['以上', '左右', '以下', '以内'] as const;
/**
 * BOUNDS_AFTER_UNIT without 以内: after a duration 以内 is a time limit a service promises
 * (3个工作日以内办结), a rule like 15分钟生活圈 names one, so it does not make the duration a figure.
 */
export const BOUNDS_AFTER_DURATION: readonly string[] = ['以上', '左右', '以下'];

/** Verbs and nouns of a change (增长5.2%, 增幅3个百分点): the figure is the size of the change. */
export const CHANGE_WORDS: readonly string[] = [
  '增长',
  '增加',
  '下降',
  '减少',
  '提高',
  '降低',
  '上升',
  '回落',
  '增幅',
  '增速',
];
/**
 * CHANGE_WORDS with 提升 降幅 扩大 缩小, for the end of a label (比上年提升 → 提升): there the
 * word is cut off the label, which the wider list keeps short; whether a figure is a change at all
 * (figure-context.ts) reads the narrower list, and indicators are matched on that.
 */
export const LABEL_CHANGE_WORDS: readonly string[] = [...CHANGE_WORDS, '提升', '降幅', '扩大', '缩小'];

/** The year a change is measured against: 比上年, 较去年, 比上一年. */
export const PREVIOUS_YEAR_WORDS: readonly string[] = ['上年', '去年', '上一年'];

/** Periods a norm repeats in (每季度召开1次, 每半年): longest first where one holds another. */
export const PERIOD_WORDS: readonly string[] = [
  '半年',
  '两年',
  '季度',
  '年',
  '月',
  '周',
  '季',
  '天',
  '日',
  '星期',
];
