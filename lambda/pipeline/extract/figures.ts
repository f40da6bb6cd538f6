/**
 * The figure extractor: finds every figure of FIGURES.md in a report's text in one linear
 * pass (numeral → magnitude → unit → context rules → qualifier), then names what each counts.
 */

import { isDigitCode, isListSeparatorCode } from '../lexicon/index.ts';
import type { FigureMention, NumberMention, Qualifier } from '../report/index.ts';
import { assignLabels, type Draft } from './labels/index.ts';
import { assignMeaning, NO_FRAME, type ReportFrame } from './meaning/index.ts';
import {
  allowsBareMagnitude,
  magnitudeAt,
  matchMagnitudeAndUnit,
  type NumberToken,
  qualifierAfter,
  qualifierBefore,
  type ScanMarks,
  scanNumberTokens,
  type UnitMatch,
  unitKind,
} from './numbers/index.ts';
import { findProtectedRanges, isExcluded, ProtectedCursor } from './rules/index.ts';
import { extractTableFigures } from './tables/index.ts';

const SHANG = 0x4e0a; // 上

/** A space, an ideographic space or a no-break space (NaN, past the end, is none). */
function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0xa0;
}

interface Pending {
  token: NumberToken;
  multiplier: number;
  /** Where the next number of the list must start. */
  next: number;
}

/** Multiplies out a magnitude without float noise (0.38 × 10^8 = 38000000). */
function scaled(value: number, multiplier: number): number {
  // An integer times a power of ten is exact; only decimals need rounding (toPrecision is slow).
  if (multiplier === 1 || Number.isInteger(value)) return value * multiplier;
  const x = value * multiplier;
  // Most decimals times a magnitude are whole (5.67万亿, 0.38亿): within half a unit of the 15th
  // significant digit of an integer r below 10^15, x.toPrecision(15) reads r, so r is the answer.
  const r = Math.round(x);
  if (r !== 0 && Math.abs(r) < 1e15 && Math.abs(x - r) < Math.abs(r) * 5e-16) return r;
  return Number(x.toPrecision(15));
}

function unitAfter(text: string, tok: NumberToken): UnitMatch | null {
  const allowMagnitude = tok.kind !== 'bare';
  const direct = matchMagnitudeAndUnit(text, tok.end, allowMagnitude);
  if (direct) return direct;
  // 6.3 %: one space between a number and its unit.
  const next = tok.end + 1;
  if (isSpaceCode(text.charCodeAt(tok.end)) && next < text.length && !isSpaceCode(text.charCodeAt(next))) {
    return matchMagnitudeAndUnit(text, tok.end + 1, allowMagnitude);
  }
  return null;
}

function qualifierOf(text: string, tok: NumberToken, m: UnitMatch): { qualifier: Qualifier; from: number } {
  const before = qualifierBefore(text, tok.start);
  if (m.roughWord) return { qualifier: 'over', from: before?.start ?? tok.start };
  const after = qualifierAfter(text, m.end);
  if (before) return { qualifier: after ?? before.qualifier, from: before.start };
  if (tok.kind === 'bare' && text.charCodeAt(tok.start - 1) === SHANG)
    return { qualifier: 'over', from: tok.start - 1 };
  return { qualifier: after ?? 'exact', from: tok.start };
}

/** A number without unit that is followed by a list separator and another number. */
function pendingOf(text: string, tok: NumberToken): Pending | null {
  if (tok.kind !== 'arabic') return null;
  const mag = magnitudeAt(text, tok.end);
  const sepAt = tok.end + (mag ? mag.word.length : 0);
  if (!isListSeparatorCode(text.charCodeAt(sepAt))) return null;
  return { token: tok, multiplier: mag ? mag.value : 1, next: sepAt + 1 };
}

function draftOf(text: string, tok: NumberToken, m: UnitMatch, end: number, multiplier: number): Draft {
  const { qualifier, from } = qualifierOf(text, tok, m);
  return {
    start: tok.start,
    end,
    value: scaled(tok.value, multiplier),
    unit: m.unit,
    qualifier,
    text: text.slice(tok.start, end),
    label: '',
    labelFrom: from,
    group: -1,
  };
}

class Collector {
  readonly drafts: Draft[] = [];
  private pending: Pending[] = [];
  private lastEnd = 0;
  private groups = 0;
  private readonly guard: ProtectedCursor;

  constructor(
    private readonly text: string,
    marks: number[],
  ) {
    this.guard = new ProtectedCursor(findProtectedRanges(text, marks));
  }

  take(tok: NumberToken): void {
    if (tok.start < this.lastEnd) return;
    const text = this.text;
    const chained = this.pending.length > 0 && this.pending[this.pending.length - 1]?.next === tok.start;
    if (!chained) this.pending = [];
    if (this.guard.covers(tok.start)) return;
    if (tok.kind === 'bare' && !allowsBareMagnitude(text, tok.start)) return;
    const m = unitAfter(text, tok);
    if (!m) {
      const p = pendingOf(text, tok);
      if (p) this.pending.push(p);
      return;
    }
    if (isExcluded(text, { token: tok, unit: m.unit, kind: unitKind(m.unit), end: m.end })) return;
    const group = this.emitPending(m);
    if (group === null) return;
    const draft = draftOf(text, tok, m, m.end, m.multiplier);
    draft.group = group;
    this.drafts.push(draft);
    this.lastEnd = m.end;
  }

  /**
   * The numbers of a list get the unit (and, if they have none, the magnitude) of its last one.
   * Returns the list's group id (-1 without a list), or null when the whole list is excluded
   * (第1、2、3名 are ranks like their first).
   */
  private emitPending(m: UnitMatch): number | null {
    if (this.pending.length === 0) return -1;
    const first = this.pending[0] as Pending;
    const kind = unitKind(m.unit);
    if (isExcluded(this.text, { token: first.token, unit: m.unit, kind, end: first.token.end })) {
      this.pending = [];
      return null;
    }
    const group = this.groups++;
    for (const p of this.pending) {
      const mult = p.multiplier !== 1 ? p.multiplier : m.multiplier;
      const bare: UnitMatch = { ...m, roughWord: '', end: p.token.end };
      const d = draftOf(this.text, p.token, bare, p.next - 1, mult);
      d.qualifier = 'exact';
      d.unit = m.unit;
      d.group = group;
      this.drafts.push(d);
    }
    this.pending = [];
    return group;
  }
}

/** Both lists sorted by start; a table cell already read as a sentence figure is left out. */
function mergeTableFigures(figures: NumberMention[], cells: NumberMention[]): NumberMention[] {
  if (cells.length === 0) return figures;
  const out: NumberMention[] = [];
  let i = 0;
  for (const cell of cells) {
    while (i < figures.length && (figures[i] as NumberMention).end <= cell.start)
      out.push(figures[i++] as NumberMention);
    const next = figures[i];
    if (next === undefined || next.start >= cell.end) out.push(cell);
  }
  while (i < figures.length) out.push(figures[i++] as NumberMention);
  return out;
}

/**
 * Every figure of `text` (FIGURES.md), sorted by start, with what it means read in the report
 * `frame` (its kind, year and headings; without one, only what the text itself says). Never throws
 * on any string.
 */
export function extractFigures(text: string, frame: ReportFrame = NO_FRAME): FigureMention[] {
  const found: ScanMarks = { marks: [], tableMarks: [], stops: [], invisible: false };
  const tokens = scanNumberTokens(text, found);
  const collector = new Collector(text, found.marks);
  for (const tok of tokens) collector.take(tok);
  const drafts = collector.drafts;
  assignLabels(text, drafts);
  const figures: NumberMention[] = drafts.filter((draft) => isTrustworthy(text, draft, found.invisible));
  if (found.invisible)
    for (const figure of figures) figure.label = figure.label.replace(INVISIBLE_FORMAT, '');
  // assignMeaning makes each a plain FigureMention, the draft's own text (sliced once, when it was taken) in it.
  const mentions = mergeTableFigures(figures, extractTableFigures(text, found.tableMarks));
  return assignMeaning(text, mentions, frame, found.stops);
}

/** Zero-width and bidirectional controls: never part of a label, and a warning sign inside a number. */
const INVISIBLE_FORMAT = /\p{Cf}/gu;

/**
 * A value must be exact in a double (no figure in this genre comes near 2^53), and a number must
 * not be the tail of digits split by an invisible character (`12\u200b34件`): which value the
 * writer meant cannot be known, and a wrong figure is worse than none.
 */
function isTrustworthy(text: string, figure: { start: number; value: number }, invisible: boolean): boolean {
  if (!Number.isFinite(figure.value) || Math.abs(figure.value) > Number.MAX_SAFE_INTEGER) return false;
  if (!invisible) return true;
  let at = figure.start - 1;
  while (at >= 0 && /\p{Cf}/u.test(text[at] as string)) at--;
  return at === figure.start - 1 || !isDigitCode(text.charCodeAt(at));
}
