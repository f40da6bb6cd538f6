/**
 * Labels: what a figure counts, in the report's own words, short enough for a column header.
 * The words before the number are trimmed of time phrases, scope words, leading verbs and
 * trailing copulas; for a classifier (21个便民服务站) the noun after the measure word wins.
 */

import {
  CLOSE_PARENS,
  classOf,
  codeTableOf,
  ENUMERATION_COMMA,
  OPEN_PARENS,
  PAUSES,
  QUOTE_MARKS,
  SENTENCE_ENDS,
  TOTAL_WORDS,
} from '../../lexicon/index.ts';
import { focus } from './label-focus.ts';
import { changeSuffix, trailingWord } from './label-suffixes.ts';

/** Characters that end the phrase a label is taken from, but 、 (which ends it unless wide). */
const WIDE_BOUNDARY = `${SENTENCE_ENDS}${PAUSES}${OPEN_PARENS}${CLOSE_PARENS}【】[]|\t 　\n\r`;
export const QUOTES = new RegExp(`[${classOf(QUOTE_MARKS)}]`, 'g');
/** Quote characters by code: most clauses hold none, and a table walk beats a regex test. */
const IS_QUOTE = codeTableOf(QUOTE_MARKS);

function hasQuote(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (IS_QUOTE[s.charCodeAt(i)] === 1) return true;
  return false;
}
const MAX_BEFORE = 40;
const MAX_LABEL = 14;

/** Time phrases, scopes and connectives that open a clause but are not what is counted. */
const LEADING =
  /^(?:今年以来|今年来|一年来|近年来|截至目前|截至年底|截至\d{4}年(?:\d{1,2}月)?(?:底|末)?|\d{4}年(?:度|末|底|初|以来)?|年内|全年度?|今年|当年|同期|年末|年底|年初|力争|努力|确保|预计|本年度|年度|上半年|下半年|目前|其中|此外|另外|同时|并且|并|还|也|均|已|先后|共计|共有|现有|拥有|共|累计|合计|总计|及?以[上下]的?|全(?:镇|县|区|市|乡|街道|街|省|州|旗|村|局|系统)|[我本](?:镇|县|区|市|乡|街道|街|局|委|办|单位)|辖区内?|通过|积极|主动|持续|成功)/;

/** Verbs that open a clause before the counted thing (开展专题学习2场 → 专题学习). */
const LEADING_VERB =
  /^(?:审查|监督|检查|督查|核查|抽查|开展|组织|完成|实现|举办|召开|引进|获得|增设|新增|新建|建成|发放|印发|推动|推进|提供|接待|排查|化解|清理|配备|收集|征求|参加|参与|投入|设立|打造|培育|创建|发现|整改|挂|制作|悬挂|张贴|编印|购置|安排|落实|开通|审结|办结|帮助|协助|指导|解决|录入|上报|报送|走访|举行|签订|聘请|聘用|吸纳|新招|招引|培训|累计)/;

const TOTALS: ReadonlySet<string> = new Set(TOTAL_WORDS);

export interface CleanLabel {
  /** The counted thing ('' when the words before say nothing but a change). */
  base: string;
  /** 增长, 下降, … when the figure is a change of something; '' otherwise. */
  change: string;
}

/** Boundary characters by UTF-16 code: 1 ends a phrase, 2 ends it except across 、 (wide). */
const STOPS = codeTableOf(WIDE_BOUNDARY);
STOPS[ENUMERATION_COMMA.charCodeAt(0)] = 2;

function rawBack(text: string, start: number, floor: number, wide: boolean): string {
  const lo = Math.max(floor, start - MAX_BEFORE, 0);
  let i = start;
  while (i > lo) {
    const stop = STOPS[text.charCodeAt(i - 1)];
    if (stop === 1 || (stop === 2 && !wide)) break;
    i--;
  }
  return text.slice(i, start);
}

/** The raw clause before `start`: back to a boundary, the end of the previous figure, or 40 characters. */
export function rawBefore(text: string, start: number, floor: number): string {
  return rawBack(text, start, floor, false);
}

/** Like rawBefore, but across 、 so that a list of names (食品、石化、医药) stays whole. */
export function rawBeforeWide(text: string, start: number, floor: number): string {
  return rawBack(text, start, floor, true);
}

/** Words after which a long label can be cut without cutting a word (规模以上 | 工业增加值, 及以上的 | 行政村). */
const CUT_AFTER = /(?:及?以[上下]的?|的|和|及|与)/g;
/** A cut that leaves less than this says too little (…生产总值的比例 → 比例): slice instead. */
const MIN_CUT_REST = 4;

/** Keeps the last MAX_LABEL characters, at a word joint when there is one. */
export function shorten(label: string): string {
  if (label.length <= MAX_LABEL) return label;
  const min = label.length - MAX_LABEL;
  for (const m of label.matchAll(CUT_AFTER)) {
    const cut = m.index + m[0].length;
    if (cut >= min && label.length - cut >= MIN_CUT_REST) return label.slice(cut);
  }
  return label.slice(min);
}

/**
 * Codes of the first characters of every LEADING and LEADING_VERB word: most phrases start with
 * none of them, and the regexes run only for those that do.
 */
const LEADING_FIRST = new Uint8Array(0x10000);
for (const w of [
  ...'今一近截年全当同本上下目其此另并还也均已先共现拥累合总以及我辖通积主持成力努确预0123456789',
  ...LEADING_VERB.source.slice(4, -1).split('|'),
])
  LEADING_FIRST[w.charCodeAt(0)] = 1;

/** The verbs of LEADING_VERB, longest first: a number right after one is the amount of what it does. */
const ACTION_VERBS = LEADING_VERB.source
  .slice(4, -1)
  .split('|')
  .sort((a, b) => b.length - a.length);

/** True when `text` has one of the verbs that open a counted thing (新建, 投入, 完成…) just before `at`. */
export function endsWithActionVerb(text: string, at: number): boolean {
  for (const v of ACTION_VERBS) if (text.startsWith(v, at - v.length)) return true;
  return false;
}

export function stripLeading(s: string): string {
  let cur = s;
  for (let guard = 0; guard < 8; guard++) {
    if (LEADING_FIRST[cur.charCodeAt(0)] !== 1) break;
    const m = LEADING.exec(cur) ?? LEADING_VERB.exec(cur);
    if (!m || cur.length - m[0].length < 2) break;
    cur = cur.slice(m[0].length);
  }
  return cur;
}

function stripTrailing(s: string): { rest: string; change: string } {
  let cur = s;
  let change = '';
  for (let guard = 0; guard < 6; guard++) {
    const c = change ? null : changeSuffix(cur);
    if (c) {
      change = c.change;
      cur = cur.slice(0, c.index);
      continue;
    }
    const t = trailingWord(cur);
    // 合计965条 keeps its word: a total is worth a label of its own.
    if (!t || (t.length === cur.length && TOTALS.has(t))) break;
    cur = cur.slice(0, cur.length - t.length);
  }
  // 占72.5% alone is a share of the thing named before it: 粮食作物播种面积 + 占比.
  // The length first: `cur` is a new string, which the Set would hash whole to look it up.
  if (!change && cur.length <= MAX_SHARE_WORD && SHARE_WORDS.has(cur)) return { rest: '', change: '占比' };
  return { rest: cur, change };
}

const SHARE_WORDS = new Set(['占', '占比', '所占比重', '占比重']);
const MAX_SHARE_WORD = Math.max(...[...SHARE_WORDS].map((w) => w.length));

/** Trims a raw clause to the counted thing and notes a change word (增长, 下降). */
export function cleanBefore(raw: string): CleanLabel {
  const unquoted = hasQuote(raw) ? raw.replace(QUOTES, '') : raw;
  const { rest, change } = stripTrailing(unquoted);
  let base = stripLeading(focus(stripLeading(rest)));
  base = stripTrailing(base).rest;
  base = shorten(base);
  return { base, change };
}
