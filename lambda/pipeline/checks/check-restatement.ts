import {
  type IndicatorMatch,
  type IndicatorStatements,
  type IndicatorValue,
  indicatorValues,
  type ReportIndicators,
} from '../indicators/index.ts';
import type { Figure, Report } from '../report/index.ts';
import { type Check, makeCheck, roundingTolerance, shown } from './check.ts';

const DELTA = /^(?:比|较)(?:上年|去年|上一年)(?:同期|末|底)?(增加|增长|多|减少|下降|少)了?$/u;
const PREVIOUS = /(?:上年|去年|上一年)(?:同期|末|底)?(?:为|是)?$/u;

/**
 * What a report says of an indicator's value a year before: the figure that restates it and the
 * value it gives. Found in one report alone (its figures' order), so it is made with the report and
 * kept with it; the comparison with the year before's report is the one step that needs two.
 */
export interface RestatementClaim {
  match: Pick<IndicatorMatch, 'indicator' | 'figure'>;
  restated: { figure: Figure; value: number };
}

/** The report's restated previous-year values: 办理事项2500件，比上年增加139件 says last year was 2361. */
export function restatementClaims(result: ReportIndicators): RestatementClaim[] {
  // Looked up once a report, so that a report with many figures stays linear.
  const position = new Map(result.contexts.map((context, index) => [context.figure, index]));
  const claims: RestatementClaim[] = [];
  for (const match of result.matches) {
    const restated = restatedValue(result, match, position.get(match.figure) ?? -1);
    if (restated)
      claims.push({ match, restated: { figure: restated.context.figure, value: restated.value } });
  }
  return claims;
}

/** A report as the comparison needs it: what it says of each indicator, and what it restates. */
export type ClaimingReport = IndicatorStatements & {
  report: Pick<Report, 'id' | 'entity' | 'year'>;
  claims: readonly RestatementClaim[];
};

/**
 * A restated previous-year value against the previous report of the same entity: 办理事项2500件，
 * 比上年增加139件 says last year was 2361; the year before's report must say so too.
 */
export function checkRestatements(results: readonly ReportIndicators[]): Check[] {
  return compareRestatements(results.map((result) => ({ ...result, claims: restatementClaims(result) })));
}

/** Each report's claims against what the previous year's report of its entity says. */
export function compareRestatements(results: readonly ClaimingReport[]): Check[] {
  const checks: Check[] = [];
  const byYear = new Map<string, ClaimingReport>();
  for (const r of results) {
    const key = `${r.report.entity}\u0000${r.report.year}`;
    if (!byYear.has(key)) byYear.set(key, r);
  }
  for (const result of results) {
    const { entity, year } = result.report;
    if (!entity || year === null || result.claims.length === 0) continue;
    const previous = byYear.get(`${entity}\u0000${year - 1}`);
    if (!previous) continue;
    const previousValue = indicatorValues(previous);
    for (const { match, restated } of result.claims)
      checks.push(compare(result, previous, match, restated, previousValue(match.indicator.id)));
  }
  return checks;
}

/** The previous-year value the sentence gives right after the figure, if it gives one. */
function restatedValue(result: ReportIndicators, match: IndicatorMatch, index: number) {
  // A target's "比上年" says what the year before was only as a plan does: results restate results.
  if (match.indicator.measures !== 'level' || match.figure.status === 'target' || index < 0) return undefined;
  const next = result.contexts[index + 1];
  if (!next || next.figure.sentence !== match.figure.sentence || next.figure.unit !== match.figure.unit)
    return undefined;
  const delta = DELTA.exec(next.before);
  if (delta) {
    const sign = /增|多/u.test(delta[1] ?? '') ? -1 : 1;
    return { context: next, value: match.figure.value + sign * next.figure.value };
  }
  return PREVIOUS.test(next.before) ? { context: next, value: next.figure.value } : undefined;
}

function compare(
  result: ClaimingReport,
  previous: ClaimingReport,
  match: RestatementClaim['match'],
  restated: RestatementClaim['restated'],
  said: IndicatorValue,
): Check {
  const stated = said.figures[0];
  const { figure } = match;
  const base = {
    kind: 'restatement' as const,
    reportId: result.report.id,
    indicatorId: match.indicator.id,
    figures: [restated.figure, figure, ...(stated ? [stated] : [])],
    figureReports: [result.report.id, result.report.id, ...(stated ? [previous.report.id] : [])],
    expected: said.value,
    actual: Number(restated.value.toFixed(6)),
  };
  const exact = [figure, restated.figure, stated].every((f) => f?.qualifier === 'exact');
  const year = previous.report.year;
  if (said.status !== 'found' || !exact || !stated)
    return makeCheck({
      ...base,
      status: 'cannot_tell',
      explanation: `${match.indicator.name}：本报告推算上年为${shown(restated.value)}${figure.unit}，${year}年报告的数字不明确或为约数。`,
      explanationEn: `${match.indicator.nameEn}: this report implies ${shown(restated.value)} ${figure.unit} last year; the ${year} report is unclear or approximate.`,
    });
  // Each written value is within half a unit of its last digit; whole counts must then agree exactly.
  const tolerance = roundingTolerance(figure) + roundingTolerance(restated.figure);
  const pass = Math.abs(restated.value - stated.value) < tolerance - 1e-9;
  return makeCheck({
    ...base,
    status: pass ? 'pass' : 'fail',
    explanation: `${match.indicator.name}：本报告推算上年为${shown(restated.value)}${figure.unit}，${year}年报告为${stated.text}，${pass ? '一致' : '不一致'}。`,
    explanationEn: `${match.indicator.nameEn}: this report implies ${shown(restated.value)} ${figure.unit} last year; the ${year} report says ${stated.text}: ${pass ? 'consistent' : 'inconsistent'}.`,
  });
}
