import type { Qualifier } from '../report/types.ts';
import { bilingual, type Html, html } from './html.ts';

/** 1234567.5 → "1,234,567.5": grouping done by hand so the bytes never depend on the ICU build. */
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

export function qualifierName(qualifier: string): Html {
  const name = QUALIFIER_NAMES[qualifier as Qualifier];
  return name ? bilingual(name.zh, name.en) : html`${qualifier}`;
}

/** The value as a reader checks it against the text: "2,361 件", "100 %", "over 50 条". */
export function valueWithUnit(value: number, unit: string): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** A report's short name for tables and filters: "小王庄镇 2023". */
export function reportName(report: { entity: string; year: number | null; id: string }): string {
  const name = [report.entity, report.year ?? ''].join(' ').trim();
  return name || report.id;
}

/** The language switch: hidden until site.js runs, because without it there is nothing to switch. */
export const LANGUAGE_TOGGLE = html`<button type="button" class="lang-toggle" data-lang-toggle hidden><span class="zh" lang="en">English</span><span class="en" lang="zh-CN">中文</span></button>`;
