import { indicatorValues, type ReportIndicators } from '../indicators/index.ts';
import type { Figure } from '../report/index.ts';
import { type Check, makeCheck, roundingTolerance, shown } from './check.ts';

/**
 * A stated rate against its counts (调解成功率100% with 受理24件 and 调解成功24件: 24/24 = 100%).
 * Checked where the report states the rate and both counts; cannot tell when a count is
 * approximate or the report gives two different values for it. Results only, of the report's own
 * period (indicatorValues): a target rate is never set against counts that happened, nor a year's
 * rate against a five-year count.
 */
export function checkRates(result: ReportIndicators): Check[] {
  const checks: Check[] = [];
  // Once per report, not once per rate: a report stating hundreds of rates stays linear.
  const said = indicatorValues(result);
  for (const { indicator, figure } of result.matches) {
    if (!indicator.rate || figure.status === 'target') continue;
    const numerator = said(indicator.rate.numerator);
    const denominator = said(indicator.rate.denominator);
    if (numerator.figures.length === 0 || denominator.figures.length === 0) continue;
    if (figure.period !== numerator.period) continue;
    const counts = [...numerator.figures.slice(0, 1), ...denominator.figures.slice(0, 1)];
    const base = { kind: 'rate' as const, reportId: result.report.id, indicatorId: indicator.id };
    const clear =
      numerator.status === 'found' &&
      denominator.status === 'found' &&
      [...counts, figure].every((f) => f.qualifier === 'exact') &&
      (denominator.value ?? 0) > 0;
    if (!clear) {
      checks.push(
        makeCheck({
          ...base,
          figures: [figure, ...counts],
          expected: null,
          actual: figure.value,
          ...unclear(figure),
        }),
      );
      continue;
    }
    const n = numerator.value as number;
    const d = denominator.value as number;
    const expected = (n / d) * 100;
    const pass = Math.abs(expected - figure.value) <= roundingTolerance(figure) + 1e-9;
    checks.push(
      makeCheck({
        ...base,
        figures: [figure, ...counts],
        expected: Number(expected.toFixed(4)),
        actual: figure.value,
        status: pass ? 'pass' : 'fail',
        explanation: `${figure.label || indicator.name}${figure.text}：${shown(n)} / ${shown(d)} = ${shown(expected)}%，${pass ? '与所述一致' : '与所述不符'}。`,
        explanationEn: `${indicator.nameEn} ${figure.text}: ${shown(n)} / ${shown(d)} = ${shown(expected)}%, ${pass ? 'as stated' : 'not as stated'}.`,
      }),
    );
  }
  return checks;
}

function unclear(figure: Figure) {
  return {
    status: 'cannot_tell' as const,
    explanation: `${figure.text}：计数为约数或前后不一，无法核算比率。`,
    explanationEn: `${figure.text}: the counts are approximate or stated differently, so the rate cannot be recomputed.`,
  };
}
