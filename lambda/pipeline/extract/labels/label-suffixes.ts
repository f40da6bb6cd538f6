/**
 * The words a label phrase ends with that are not part of what is counted: copulas and
 * qualifier words (共计, 达到, 分别为, 约) and change phrases (比上年增长, 同比下降). Matched as
 * suffixes through a table keyed by the last character: end-anchored regexes with many
 * alternatives try every start position, and this runs once or twice for every figure.
 */
import { ASCII_DIGITS, CN_ONE_TO_TEN, classOf, LABEL_CHANGE_WORDS, Suffixes } from '../../lexicon/index.ts';

/** Longest first among words sharing a last character (Suffixes), so 增加到 wins over 到. */
const TRAILING = Suffixes.of(
  '增至 增加到 增加至 提高到 提高至 提升至 提升到 降至 降到 下降到 下降至 扩大到 扩大至 减少到 减少至 增长到 增长至 上升到 上升至 共计 共有 共 累计 合计 总计 达到 高达 多达 达 均为 均达 分别为 分别达 分别是 分别 均 为 约 稳定在 控制在 保持在 维持在 保持 平均为 平均达 平均 大约 近 将近 超过 超 突破 逾 不足 不到 计 有 已 是 的 至 到 从 由'.split(
    ' ',
  ),
);
/** 为 ends a copula except in words such as 行为, 作为, 成为, 认为. */
const NOT_BEFORE_WEI = new Set([...'行作成认因视称更广人'].map((ch) => ch.charCodeAt(0)));
const NIAN = 0x5e74; // 年
const LE = 0x4e86; // 了

/**
 * Time phrases that end a label without naming anything counted: 2030年 (a target year),
 * 连续18年 (a streak), 从上半年 (the start of a from–to pair).
 */
const TIME_TAIL = new RegExp(
  `(?:(?:到|至)?[0-9]{4}年(?:底|末)?|连续[${classOf(`${ASCII_DIGITS}${CN_ONE_TO_TEN}两`)}]+年|从(?:上半年|上年|去年|年初|[0-9]{4}年))$`,
);

/** The copula, qualifier word or time phrase `s` ends with, or ''. */
export function trailingWord(s: string): string {
  const last = s.charCodeAt(s.length - 1);
  if (last === NIAN) {
    const m = TIME_TAIL.exec(s.slice(-10));
    if (m) return m[0];
  }
  const word = TRAILING.find(s)?.word;
  // No shorter word ends in 为: a 为 that is part of a word ends nothing.
  if (word === undefined || (word === '为' && NOT_BEFORE_WEI.has(s.charCodeAt(s.length - 2)))) return '';
  return word;
}

/** The change words (all of two characters), looked up by the end of a label with no slice of it. */
const CHANGE_WORDS = Suffixes.of(LABEL_CHANGE_WORDS);
const CHANGE_BASES =
  '比上年同期 与上年相比 比去年同期 较上年同期 比上年末 比上年 比去年 较上年 同比 环比 年均 平均'.split(' ');
const YEAR_BASE = /比[0-9]{4}年$/;
const BASE_LAST = new Set([...CHANGE_BASES, '年'].map((b) => b.charCodeAt(b.length - 1)));

export interface ChangeSuffix {
  /** Where the change phrase (with its comparison base) starts. */
  index: number;
  /** 增长, 下降, …: the change word itself. */
  change: string;
}

/** A change phrase at the end (比上年增长, 同比下降, 增长了): the value is the size of the change. */
export function changeSuffix(s: string): ChangeSuffix | null {
  const end = s.charCodeAt(s.length - 1) === LE ? s.length - 1 : s.length;
  if (end < 2) return null;
  const change = CHANGE_WORDS.find(s, end)?.word;
  if (change === undefined) return null;
  const headEnd = end - 2;
  // A base ends in 期, 比, 末, 年 or 均 (a year base too): the twelve endsWith only after one.
  if (!BASE_LAST.has(s.charCodeAt(headEnd - 1))) return { index: headEnd, change };
  for (const b of CHANGE_BASES) if (s.endsWith(b, headEnd)) return { index: headEnd - b.length, change };
  const year = YEAR_BASE.exec(s.slice(Math.max(0, headEnd - 6), headEnd));
  if (year) return { index: headEnd - year[0].length, change };
  return { index: headEnd, change };
}
