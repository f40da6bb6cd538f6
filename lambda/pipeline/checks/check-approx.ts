import type { ReportIndicators } from '../indicators/index.ts';
import type { Figure } from '../report/index.ts';
import { type Check, makeCheck } from './check.ts';
import { byIndicator } from './check-repeat.ts';

/** How far an 约/左右 figure may be from the exact one: a tenth of it. */
const APPROX_SHARE = 0.1;

/**
 * An approximate figure against an exact one for the same indicator in the same report (70余名
 * against 72名: consistent). 余/多/超过 need the exact value at or above, 近/不足 at or below,
 * 约/左右 within a tenth.
 */
export function checkApproximations(result: ReportIndicators): Check[] {
  const checks: Check[] = [];
  for (const group of byIndicator(result.matches)) {
    const exact = group.find((m) => m.figure.qualifier === 'exact');
    if (!exact) continue;
    for (const rough of group.filter((m) => m.figure.qualifier !== 'exact')) {
      const pass = consistent(rough.figure, exact.figure.value);
      checks.push(
        makeCheck({
          kind: 'approx',
          reportId: result.report.id,
          indicatorId: rough.indicator.id,
          figures: [rough.figure, exact.figure],
          expected: exact.figure.value,
          actual: rough.figure.value,
          status: pass ? 'pass' : 'fail',
          explanation: `${rough.indicator.name}：约数${rough.figure.text}与确数${exact.figure.text}${pass ? '相符' : '不符'}。`,
          explanationEn: `${rough.indicator.nameEn}: the approximate ${rough.figure.text} ${pass ? 'agrees' : 'does not agree'} with the exact ${exact.figure.text}.`,
        }),
      );
    }
  }
  return checks;
}

function consistent(rough: Figure, exact: number): boolean {
  if (rough.qualifier === 'over') return exact >= rough.value;
  if (rough.qualifier === 'under') return exact <= rough.value;
  return Math.abs(exact - rough.value) <= APPROX_SHARE * Math.abs(rough.value);
}
