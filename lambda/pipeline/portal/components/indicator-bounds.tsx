import type { VNode } from 'preact';
import type { IndicatorValue, ReportStatements } from '../../indicators/index.ts';
import { formatNumber } from '../format.ts';
import { evenlySpread } from '../spread.ts';
import { Bilingual } from './bilingual.tsx';
import type { ChartPoint } from './indicator-chart.tsx';

/**
 * The indicators page stays readable and small at any number of reports (10,000 reports would make
 * 530,000 indicator rows, 43 MB of page): up to these limits it is what it always was, and beyond
 * them it shows a deterministic selection, says so, and points to the datasets, which hold all.
 */
/** Most reports in the "by report" table and most checks in the list (as the home page's figures). */
export const INDICATOR_PAGE_LIMIT = 2000;
/** Most reports one indicator's table lists; beyond it, only reports that mention it, evenly spread. */
export const INDICATOR_ROWS_LIMIT = 100;
/** Most dots a chart draws one by one; beyond it, one dot per year: the median of its reports. */
export const CHART_POINTS_LIMIT = 24;

const ROOT = '../';

/** A report and what it says for one indicator. */
export interface Said {
  result: ReportStatements;
  value: IndicatorValue;
}

/**
 * The rows one indicator's table lists: every report up to INDICATOR_ROWS_LIMIT reports; beyond it
 * the reports that mention the indicator (found or ambiguous), at most INDICATOR_ROWS_LIMIT of them
 * evenly spread (the i-th of n is ⌊i·n/limit⌋, in page order), with a note saying so.
 */
export function indicatorRows(said: readonly Said[]): { rows: readonly Said[]; note: VNode | null } {
  if (said.length <= INDICATOR_ROWS_LIMIT) return { rows: said, note: null };
  const mentioned = said.filter((s) => s.value.status !== 'not_mentioned');
  const rows = evenlySpread(mentioned, INDICATOR_ROWS_LIMIT);
  const foundCount = mentioned.filter((s) => s.value.status === 'found').length;
  const [t, m, s, found, ambiguous] = [
    said.length,
    mentioned.length,
    rows.length,
    foundCount,
    mentioned.length - foundCount,
  ].map(formatNumber);
  const zh = `共 ${t} 份报告，其中 ${m} 份提及此指标（已找到 ${found}，不明确 ${ambiguous}）。此表${s === m ? '列出这些报告' : `只列出其中均匀选取的 ${s} 份`}，未提及的报告不列出。`;
  const en = `${t} reports, of which ${m} mention this indicator (found ${found}, ambiguous ${ambiguous}). This table lists ${s === m ? 'those reports' : `${s} of them, evenly spread`}; reports that do not mention it are left out.`;
  return {
    rows,
    note: (
      <p class="selection">
        <Bilingual zh={zh} en={en} /> <FullData />
      </p>
    ),
  };
}

/** The first `limit` reports (or checks) evenly spread over all, with a note when some are left out. */
export function boundedList<T>(
  items: readonly T[],
  [measure, zhNoun, enNoun]: [string, string, string],
  dataset: string,
): { items: readonly T[]; note: VNode | null } {
  const shown = evenlySpread(items, INDICATOR_PAGE_LIMIT);
  if (shown.length === items.length) return { items, note: null };
  const [t, s] = [items.length, shown.length].map(formatNumber);
  return {
    items: shown,
    note: (
      <p class="selection">
        <Bilingual
          zh={`共 ${t} ${measure}${zhNoun}，此处只列出其中均匀选取的 ${s} ${measure}。`}
          en={`${t} ${enNoun} in all; ${s} of them are listed here, evenly spread.`}
        />{' '}
        <Bilingual zh="全部见" en="All are in" /> <a href={`${ROOT}data/${dataset}.csv`}>{dataset}.csv</a>.
      </p>
    ),
  };
}

function FullData() {
  return (
    <>
      <Bilingual zh="每份报告的情况见" en="Every report is in" />{' '}
      <a href={`${ROOT}data/indicator-coverage.csv`}>indicator-coverage.csv</a>,{' '}
      <Bilingual zh="数值见" en="every value in" /> <a href={`${ROOT}data/indicators.csv`}>indicators.csv</a>.
    </>
  );
}

/**
 * The chart's dots: one per report up to CHART_POINTS_LIMIT; beyond it one per year, the median of
 * that year's reports (the count in the label), joined by one line. Undated reports are left out of
 * the medians. Returns whether the dots are medians, for the caption.
 */
export function chartPoints(points: readonly (ChartPoint & { year: number | null })[]): {
  points: ChartPoint[];
  medians: boolean;
} {
  if (points.length <= CHART_POINTS_LIMIT)
    return { points: points.map(({ series, label, value }) => ({ series, label, value })), medians: false };
  const byYear = new Map<number, number[]>();
  for (const { year, value } of points) {
    if (year === null) continue;
    const values = byYear.get(year);
    if (values) values.push(value);
    else byYear.set(year, [value]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const medians = years.map((year) => {
    const values = (byYear.get(year) ?? []).sort((a, b) => a - b);
    const middle = values.length / 2;
    const value =
      values.length % 2
        ? values[Math.floor(middle)]
        : ((values[middle - 1] ?? 0) + (values[middle] ?? 0)) / 2;
    return { series: 'median', label: `${year} (${values.length})`, value: Number((value ?? 0).toFixed(6)) };
  });
  return { points: [...evenlySpread(medians, CHART_POINTS_LIMIT)], medians: true };
}
