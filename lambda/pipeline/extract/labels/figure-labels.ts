/**
 * Gives each extracted figure its label, using its neighbours where the words before it do
 * not name the counted thing: a change (比上年增长7.2%) takes the name of the figure it
 * changes, and a list after 分别 takes the names listed before it, in order.
 */

import { isClauseEndOrLineBreakCode, isListSeparatorCode } from '../../lexicon/index.ts';
import type { NumberMention } from '../../report/index.ts';
import { unitKind } from '../numbers/index.ts';
import { cleanBefore, QUOTES, rawBefore, rawBeforeWide, shorten, stripLeading } from './labels.ts';
import { nounAfter } from './noun-after.ts';
import { nameTotals } from './total-labels.ts';

/** A figure being built: where its label words end, and the list it belongs to. */
export interface Draft extends NumberMention {
  /** Where the words before the figure end (before a qualifier such as 超过). */
  labelFrom: number;
  /** Id of the list sharing one unit (4.2、4.3和3.2个百分点), -1 when none. */
  group: number;
}

export interface Parts {
  base: string;
  change: string;
  after: string;
}

/** Counts whose label is better read after the measure word than before it. */
const NOT_CLASSIFIERS = new Set(['倍', '分', '岁', '要素']);

function sameSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isClauseEndOrLineBreakCode(text.charCodeAt(i))) return false;
  return true;
}

/** A run of figures written as a list: only a separator between one and the next. */
function listRuns(text: string, drafts: Draft[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= drafts.length; i++) {
    const a = drafts[i - 1] as Draft;
    const b = drafts[i];
    const joined =
      b !== undefined &&
      ((a.group >= 0 && a.group === b.group) ||
        (b.start - a.end === 1 && isListSeparatorCode(text.charCodeAt(a.end))));
    if (!joined) {
      if (i - start >= 2) runs.push([start, i]);
      start = i;
    }
  }
  return runs;
}

function ownParts(text: string, drafts: Draft[]): Parts[] {
  let prevEnd = 0;
  return drafts.map((d) => {
    let raw = rawBefore(text, d.labelFrom, prevEnd);
    while (raw && isListSeparatorCode(raw.charCodeAt(0))) raw = raw.slice(1);
    prevEnd = d.end;
    const { base, change } = cleanBefore(raw);
    const kind = unitKind(d.unit);
    const after = kind === 'count' && !NOT_CLASSIFIERS.has(d.unit) ? nounAfter(text, d.end) : '';
    return { base, change, after };
  });
}

/**
 * The names of a list (食品、石化和医药等产业增加值 → 食品产业增加值, 石化产业增加值, …):
 * the words after 等 are shared by every name.
 */
function splitSubjects(subject: string): string[] {
  const parts = splitAtJoints(subject.replace(QUOTES, '')).filter((p) => p.length > 0);
  const last = parts[parts.length - 1];
  let shared = '';
  if (last !== undefined) {
    const at = last.indexOf('等');
    if (at > 0) {
      shared = last.slice(at + 1);
      parts[parts.length - 1] = last.slice(0, at);
    }
  }
  const names = parts.map((p) => stripLeading(p) + shared);
  return shareHeadNoun(names).map(shorten);
}

const JOINTS = /、|以及|及|和|与/g;
/** Words that hold 及, 和 or 与 inside (普及率, 参与率, 和谐社区): a list of names is not split there. */
const JOINED_WORDS = new Set([
  '普及',
  '涉及',
  '惠及',
  '波及',
  '遍及',
  '触及',
  '参与',
  '和谐',
  '总和',
  '饱和',
  '缓和',
]);

/** The names of a list at its joints (、 和 及 与 以及), never inside a word that holds one. */
function splitAtJoints(subject: string): string[] {
  const names: string[] = [];
  let from = 0;
  for (const m of subject.matchAll(JOINTS)) {
    const at = m.index;
    const inWord =
      m[0].length === 1 &&
      (JOINED_WORDS.has(subject.slice(at - 1, at + 1)) || JOINED_WORDS.has(subject.slice(at, at + 2)));
    if (inWord) continue;
    names.push(subject.slice(from, at));
    from = at + m[0].length;
  }
  names.push(subject.slice(from));
  return names;
}

/**
 * Modifiers written as a pair before one noun (城镇和农村居民人均可支配收入): each earlier one takes
 * what follows the last one's, not only the noun's last two characters (城镇收入).
 */
const PAIRED_MODIFIERS = [
  '城镇',
  '农村',
  '城市',
  '乡村',
  '城乡',
  '男性',
  '女性',
  '进口',
  '出口',
  '境内',
  '境外',
  '线上',
  '线下',
];

/** Head nouns of three characters or more that the last-two-characters rule would cut. */
const HEAD_NOUNS = ['增加值', '营业收入', '销售额', '零售额', '成交额', '吞吐量', '发电量', '用电量'];

/**
 * 原煤、原油、天然气产量 and 小麦、玉米、大豆产量: short names before a longer last one share
 * its head noun, most often its last two characters (原煤产量).
 */
function shareHeadNoun(names: string[]): string[] {
  const last = names[names.length - 1];
  if (names.length < 2 || last === undefined || last.length < 4) return names;
  const earlier = names.slice(0, -1);
  const pair = PAIRED_MODIFIERS.find((m) => last.startsWith(m) && last.length > m.length + 1);
  if (pair && earlier.every((n) => PAIRED_MODIFIERS.includes(n)))
    return [...earlier.map((n) => n + last.slice(pair.length)), last];
  if (!earlier.every((n) => n.length >= 1 && n.length <= 3 && n.length <= last.length - 2)) return names;
  const head = HEAD_NOUNS.find((h) => last.endsWith(h) && last.length > h.length) ?? last.slice(-2);
  return [...earlier.map((n) => (n.endsWith(head) ? n : n + head)), last];
}

/** 食品、石化、医药等产业增加值分别增长7.5%、11.5%和17.4%: one name for each number. */
function distribute(text: string, drafts: Draft[], parts: Parts[], run: [number, number]): void {
  const [from, to] = run;
  const first = drafts[from] as Draft;
  const floor = from > 0 ? (drafts[from - 1] as Draft).end : 0;
  const wide = rawBeforeWide(text, first.labelFrom, floor);
  const at = wide.lastIndexOf('分别');
  if (at < 0) return;
  const change = cleanBefore(wide.slice(at + 2)).change;
  const names = splitSubjects(wide.slice(0, at));
  const k = to - from;
  let labels: string[] | null = names.length === k ? names : null;
  if (!labels && from >= k && sameSentence(text, (drafts[from - k] as Draft).end, first.start)) {
    labels = parts.slice(from - k, from).map((p) => p.base);
  }
  if (!labels) return;
  for (let i = from; i < to; i++) {
    const p = parts[i] as Parts;
    p.base = labels[i - from] ?? p.base;
    p.change = change;
    p.after = '';
  }
}

/** Members of a list after the first, with no words of their own, share the first one's name. */
function shareWithinRun(parts: Parts[], run: [number, number]): void {
  const head = parts[run[0]] as Parts;
  for (let i = run[0] + 1; i < run[1]; i++) {
    const p = parts[i] as Parts;
    if (!p.base && !p.after) {
      p.base = head.base;
      p.change = p.change || head.change;
      p.after = head.after;
    }
  }
}

/**
 * 比上年增长7.23%, 从689万户增至951万户, 达到1.5万亿元: a figure whose own words name
 * nothing is about the figure named last in the same sentence.
 */
function borrowChanged(text: string, drafts: Draft[], parts: Parts[]): void {
  // The text between two figures is read only when a figure needs its neighbour's name.
  let lastBase = '';
  let lastAt = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as Parts;
    const d = drafts[i] as Draft;
    if (!p.base && !p.after && lastBase && sameSentence(text, lastAt, d.start)) p.base = lastBase;
    if (p.base) {
      lastBase = p.base;
      lastAt = d.end;
    }
  }
}

/** Fills `label` of every draft, in place. */
export function assignLabels(text: string, drafts: Draft[]): void {
  const parts = ownParts(text, drafts);
  for (const run of listRuns(text, drafts)) {
    distribute(text, drafts, parts, run);
    shareWithinRun(parts, run);
  }
  nameTotals(text, drafts, parts);
  borrowChanged(text, drafts, parts);
  drafts.forEach((d, i) => {
    const p = parts[i] as Parts;
    d.label = p.after || p.base + p.change;
  });
}
