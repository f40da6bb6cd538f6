/**
 * Stretches of text whose numbers are never figures: titles of documents and laws
 * (《小王庄镇2023年政务公开工作要点》) and short quoted names of slogans, programmes and
 * models (“一制三化”, “1+1+N”, “15分钟生活圈”). Found in one linear pass.
 */
import type { Span } from './types.ts';

/** A title longer than this is more likely an unbalanced 《 than a title. */
const MAX_TITLE = 120;
/** Quoted slogans and names are short; a long quotation may carry real figures. */
const MAX_QUOTE = 30;

const PAIRS: ReadonlyArray<readonly [string, string, number]> = [
  ['《', '》', MAX_TITLE],
  ['〈', '〉', MAX_TITLE],
  ['“', '”', MAX_QUOTE],
  ['‘', '’', MAX_QUOTE],
  ['「', '」', MAX_QUOTE],
  ['『', '』', MAX_QUOTE],
];

/** Newline, ASCII quote, ‘’“” and 〈〉《》「」『』, by UTF-16 code: one typed-array load per character. */
const SPECIAL = new Uint8Array(0x10000);
for (const c of [10, 34]) SPECIAL[c] = 1;
for (let c = 0x2018; c <= 0x201d; c++) SPECIAL[c] = 1;
for (let c = 0x3008; c <= 0x300f; c++) SPECIAL[c] = 1;
const CLOSERS = new Map<string, readonly [string, number]>(
  PAIRS.map(([o, c, max]) => [c, [o, max]] as const),
);
const OPENERS = new Set(PAIRS.map((p) => p[0]));

/** Positions of the characters of SPECIAL in `text`, in order. */
function specialPositions(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) if (SPECIAL[text.charCodeAt(i)] === 1) out.push(i);
  return out;
}

/**
 * Protected spans (each including its brackets), sorted by start, not overlapping. `marks`, the
 * positions of newlines, quotes and brackets, saves a pass when the caller has them already.
 */
export function findProtectedRanges(text: string, marks: number[] = specialPositions(text)): Span[] {
  const open = new Map<string, number>();
  const closers = CLOSERS;
  const openers = OPENERS;
  const raw: Span[] = [];
  let asciiQuote = -1;
  for (const i of marks) {
    const ch = text[i] as string;
    if (ch === '\n') {
      open.clear();
      asciiQuote = -1;
    } else if (openers.has(ch)) {
      open.set(ch, i);
    } else if (closers.has(ch)) {
      const [o, max] = closers.get(ch) as readonly [string, number];
      const at = open.get(o);
      if (at !== undefined && i - at <= max) raw.push({ start: at, end: i + 1 });
      open.delete(o);
    } else if (ch === '"') {
      if (asciiQuote >= 0 && i - asciiQuote <= MAX_QUOTE) raw.push({ start: asciiQuote, end: i + 1 });
      asciiQuote = asciiQuote >= 0 ? -1 : i;
    }
  }
  return mergeSpans(raw);
}

function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Answers "is this position protected?" for positions asked in increasing order. */
export class ProtectedCursor {
  private index = 0;
  constructor(private readonly spans: Span[]) {}

  covers(pos: number): boolean {
    while (this.index < this.spans.length && (this.spans[this.index] as Span).end <= pos) this.index++;
    const s = this.spans[this.index];
    return s !== undefined && s.start <= pos;
  }
}
