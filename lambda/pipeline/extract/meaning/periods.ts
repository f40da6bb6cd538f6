/**
 * Periods: the time a figure covers, as years (and months within one), and how docs/meaning.md
 * writes it (`2023`, `2021/2025`, `../2025`, `2023-01/2023-06`).
 */

/** Whole years `from` to `to` (one year when equal; no start said when `from` is null), or months of one year. */
export interface Period {
  from: number | null;
  to: number;
  months?: readonly [number, number];
}

/** The report's years a relative time is read from (docs/meaning.md). */
export interface ReportYears {
  /** The year the report is dated (its `year`): 今年. */
  year: number;
  /** The year its results are of: a 政府工作报告 of 2026 reviews 2025, a report of any other kind its own year. */
  reviewed: number;
  /** The year its plans are for: the next after the one reviewed. */
  planned: number;
}

export function yearPeriod(year: number): Period {
  return { from: year, to: year };
}

export function spanPeriod(from: number, to: number): Period {
  return from >= to ? yearPeriod(to) : { from, to };
}

/** A span of several whole years (the level rules of a stretch apply to it). */
export function isSpan(period: Period): boolean {
  return period.months === undefined && period.from !== period.to;
}

/** The year a period starts in (its end when no start is said). */
export function startYear(period: Period): number {
  return period.from ?? period.to;
}

const pad = (month: number): string => String(month).padStart(2, '0');

/** The last period written and how: the figures of a stretch share one Period and so one string. */
let lastPeriod: Period | null = null;
let lastText = '';

/** The period as docs/meaning.md writes it. */
export function formatPeriod(period: Period | null): string {
  if (period === null) return '';
  if (period !== lastPeriod) {
    lastText = writePeriod(period);
    lastPeriod = period;
  }
  return lastText;
}

function writePeriod(period: Period): string {
  const { from, to, months } = period;
  if (months) {
    const [first, last] = months;
    return first === last ? `${to}-${pad(first)}` : `${to}-${pad(first)}/${to}-${pad(last)}`;
  }
  if (from === null) return `../${to}`;
  return from === to ? String(to) : `${from}/${to}`;
}
