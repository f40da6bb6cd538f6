import type { IndicatorMatch, ReportIndicators } from '../indicators/index.ts';
import { type Check, makeCheck } from './check.ts';

/**
 * A figure repeated in the same report against itself: each later exact mention of an indicator
 * against its first. Different values fail when the wording (label) is the same; with different
 * wording they may count different things, so the check cannot tell.
 */
export function checkRepeats(result: ReportIndicators): Check[] {
  const checks: Check[] = [];
  for (const group of byIndicator(result.matches.filter((m) => m.figure.qualifier === 'exact'))) {
    const [first, ...rest] = group;
    if (!first) continue;
    for (const later of rest) {
      const same = later.figure.value === first.figure.value;
      const sameWords = normalLabel(later.figure.label) === normalLabel(first.figure.label);
      const status = same ? 'pass' : sameWords ? 'fail' : 'cannot_tell';
      const name = first.indicator.name;
      checks.push(
        makeCheck({
          kind: 'repeat',
          reportId: result.report.id,
          indicatorId: first.indicator.id,
          figures: [later.figure, first.figure],
          expected: first.figure.value,
          actual: later.figure.value,
          status,
          explanation: same
            ? `${name}两处均为${first.figure.text}，前后一致。`
            : `${name}先写${first.figure.text}、后写${later.figure.text}${sameWords ? '，前后不一' : '，说法不同，可能不是同一口径'}。`,
          explanationEn: same
            ? `${first.indicator.nameEn} is ${first.figure.text} both times: consistent.`
            : `${first.indicator.nameEn} is first ${first.figure.text}, then ${later.figure.text}${sameWords ? ': inconsistent' : ', in other words: perhaps not the same measure'}.`,
        }),
      );
    }
  }
  return checks;
}

export function byIndicator(matches: readonly IndicatorMatch[]): IndicatorMatch[][] {
  const groups = new Map<string, IndicatorMatch[]>();
  for (const match of matches) {
    const group = groups.get(match.indicator.id) ?? [];
    group.push(match);
    groups.set(match.indicator.id, group);
  }
  return [...groups.values()];
}

function normalLabel(label: string): string {
  return label.normalize('NFKC').replace(/^(?:共|累计|全年|今年)/u, '');
}
