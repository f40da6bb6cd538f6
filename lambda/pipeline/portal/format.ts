import type { Change, Qualifier, Status } from '../report/index.ts';

/**
 * 1234567.5 → "1,234,567.5", 10000 → "10,000": grouping done by hand so the bytes never depend on
 * the ICU build. The one grouping of the portal, for values and for counts alike.
 */
export function formatNumber(value: number): string {
  const [whole = '', fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** 15818 → "15.4 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const QUALIFIER_NAMES: Readonly<Record<Qualifier, { zh: string; en: string }>> = {
  exact: { zh: '确数', en: 'exact' },
  over: { zh: '以上', en: 'over' },
  under: { zh: '不足', en: 'under' },
  approx: { zh: '约数', en: 'approx.' },
};

export const STATUS_NAMES: Readonly<Record<Status, { zh: string; en: string }>> = {
  actual: { zh: '实际', en: 'actual' },
  estimate: { zh: '预计', en: 'estimate' },
  target: { zh: '目标', en: 'target' },
};

export const CHANGE_NAMES: Readonly<Record<Change, { zh: string; en: string }>> = {
  none: { zh: '水平值', en: 'level' },
  up: { zh: '增加', en: 'up' },
  down: { zh: '减少', en: 'down' },
};

/** The value as a reader checks it against the text: "2,361 件", "100 %", "over 50 条". */
export function valueWithUnit(value: number, unit: string): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** A report's short name for tables and filters: "小王庄镇 2023". */
export function reportName(report: { entity: string; year: number | null; id: string }): string {
  const name = [report.entity, report.year ?? ''].join(' ').trim();
  return name || report.id;
}
