import { type FigureContext, sentenceGroups } from '../extract/labels/index.ts';
import type { ReportIndicators } from '../indicators/index.ts';
import { type Check, makeCheck, shown } from './check.ts';

const TOTAL_BEFORE = /(?:合计|总计|共计|总共|累计)(?:为|达)?$/u;
const AMONG = '其中';
/**
 * More parts than this are no list a reader could add up (the reports' longest has 4), and are not
 * checked: in one sentence of 3,000 figures every total took every figure before it as a part, and
 * its check row grew with the sentence.
 */
const MAX_PARTS = 20;

/**
 * Parts against a stated total: parts listed before 合计/共计 (802条、163条，合计965条) must add up
 * to it; parts listed after 其中 must not exceed it (they may cover only some of it). Counted
 * within one sentence (其中 opening a sentence refers to the sentence before), same unit only.
 */
export function checkTotals(result: ReportIndicators): Check[] {
  const groups = sentenceGroups(result.contexts);
  const checks: Check[] = [];
  groups.forEach((group, g) => {
    for (const [i, context] of group.entries()) {
      if (context.change || !TOTAL_BEFORE.test(context.before)) continue;
      const parts = runBefore(group, i);
      if (parts.length >= 2) checks.push(totalCheck(result, context, parts, 'sum'));
    }
    const among = amongCheck(groups[g - 1] ?? [], group);
    if (among) checks.push(totalCheck(result, among.total, among.parts, 'among'));
  });
  return checks;
}

/** The figures of the same unit right before the total, up to the first one of another unit. */
function runBefore(group: readonly FigureContext[], index: number): FigureContext[] {
  const total = group[index] as FigureContext;
  let first = index;
  while (first > 0) {
    const part = group[first - 1] as FigureContext;
    if (part.change || part.figure.unit !== total.figure.unit) break;
    if (index - first === MAX_PARTS) return [];
    first--;
  }
  return group.slice(first, index);
}

function amongCheck(previous: readonly FigureContext[], group: readonly FigureContext[]) {
  const sentence = group[0]?.figure.sentence ?? '';
  const at = sentence.indexOf(AMONG);
  if (at < 0) return undefined;
  const levels = (list: readonly FigureContext[]) => list.filter((c) => !c.change);
  const beforeAmong = levels(group).filter((c) => c.offset < at);
  const opening = sentence.slice(0, at).replace(/[\s“”"]/gu, '') === '';
  const total = beforeAmong.at(-1) ?? (opening ? levels(previous).at(-1) : undefined);
  if (!total) return undefined;
  const parts = levels(group).filter((c) => c.offset > at && c.figure.unit === total.figure.unit);
  return parts.length >= 2 && parts.length <= MAX_PARTS ? { total, parts } : undefined;
}

function totalCheck(
  result: ReportIndicators,
  total: FigureContext,
  parts: readonly FigureContext[],
  form: 'sum' | 'among',
): Check {
  const figures = [total.figure, ...parts.map((p) => p.figure)];
  const sum = parts.reduce((s, p) => s + p.figure.value, 0);
  const value = total.figure.value;
  const exact = figures.every((f) => f.qualifier === 'exact');
  const equal = Math.abs(sum - value) <= 1e-6 * Math.max(1, Math.abs(value));
  const within = sum <= value + 1e-6 * Math.max(1, Math.abs(value));
  const status = !exact
    ? 'cannot_tell'
    : equal || (form === 'among' && within)
      ? 'pass'
      : form === 'sum'
        ? 'fail'
        : 'cannot_tell';
  const terms = parts.map((p) => p.figure.text).join(' + ');
  const [zh, en] = totalWords(status, form, equal);
  return makeCheck({
    kind: 'total',
    reportId: result.report.id,
    indicatorId: '',
    figures,
    expected: Number(sum.toFixed(6)),
    actual: value,
    status,
    explanation: `${terms} = ${shown(sum)}${total.figure.unit}，${zh}${total.figure.text}。`,
    explanationEn: `${terms} = ${shown(sum)} ${total.figure.unit}: ${en} ${total.figure.text}.`,
  });
}

function totalWords(status: string, form: 'sum' | 'among', equal: boolean): [string, string] {
  if (status === 'cannot_tell' && form === 'among' && !equal)
    return [
      '超过“其中”之前的总数（分项可能重叠）',
      'more than the total before 其中 (the parts may overlap)',
    ];
  if (status === 'cannot_tell')
    return ['含约数，无法核对合计', 'approximate, so it cannot be checked against'];
  if (equal) return ['等于合计', 'equals the total'];
  if (status === 'pass') return ['不超过“其中”之前的总数', 'does not exceed the total before 其中'];
  return ['不等于合计', 'does not equal the total'];
}
