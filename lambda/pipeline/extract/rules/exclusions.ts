/**
 * Context rules that turn a "number + unit" into a non-figure (FIGURES.md, Exclude):
 * ordinals and ranks, codes, clock times, periods, norms, phase names and slogans.
 * Each rule looks at a few characters around the candidate only, so the scan stays linear.
 */

import {
  BOUNDS_AFTER_DURATION,
  BOUNDS_AFTER_UNIT,
  isDigitCode,
  isLatinLetterCode,
} from '../../lexicon/index.ts';
import type { NumberToken } from '../numbers/index.ts';
import { isChineseNumeralCode, type UnitKind } from '../numbers/index.ts';
import { isChecklistSize, isClassThreshold, isFrequencyNorm, isRequiredBound } from './norms.ts';

export interface Candidate {
  token: NumberToken;
  unit: string;
  /** The unit's kind (unitKind), looked up once for all the rules that ask it. */
  kind: UnitKind | undefined;
  /** Index just past the unit. */
  end: number;
}

/** Fixed political phrases that start with a numeral and a measure word, written unquoted. */
const SLOGANS =
  '两个确立 两个维护 四个意识 四个自信 四个全面 三项制度 八项规定 两个毫不动摇 两个一百年 三大攻坚战 四个最严 两个责任 三个务必 五个必由之路 三个代表 两个大局 三个表率 五项机制 三个规定 两项制度 四个不摘 六个一 一个中心 两个基本点'.split(
    ' ',
  );

/** Characters that make the next number an ordinal, a rank or a rate base (第3, 前十, 每万人). */
const ORDINAL_BEFORE = '第前每';
/** Characters that glue a number into a code or formula (G20, 1+1+N, No.5, 3/4). */
const CODE_BEFORE = '+＋#＃№/／_@＝=×*';
const RANGE_MARKS = '-－—–~～至到';
/** What may follow a count written in Chinese numerals: the end of the clause or a qualifier. */
const CLAUSE_END = '，。；：、,;:!?！？)）\n';
const DATE_WORDS = '初周星期礼拜农历届';

/**
 * The character sets above as bit flags by UTF-16 code: every candidate is tested against
 * several of them, and a table read makes no one-character string and scans no list.
 */
const [ORDINAL, CODE, RANGE, END, DATE] = [1, 2, 4, 8, 16];
const FLAGS = new Uint8Array(0x10000);
[ORDINAL_BEFORE, CODE_BEFORE, RANGE_MARKS, CLAUSE_END, DATE_WORDS].forEach((chars, k) => {
  for (const ch of chars) FLAGS[ch.charCodeAt(0)] = (FLAGS[ch.charCodeAt(0)] as number) | (1 << k);
});

/** The flags of the character at `i` (0 past either end). */
function flagsAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? (FLAGS[text.charCodeAt(i)] as number) : 0;
}

const code = (s: string): number => s.charCodeAt(0);
const [DOT, COLON, WIDE_COLON, PLUS, WIDE_PLUS, PERCENT, WIDE_PERCENT] = [...'.:：+＋%％'].map(code);
const [SHI, DIAN, ZHI, YUE, JI, SHU] = [...'时点之月级数'].map(code);

function isCodeOrOrdinal(text: string, c: Candidate): boolean {
  const start = c.token.start;
  if (start === 0) return false;
  const before = text.charCodeAt(start - 1);
  if ((flagsAt(text, start - 1) & (ORDINAL | CODE)) !== 0 || isLatinLetterCode(before)) return true;
  // 3.0.1, 8:30: a digit, then a mark, then this number.
  if (
    (before === DOT || before === COLON || before === WIDE_COLON) &&
    isDigitCode(text.charCodeAt(start - 2))
  )
    return true;
  const after = text.charCodeAt(c.end);
  return isLatinLetterCode(after) || after === PLUS || after === WIDE_PLUS;
}

/** The second end of a range (3至5人, 10-20家) is not a figure of its own. */
function isRangeEnd(text: string, c: Candidate): boolean {
  if ((flagsAt(text, c.token.start - 1) & RANGE) === 0) return false;
  const twoBefore = text.charCodeAt(c.token.start - 2);
  return (
    isDigitCode(twoBefore) ||
    isChineseNumeralCode(twoBefore) ||
    twoBefore === PERCENT ||
    twoBefore === WIDE_PERCENT
  );
}

/** 8时30分 is a clock time; 3分之1 a fraction. */
function isClockOrFraction(text: string, c: Candidate): boolean {
  if (c.unit !== '分') return false;
  const before = text.charCodeAt(c.token.start - 1);
  return before === SHI || before === DIAN || text.charCodeAt(c.end) === ZHI;
}

/** 6个月 and 3个季度 are periods; 3天内 and 5个工作日内 are time limits (norms). */
function isPeriodOrLimit(text: string, c: Candidate): boolean {
  // 9个方面 and 3个层面 are the outline of a plan, not a count of anything done.
  if (c.unit === '个')
    return (
      text.charCodeAt(c.end) === YUE ||
      text.startsWith('季度', c.end) ||
      text.startsWith('星期', c.end) ||
      text.startsWith('方面', c.end) ||
      text.startsWith('层面', c.end)
    );
  const { kind } = c;
  // 3天内办结, 50米内换乘: a limit or a radius, not an amount.
  if (kind === 'time' || kind === 'measure')
    return text.startsWith('内', c.end) || text.startsWith('以内', c.end);
  return false;
}

/** 二期工程 and 3批次项目 name a phase, they do not count one. */
function isPhaseName(text: string, c: Candidate): boolean {
  return (
    (c.unit === '期' || c.unit === '批') && (text.startsWith('工程', c.end) || text.startsWith('项目', c.end))
  );
}

/**
 * Chinese numerals mostly name structures, phases and slogans in prose (三个方面, 二期工程,
 * 十二届八次全会, 两个市场, 零部件); a count in them is written after its noun, at the end
 * of a clause (调解纠纷十二件，开展培训两场。), so only that form is taken.
 */
function isChineseNumeralPhrase(text: string, c: Candidate): boolean {
  const t = c.token;
  if (t.kind !== 'chinese') return false;
  const run = text.slice(t.coreStart, t.end);
  // 一 alone is an article or part of a word (一项重要任务, 一系列, 每半年听取一次); 零 of 零部件.
  if (run === '一' || run === '零' || run === '〇') return true;
  if ((flagsAt(text, t.start - 1) & DATE) !== 0) return true;
  for (const s of SLOGANS) if (text.startsWith(s, t.coreStart)) return true;
  if (c.unit === '期' || c.unit === '轮' || c.unit === '分' || c.unit === '节') return true;
  if (c.end >= text.length) return false;
  return (flagsAt(text, c.end) & END) === 0 && !startsWithAny(text, c.end, BOUNDS_AFTER_UNIT);
}

function startsWithAny(text: string, pos: number, words: readonly string[]): boolean {
  for (const w of words) if (text.startsWith(w, pos)) return true;
  return false;
}

/** True when `chars` holds the character of UTF-16 code `c`. */
function includesCode(chars: string, c: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}

/** 超千亿元的县域 and 千亿元县 name a class by a threshold; 突破万亿元。 is a figure. */
function isBareThreshold(text: string, c: Candidate): boolean {
  if (c.token.kind !== 'bare') return false;
  if (c.end >= text.length || (flagsAt(text, c.end) & END) !== 0) return false;
  return !startsWithAny(text, c.end, MILESTONES);
}

const MILESTONES = ['大关', '台阶', '规模'];

/** A measure word that is really the first character of a word (5万亿台阶, 3项目, 300亿人民币). */
const WORD_AFTER_UNIT = new Map(
  '台阶账风湾 条例件 部署分 项目 个性体 名单 家庭 场所景 处理置 次日性 期间 批示复准 所属 组织 面积向 口径岸 份额 起步 本地级 节点约能 户籍 位置于 单位 元素旦化 人民才员 克服 升级'
    .split(' ')
    .map((w) => [w[0] as string, w.slice(1)] as const),
);

function isWordAfterUnit(text: string, c: Candidate): boolean {
  const next = WORD_AFTER_UNIT.get(c.unit);
  return next !== undefined && includesCode(next, text.charCodeAt(c.end));
}

/** 24小时开放, 15分钟生活圈, 240小时过境免签: a duration naming a service or policy. */
function isDurationName(text: string, c: Candidate): boolean {
  if (c.kind !== 'time') return false;
  if (c.end >= text.length || (flagsAt(text, c.end) & END) !== 0) return false;
  return !startsWithAny(text, c.end, BOUNDS_AFTER_DURATION);
}

/** 两位数增长 is a rate class, 千亿级 and 5A级 are grades. */
function isGradeOrClass(text: string, c: Candidate): boolean {
  const after = text.charCodeAt(c.end);
  return after === JI || (c.unit === '位' && after === SHU);
}

/**
 * True when the candidate is one of the excluded kinds of FIGURES.md. The rules are called by
 * name, each at a call site of its own, not from a list: through one site calling fourteen
 * functions V8 inlines none of them, and this is asked for every number with a unit.
 */
export function isExcluded(text: string, c: Candidate): boolean {
  return (
    isCodeOrOrdinal(text, c) ||
    isRangeEnd(text, c) ||
    isClockOrFraction(text, c) ||
    isPeriodOrLimit(text, c) ||
    isPhaseName(text, c) ||
    isChineseNumeralPhrase(text, c) ||
    isGradeOrClass(text, c) ||
    isBareThreshold(text, c) ||
    isWordAfterUnit(text, c) ||
    isDurationName(text, c) ||
    isFrequencyNorm(text, c) ||
    isRequiredBound(text, c) ||
    isClassThreshold(text, c) ||
    isChecklistSize(text, c)
  );
}
