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

/** Cheap pre-filter on the hot path: newline, ASCII quote, ‘’“” and 〈〉《》「」『』. */
function mayBeSpecial(c: number): boolean {
  return c === 10 || c === 34 || (c >= 0x2018 && c <= 0x201d) || (c >= 0x3008 && c <= 0x300f);
}

/** Protected spans (each including its brackets), sorted by start, not overlapping. */
export function findProtectedRanges(text: string): Span[] {
  const open = new Map<string, number>();
  const closers = new Map<string, readonly [string, number]>();
  for (const [o, c, max] of PAIRS) closers.set(c, [o, max]);
  const openers = new Set(PAIRS.map((p) => p[0]));
  const raw: Span[] = [];
  let asciiQuote = -1;
  for (let i = 0; i < text.length; i++) {
    if (!mayBeSpecial(text.charCodeAt(i))) continue;
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
