import { type FigureContext, figureContexts } from '../extract/labels/index.ts';
import type { Figure, Report, ReportListing } from '../report/index.ts';
import type { Indicator, IndicatorCatalog, IndicatorRule } from './indicator-catalog.ts';

/** A figure given an indicator: exactly one rule-matched indicator, never a guess. */
export interface IndicatorMatch {
  indicator: Indicator;
  figure: Figure;
  context: FigureContext;
}

/** The indicators of one report's figures, and what stayed unmatched. */
export interface ReportIndicators {
  report: Report;
  matches: IndicatorMatch[];
  /** Figures that matched more than one indicator: left out of the tables, counted. */
  ambiguous: { figure: Figure; indicators: string[] }[];
  /** Figures that matched no indicator. */
  unmatched: Figure[];
  contexts: FigureContext[];
}

/** What a report says of the indicators: all `indicatorValues` reads, kept once the figures go. */
export interface IndicatorStatements {
  matches: readonly Pick<IndicatorMatch, 'indicator' | 'figure'>[];
  ambiguous: ReportIndicators['ambiguous'];
}

/** A report as the indicators page shows it: what it says of the indicators, and its counts. */
export interface ReportStatements extends IndicatorStatements {
  report: ReportListing;
  unmatched: { readonly length: number };
}

export type CoverageStatus = 'found' | 'not_mentioned' | 'ambiguous';

/** What a report says for one indicator. */
export interface IndicatorValue {
  status: CoverageStatus;
  /** The period the value is read for: the report's headline period of the kind asked for. */
  period: string;
  /** The value when found: the exact figures' one value, else the approximate figures' one value. */
  value: number | null;
  qualifier: string;
  figures: Figure[];
}

interface CompiledRule {
  label: RegExp[];
  before: RegExp[];
  sentence: RegExp[];
  section: RegExp[];
  exclude: RegExp[];
}

const compiledRules = new WeakMap<Indicator, CompiledRule[]>();

/** Matches every figure of the report against the catalog. Pure: same report and catalog, same result. */
export function matchIndicators(report: Report, catalog: IndicatorCatalog): ReportIndicators {
  const contexts = figureContexts(report.figures);
  const result: ReportIndicators = { report, matches: [], ambiguous: [], unmatched: [], contexts };
  const sentence = new SentenceTests();
  for (const context of contexts) {
    const found = catalog.indicators.filter((indicator) => matches(indicator, context, sentence));
    const [only] = found;
    if (found.length === 1 && only) result.matches.push({ indicator: only, figure: context.figure, context });
    else if (found.length > 1)
      result.ambiguous.push({ figure: context.figure, indicators: found.map((i) => i.id) });
    else result.unmatched.push(context.figure);
  }
  return result;
}

function matches(
  indicator: Indicator,
  context: FigureContext,
  sentence: SentenceTests = new SentenceTests(),
): boolean {
  const { figure } = context;
  if (!indicator.units.includes(figure.unit)) return false;
  if (context.change !== (indicator.measures === 'change')) return false;
  return rulesOf(indicator).some((rule) => ruleHolds(rule, context, sentence));
}

/**
 * The sentence patterns' answers for the sentence at hand, each pattern tested once a sentence and
 * not once a figure: a sentence of 3,000 figures was read 3,000 times by each pattern.
 */
class SentenceTests {
  #sentence: string | undefined;
  #answers = new Map<RegExp, boolean>();

  test(pattern: RegExp, sentence: string): boolean {
    if (sentence !== this.#sentence) {
      this.#sentence = sentence;
      this.#answers = new Map();
    }
    let answer = this.#answers.get(pattern);
    if (answer === undefined) {
      answer = pattern.test(sentence);
      this.#answers.set(pattern, answer);
    }
    return answer;
  }
}

function ruleHolds(rule: CompiledRule, { figure, before }: FigureContext, sentence: SentenceTests): boolean {
  const any = (patterns: RegExp[], text: string) => patterns.some((p) => p.test(text));
  const label = figure.label.normalize('NFKC');
  if (rule.label.length > 0 && !any(rule.label, label)) return false;
  if (rule.before.length > 0 && !any(rule.before, before)) return false;
  if (rule.sentence.length > 0 && !rule.sentence.some((p) => sentence.test(p, figure.sentence))) return false;
  if (rule.section.length > 0 && !any(rule.section, figure.section)) return false;
  return !any(rule.exclude, label) && !any(rule.exclude, before);
}

function rulesOf(indicator: Indicator): CompiledRule[] {
  let rules = compiledRules.get(indicator);
  if (!rules) {
    rules = indicator.rules.map(compileRule);
    compiledRules.set(indicator, rules);
  }
  return rules;
}

function compileRule(rule: IndicatorRule): CompiledRule {
  const compile = (sources: string[] | undefined) => (sources ?? []).map((s) => new RegExp(s, 'u'));
  return {
    label: compile(rule.label),
    before: compile(rule.before),
    sentence: compile(rule.sentence),
    section: compile(rule.section),
    exclude: compile(rule.exclude),
  };
}

/**
 * A figure's number as an indicator of change holds it: a fall is negative (下降2.1% is -2.1), as the
 * catalog's growth indicators say, so that growth compares with growth across reports; a level stays
 * as it is, and the figures dataset keeps the number as written, with its direction in `change`.
 */
export function indicatorNumber(
  figure: Pick<Figure, 'value' | 'change'>,
  indicator: Pick<Indicator, 'measures'>,
): number {
  return indicator.measures === 'change' && figure.change === 'down' ? -figure.value : figure.value;
}

/** Which of a report's figures an indicator's value is read from: its results or its targets. */
export type SeriesKind = 'result' | 'target';

/** Whether the figure is of that kind: a result is an actual or an estimate (a preliminary result). */
function ofKind(figure: Figure, kind: SeriesKind): boolean {
  return (figure.status === 'target') === (kind === 'target');
}

const ONE_YEAR = /^\d{4}$/;

/** The year a period is when it is one year (`2025`), else null (`2021/2025`, `2025-01/2025-06`, ''). */
export function periodYear(period: string): number | null {
  return ONE_YEAR.test(period) ? Number(period) : null;
}

/**
 * The period a report's value of each indicator is read for, one a report and kind. For results, the
 * latest year of its matched results: the year it reviews (a 2026 work report's 2025; its 2020 figures
 * are the base of a five-year comparison). For targets, the earliest year of its matched targets: the
 * year it plans for first (2026, not the 2030 of a five-year plan). With no figure of one year, the most
 * common period (the later on a tie); '' with none. A figure of another period (a five-year average,
 * a half year, a year compared with) is in the `indicators` rows with its own period, never read as
 * the report's value.
 */
export function headlinePeriod(result: IndicatorStatements, kind: SeriesKind): string {
  const years: string[] = [];
  const counts = new Map<string, number>();
  for (const { figure } of result.matches) {
    if (!ofKind(figure, kind)) continue;
    if (periodYear(figure.period) !== null) years.push(figure.period);
    else counts.set(figure.period, (counts.get(figure.period) ?? 0) + 1);
  }
  // Years of four digits compare as text.
  if (years.length > 0) return years.reduce((a, b) => ((kind === 'result' ? b > a : b < a) ? b : a));
  let best = '';
  let most = 0;
  for (const [period, count] of counts)
    if (count > most || (count === most && period > best)) [best, most] = [period, count];
  return best;
}

/**
 * The report's value for an indicator, from its figures of one kind and period only, so that a target
 * is never read as a result nor a year's result as a five-year average: found when its exact figures
 * agree (approximate ones are checked against them by check-approx) or, with none exact, when its
 * approximate ones agree; ambiguous when they disagree or when its only candidates matched other
 * indicators too.
 */
function indicatorValue(
  result: IndicatorStatements,
  indicatorId: string,
  kind: SeriesKind,
  period: string,
): IndicatorValue {
  const matched = result.matches.filter(
    (m) => m.indicator.id === indicatorId && ofKind(m.figure, kind) && m.figure.period === period,
  );
  const figures = matched.map((m) => m.figure);
  if (figures.length === 0) {
    const contested = result.ambiguous.some(
      (a) => a.indicators.includes(indicatorId) && ofKind(a.figure, kind) && a.figure.period === period,
    );
    return { status: contested ? 'ambiguous' : 'not_mentioned', period, value: null, qualifier: '', figures };
  }
  const exact = figures.filter((f) => f.qualifier === 'exact');
  const pool = exact.length > 0 ? exact : figures;
  const indicator = (matched[0] as (typeof matched)[number]).indicator;
  const values = new Set(pool.map((f) => `${indicatorNumber(f, indicator)}\u0000${f.qualifier}`));
  const first = pool[0] as Figure;
  if (values.size > 1) return { status: 'ambiguous', period, value: null, qualifier: '', figures };
  return {
    status: 'found',
    period,
    value: indicatorNumber(first, indicator),
    qualifier: first.qualifier,
    figures,
  };
}

/**
 * What the report says for every indicator, as `indicatorValue` says it for the report's headline
 * period of that kind (its results by default; a caller that has the period already gives it), at
 * the cost of the indicators it mentions only (the others are `not_mentioned`): for the report ×
 * indicator tables and the checks.
 */
export function indicatorValues(
  result: IndicatorStatements,
  kind: SeriesKind = 'result',
  period = headlinePeriod(result, kind),
): (indicatorId: string) => IndicatorValue {
  const ids = new Set(result.matches.map((m) => m.indicator.id));
  for (const a of result.ambiguous) for (const id of a.indicators) ids.add(id);
  const said = new Map([...ids].map((id) => [id, indicatorValue(result, id, kind, period)]));
  const notMentioned: IndicatorValue = {
    status: 'not_mentioned',
    period,
    value: null,
    qualifier: '',
    figures: [],
  };
  return (indicatorId) => said.get(indicatorId) ?? notMentioned;
}
