/**
 * The words a label phrase ends with that are not part of what is counted: copulas and
 * qualifier words (共计, 达到, 分别为, 约) and change phrases (比上年增长, 同比下降). Matched as
 * suffixes through a table keyed by the last character: end-anchored regexes with many
 * alternatives try every start position, and this runs once or twice for every figure.
 */

/** Longest first among words sharing a last character, so 增加到 wins over 到. */
function byLastChar(words: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    const last = w[w.length - 1] as string;
    map.set(last, [...(map.get(last) ?? []), w]);
  }
  return map;
}

const TRAILING = byLastChar(
  '增至 增加到 提高到 提升至 提升到 降至 降到 下降到 扩大到 减少到 增长到 上升到 上升至 共计 共有 共 累计 合计 总计 达到 高达 多达 达 均为 均达 分别为 分别达 分别是 分别 均 为 约 稳定在 控制在 保持在 维持在 保持 平均为 平均达 平均 大约 近 将近 超过 超 突破 逾 不足 不到 计 有 已 是 的 至 到 从 由'.split(
    ' ',
  ),
);
/** 为 ends a copula except in words such as 行为, 作为, 成为, 认为. */
const NOT_BEFORE_WEI = '行作成认因视称更广人';

/**
 * Time phrases that end a label without naming anything counted: 2030年 (a target year),
 * 连续18年 (a streak), 从上半年 (the start of a from–to pair).
 */
const TIME_TAIL =
  /(?:(?:到|至)?[0-9]{4}年(?:底|末)?|连续[0-9一二三四五六七八九十两]+年|从(?:上半年|上年|去年|年初|[0-9]{4}年))$/;

/** The copula, qualifier word or time phrase `s` ends with, or ''. */
export function trailingWord(s: string): string {
  const last = s[s.length - 1] as string;
  if (last === '年') {
    const m = TIME_TAIL.exec(s.slice(-10));
    if (m) return m[0];
  }
  const list = TRAILING.get(last);
  if (list === undefined) return '';
  for (const w of list) {
    if (!s.endsWith(w)) continue;
    if (w === '为' && NOT_BEFORE_WEI.includes(s[s.length - 2] as string)) continue;
    return w;
  }
  return '';
}

const CHANGE_WORDS = new Set(
  '增长 下降 增加 减少 提高 降低 上升 回落 提升 增幅 降幅 增速 扩大 缩小'.split(' '),
);
const CHANGE_LAST = new Set([...CHANGE_WORDS].map((w) => w[1] as string));
const CHANGE_BASES =
  '比上年同期 与上年相比 比去年同期 较上年同期 比上年末 比上年 比去年 较上年 同比 环比 年均 平均'.split(' ');
const YEAR_BASE = /比[0-9]{4}年$/;

export interface ChangeSuffix {
  /** Where the change phrase (with its comparison base) starts. */
  index: number;
  /** 增长, 下降, …: the change word itself. */
  change: string;
}

/** A change phrase at the end (比上年增长, 同比下降, 增长了): the value is the size of the change. */
export function changeSuffix(s: string): ChangeSuffix | null {
  const end = s.endsWith('了') ? s.length - 1 : s.length;
  if (end < 2 || !CHANGE_LAST.has(s[end - 1] as string)) return null;
  const change = s.slice(end - 2, end);
  if (!CHANGE_WORDS.has(change)) return null;
  const head = s.slice(0, end - 2);
  for (const b of CHANGE_BASES) if (head.endsWith(b)) return { index: head.length - b.length, change };
  const year = YEAR_BASE.exec(head.slice(-6));
  if (year) return { index: head.length - year[0].length, change };
  return { index: head.length, change };
}
