/**
 * Norms (FIGURES.md, Exclude): numbers that state a rule every case must meet, or the shape of a
 * rule, rather than a result of the period: how often something must be done (每季度召开1次), a
 * minimum written as a requirement (不少于2次, 做到2人以上行政执法), the threshold that names a
 * class (亿元以上项目, 60岁以上老人) and the size of a checklist (公开7要素).
 */

import {
  alternationOf,
  classOf,
  isDigitCode,
  isHanCode,
  PERIOD_WORDS,
  STATEMENT_MARKS,
} from '../../lexicon/index.ts';
import { endsWithActionVerb, startsVerbAfterNoun } from '../labels/index.ts';
import type { Candidate } from './exclusions.ts';

const code = (s: string): number => s.charCodeAt(0);
const [YU, SHAO, GUO] = [...'于少过'].map(code);

const FREQUENCY_UNITS = new Set(['次', '场', '场次', '期', '轮']);
const EVERY_PERIOD = new RegExp(`每${alternationOf(PERIOD_WORDS)}[^${classOf(STATEMENT_MARKS)}]{0,16}$`);
/** Words of a rule rather than a result: 不少于2次, 不低于40学时, 至少1名. */
const NORM_WORDS = ['不少于', '不低于', '不超过', '不高于', '至少'];

/** 每季度召开1次, 每年听取汇报不少于2次: how often something must be done, a norm and not a result. */
export function isFrequencyNorm(text: string, c: Candidate): boolean {
  const before = text.charCodeAt(c.token.start - 1);
  // Every norm word ends in 于, 少 or 过: one character check before trying them.
  if (before === YU || before === SHAO || before === GUO) {
    for (const w of NORM_WORDS) if (text.startsWith(w, c.token.start - w.length)) return true;
  }
  if (!FREQUENCY_UNITS.has(c.unit)) return false;
  const window = text.slice(Math.max(0, c.token.start - 20), c.token.start);
  return window.includes('每') && EVERY_PERIOD.test(window);
}

const [JI_AND, YI, SHANG, XIA, DE, YOU] = [...'及以上下的由'].map(code);

/** Past 以上, 以下, 及以上 or 及以下 written at `at`, or -1. */
function boundEnd(text: string, at: number): number {
  const i = text.charCodeAt(at) === JI_AND ? at + 1 : at;
  if (text.charCodeAt(i) !== YI) return -1;
  const c = text.charCodeAt(i + 1);
  return c === SHANG || c === XIA ? i + 2 : -1;
}

/** A noun (or a quoted name, or the count of the class: 千万元以上46家) starts at `i`, not a verb. */
function startsClassNoun(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x201c || isDigitCode(c)) return true;
  return isHanCode(c) && !startsVerbAfterNoun(text, i) && !text.startsWith('用于', i);
}

/**
 * 10亿元以上重大产业项目47个, 60岁以上老年人, 投资2000万元以上的技改项目, 海拔5000米以上乡镇: an
 * amount or an age with 以上/以下 written before a noun names a class of things by a threshold;
 * the count of the class (47个) is the figure. A count word (新增50家以上智能工厂) counts the noun
 * after it, and a share (覆盖95%以上行政村) is a share of it: both stay figures. So does an amount
 * right after the verb that produces it (新建500公里以上农村公路, 投入3000万元以上资金) unless 的
 * makes the rest a noun it describes.
 */
export function isClassThreshold(text: string, c: Candidate): boolean {
  const after = boundEnd(text, c.end);
  if (after < 0) return false;
  const { kind } = c;
  const isAge = c.unit === '岁';
  if (!isAge && kind !== 'money' && kind !== 'measure' && kind !== 'time') return false;
  const described = text.charCodeAt(after) === DE;
  if (!startsClassNoun(text, described ? after + 1 : after)) return false;
  return isAge || described || !endsWithActionVerb(text, c.token.start);
}

/**
 * Verbs of a standing rule: 做到2人以上行政执法, 坚持两名以上执法人员, 应当由2名以上. 确保 is not one:
 * in this genre 确保…以上 sets a target of the year (MEANING.md), which is a figure.
 */
const RULE_VERBS = ['做到', '坚持', '实行', '执行', '保证', '须', '应当', '应该'];

/** A minimum or maximum right after a verb of a standing rule is a requirement, not a result. */
export function isRequiredBound(text: string, c: Candidate): boolean {
  if (boundEnd(text, c.end) < 0 || c.kind === 'percent') return false;
  const at = text.charCodeAt(c.token.start - 1) === YOU ? c.token.start - 1 : c.token.start;
  for (const v of RULE_VERBS) if (text.startsWith(v, at - v.length)) return true;
  return false;
}

/** The parts of a rule or procedure: 公开7要素, 5个环节, 3个步骤, 6项标准. */
const CHECKLIST_NOUNS: ReadonlyMap<string, readonly string[]> = new Map([
  ['个', ['要素', '环节', '步骤']],
  ['项', ['要素', '标准', '环节']],
]);
/** Verbs that make or shrink a checklist: what they give (压减至3个环节, 制定5项标准) is a result. */
const CHECKLIST_CHANGES = '制定 修订 发布 出台 编制 新增 减少 压减 精简 缩减 至 到 为'.split(' ');

/** 对网上办事大厅7要素进行检查: the size of a checklist is the shape of a rule, not an amount. */
export function isChecklistSize(text: string, c: Candidate): boolean {
  if (c.unit !== '要素') {
    const nouns = CHECKLIST_NOUNS.get(c.unit);
    if (nouns === undefined || !nouns.some((n) => text.startsWith(n, c.end))) return false;
  }
  return !CHECKLIST_CHANGES.some((w) => text.startsWith(w, c.token.start - w.length));
}
