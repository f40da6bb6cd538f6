/**
 * Splitting a line into table cells, with their offsets: pipe tables (`a | b | c |`) and
 * whitespace tables (cells apart by tabs, two spaces or an ideographic space). Prose lines are
 * rejected cheaply, so that reading tables adds little to a pass over a whole report.
 */

export interface Cell {
  /** The cell's text, trimmed. */
  text: string;
  start: number;
  end: number;
}

const PIPES = '|｜';
const SPACE = ' \t\u3000\u00a0\r';
const RULE = /^:?[-—–－=]{2,}:?$/;

/**
 * Next index of `needle` at or after a position (Infinity when none), for positions asked in
 * increasing order: cached, so that a walk over every line scans the text once.
 */
export class NextIndex {
  private at = -1;
  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  from(pos: number): number {
    if (this.at >= pos) return this.at;
    const found = this.text.indexOf(this.needle, pos);
    this.at = found < 0 ? Number.POSITIVE_INFINITY : found;
    return this.at;
  }
}

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

/** Marks of a table line, each found with indexOf: far faster than a regex over CJK text. */
const TABLE_MARKS = ['|', '｜', '\t', '  ', '\u3000'];

function isIndent(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && SPACE.includes(text[k] as string)) k--;
  return k < 0 || text[k] === '\n';
}

/** Finds the lines that hold a table mark after their indentation, walking forward once. */
export class TableLines {
  private readonly marks: NextIndex[];

  constructor(private readonly text: string) {
    this.marks = TABLE_MARKS.map((m) => new NextIndex(text, m));
  }

  /** Start of the first line at or after `pos` with a mark inside it, or -1. */
  nextFrom(pos: number): number {
    let p = pos;
    for (;;) {
      let at = Number.POSITIVE_INFINITY;
      for (const m of this.marks) at = Math.min(at, m.from(p));
      if (at === Number.POSITIVE_INFINITY) return -1;
      // Paragraph indentation (　　) is whitespace at the start of a line, not a cell gap.
      if (this.text[at] !== '|' && this.text[at] !== '｜' && isIndent(this.text, at)) {
        p = at + 1;
        continue;
      }
      return this.text.lastIndexOf('\n', at) + 1;
    }
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
