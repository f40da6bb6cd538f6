/**
 * Levels in a stretch of several years (五年来, “十四五”时期): a result counted over the stretch
 * (完成投资3500亿元, 新增就业452万人) covers all of it, but a level is of one year: the one it started
 * from (从3826.5亿元…, 由47.6%…) or the one it reached (…增长到4398.6亿元, 达到9000公里, 占比54.8%).
 */
import {
  alternationOf,
  DOING_VERBS,
  FROM_WORDS,
  REACHED_WORDS,
  STOCK_NOUNS,
  Suffixes,
  WHOLE_SPAN_WORDS,
} from '../../lexicon/index.ts';
import { type Period, startYear, yearPeriod } from './periods.ts';

const FROM = Suffixes.of(FROM_WORDS);
const REACHED = Suffixes.of(REACHED_WORDS);
const STOCK = Suffixes.of(STOCK_NOUNS);
const WHOLE_SPAN = new RegExp(alternationOf(WHOLE_SPAN_WORDS), 'u');
const DOING = new RegExp(alternationOf(DOING_VERBS), 'u');
const RATE_UNITS = new Set(['%', '％', '‰']);

/**
 * The period of an actual level inside the stretch `span`, from the words of its clause before it
 * (`clause`) and the last of them (`words`, from the figure before it in the clause on, without the
 * fillers they end with).
 */
export function levelPeriod(span: Period, words: string, clause: string, unit: string): Period {
  if (FROM.ends(words)) return yearPeriod(startYear(span) - 1);
  if (WHOLE_SPAN.test(clause)) return span;
  // 达到, 突破, 提高到, 增至 …, and a rate, which is a level of one time.
  if (REACHED.ends(words) || RATE_UNITS.has(unit)) return yearPeriod(span.to);
  if (STOCK.ends(words) && !DOING.test(clause)) return yearPeriod(span.to);
  return span;
}

/** The year a from-level of a single year or span started at: the end of the one before (从689万户增至951万户). */
export function fromPeriod(period: Period, words: string): Period | null {
  if (period.months !== undefined || !FROM.ends(words)) return null;
  return yearPeriod(startYear(period) - 1);
}
