import { sha256Hex } from '../../contract/index.ts';
import type { Figure } from '../report/index.ts';

export type CheckKind = 'rate' | 'total' | 'repeat' | 'approx' | 'restatement';
export type CheckStatus = 'pass' | 'fail' | 'cannot_tell';

export const CHECK_KINDS: readonly CheckKind[] = ['rate', 'total', 'repeat', 'approx', 'restatement'];
export const CHECK_STATUSES: readonly CheckStatus[] = ['pass', 'fail', 'cannot_tell'];

/** A typed finding (STYLE.md): two or more figures checked against each other. */
export interface Check {
  /** Stable: the kind and the figures involved. */
  id: string;
  kind: CheckKind;
  /** The report the check is about (for a restatement: the later report). */
  reportId: string;
  /** The indicator, when the check is about one. */
  indicatorId: string;
  /** The figures involved, the one whose value is tested (`actual`) first. */
  figures: Figure[];
  /** Report ids of `figures`, one each (a restatement spans two reports). */
  figureReports: string[];
  expected: number | null;
  actual: number | null;
  status: CheckStatus;
  explanation: string;
  explanationEn: string;
}

export type CheckInput = Omit<Check, 'id' | 'figureReports'> & { figureReports?: string[] };

/** Fills in the id (and the figures' reports when all are the checked report's). */
export function makeCheck(input: CheckInput): Check {
  const figureReports = input.figureReports ?? input.figures.map(() => input.reportId);
  const key = [input.kind, ...input.figures.map((f) => f.id)].join('\u0000');
  const id = `${input.kind}-${sha256Hex(key).slice(0, 12)}`;
  return { ...input, id, figureReports };
}

/** Values as the explanations write them: at most 4 decimals, no float noise. */
export function shown(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** Half a unit of the last digit written, in the figure's base unit: 100 → 0.5, 96.7 → 0.05, 20.58万 → 50. */
export function roundingTolerance(figure: Figure): number {
  const digits = /\d+(?:[.·]\d+)?/u.exec(figure.text.normalize('NFKC'))?.[0] ?? '';
  const decimals = /[.·](\d+)/u.exec(digits)?.[1]?.length ?? 0;
  const written = Number(digits.replace('·', '.'));
  const scale = written > 0 ? Math.abs(figure.value) / written : 1;
  return 0.5 * 10 ** -decimals * (scale > 0 ? scale : 1);
}

export const STATUS_NAMES: Readonly<Record<CheckStatus, { zh: string; en: string }>> = {
  pass: { zh: '一致', en: 'pass' },
  fail: { zh: '不一致', en: 'fail' },
  cannot_tell: { zh: '无法判断', en: 'cannot tell' },
};

export const KIND_NAMES: Readonly<Record<CheckKind, { zh: string; en: string }>> = {
  rate: { zh: '比率与计数', en: 'rate against counts' },
  total: { zh: '分项与合计', en: 'parts against total' },
  repeat: { zh: '重复出现', en: 'repeated figure' },
  approx: { zh: '约数与确数', en: 'approximate against exact' },
  restatement: { zh: '上年数据复述', en: 'restated previous year' },
};
