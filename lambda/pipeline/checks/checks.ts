import type { ReportIndicators } from '../indicators/index.ts';
import type { Check } from './check.ts';
import { checkApproximations } from './check-approx.ts';
import { checkRates } from './check-rate.ts';
import { checkRepeats } from './check-repeat.ts';
import { checkRestatements } from './check-restatement.ts';
import { checkTotals } from './check-total.ts';

/** The checks one report's figures allow on their own, in a fixed order of kinds. */
export function reportChecks(result: ReportIndicators): Check[] {
  return [
    ...checkRates(result),
    ...checkTotals(result),
    ...checkRepeats(result),
    ...checkApproximations(result),
  ];
}

/** Every check: each report's own, then the restatements across the years of one entity. */
export function allChecks(results: readonly ReportIndicators[]): Check[] {
  return [...results.flatMap(reportChecks), ...checkRestatements(results)];
}
