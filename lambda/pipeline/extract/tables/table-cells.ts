/**
 * Splitting a line into table cells, with their offsets: pipe tables (`a | b | c |`) and
 * whitespace tables (cells apart by tabs, two spaces or an ideographic space). Prose lines are
 * rejected cheaply, so that reading tables adds little to a pass over a whole report.
 */
import { codeTableOf, PIPES, TABLE_MARKS } from '../../lexicon/index.ts';

export interface Cell {
  /** The cell's text, trimmed. */
  text: string;
  start: number;
  end: number;
}

const IS_TABLE_MARK = codeTableOf(TABLE_MARKS);
const SPACE = ' \t\u3000\u00a0\r';
const RULE = /^:?[-—–－=]{2,}:?$/;

function trimmedCell(text: string, start: number, end: number): Cell {
  let s = start;
  let e = end;
  while (s < e && SPACE.includes(text[s] as string)) s++;
  while (e > s && SPACE.includes(text[e - 1] as string)) e--;
  return { text: text.slice(s, e), start: s, end: e };
}

function splitOn(text: string, start: number, end: number, isSep: (i: number) => number): Cell[] {
  const cells: Cell[] = [];
  let cellStart = start;
  let i = start;
  while (i < end) {
    const width = isSep(i);
    if (width > 0) {
      cells.push(trimmedCell(text, cellStart, i));
      i += width;
      cellStart = i;
    } else i++;
  }
  cells.push(trimmedCell(text, cellStart, end));
  return cells;
}

function pipeCells(text: string, start: number, end: number): Cell[] {
  const cells = splitOn(text, start, end, (i) => (PIPES.includes(text[i] as string) ? 1 : 0));
  if (cells[0]?.text === '') cells.shift();
  if (cells[cells.length - 1]?.text === '') cells.pop();
  // A Markdown rule line (|---|---|) belongs to the table but holds nothing.
  return cells.every((c) => RULE.test(c.text)) ? [] : cells;
}

/** A run of whitespace inside a line that separates cells: a tab, 2+ spaces, an ideographic space. */
function gapWidth(text: string, i: number, end: number): number {
  const ch = text[i];
  if (ch !== '\t' && ch !== '\u3000' && !(ch === ' ' && text[i + 1] === ' ')) return 0;
  let j = i;
  while (j < end && SPACE.includes(text[j] as string)) j++;
  return j - i;
}

/** The characters of a table mark ('|', '｜', tab, ideographic space, and a space before a space). */
function isTableMarkCode(c: number): boolean {
  return IS_TABLE_MARK[c] === 1;
}

/** Positions of the table-mark characters of `text`, when the caller has not collected them. */
function tableMarkPositions(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (isTableMarkCode(text.charCodeAt(i))) out.push(i);
  return out;
}

function isIndent(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && SPACE.includes(text[k] as string)) k--;
  return k < 0 || text[k] === '\n';
}

/**
 * Finds the lines that hold a table mark after their indentation, walking forward once over the
 * positions of the mark characters. scanNumberTokens collects them in its pass over the text, so
 * prose costs no pass of its own here (five indexOf scans of every report were ~7% of the time).
 */
export class TableLines {
  private index = 0;
  private readonly marks: number[];

  constructor(
    private readonly text: string,
    marks?: number[],
  ) {
    this.marks = marks ?? tableMarkPositions(text);
  }

  /** Start of the first line at or after `pos` with a mark inside it, or -1 (`pos` never decreases). */
  nextFrom(pos: number): number {
    const { text, marks } = this;
    while (this.index < marks.length) {
      const at = marks[this.index] as number;
      this.index++;
      if (at < pos) continue;
      const c = text.charCodeAt(at);
      if (c === 0x20 && text.charCodeAt(at + 1) !== 0x20) continue;
      // Paragraph indentation (　　) is whitespace at the start of a line, not a cell gap.
      if (c !== 0x7c && c !== 0xff5c && isIndent(text, at)) continue;
      this.index--;
      return text.lastIndexOf('\n', at) + 1;
    }
    return -1;
  }
}

/** The cells of line [start, end), or null when it is not a table line. */
export function splitCells(text: string, start: number, end: number): Cell[] | null {
  let s = start;
  while (s < end && SPACE.includes(text[s] as string)) s++;
  if (s >= end) return null;
  const line = text.slice(s, end);
  if (line.includes('|') || line.includes('｜')) {
    const cells = pipeCells(text, s, end);
    return cells.length === 0 || cells.length >= 2 ? cells : null;
  }
  const cells = splitOn(text, s, end, (i) => gapWidth(text, i, end)).filter((c) => c.text !== '');
  return cells.length >= 3 ? cells : null;
}
