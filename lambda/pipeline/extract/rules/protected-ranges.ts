/**
 * Stretches of text whose numbers are never figures: titles of documents and laws
 * (《小王庄镇2023年政务公开工作要点》) and short quoted names of slogans, programmes and
 * models (“一制三化”, “1+1+N”, “15分钟生活圈”). Found in one linear pass.
 */
import { codeTableOf, QUOTE_MARKS, QUOTE_PAIRS, TITLE_BRACKET_PAIRS } from '../../lexicon/index.ts';
import type { Span } from '../../report/index.ts';

/** A title longer than this is more likely an unbalanced 《 than a title. */
const MAX_TITLE = 120;
/** Quoted slogans and names are short; a long quotation may carry real figures. */
const MAX_QUOTE = 30;

/** Opener, closer and the longest span between them that is still protected. */
const PAIRS: ReadonlyArray<readonly [string, string, number]> = [
  ...TITLE_BRACKET_PAIRS.map((pair) => [pair.charAt(0), pair.charAt(1), MAX_TITLE] as const),
  ...QUOTE_PAIRS.map((pair) => [pair.charAt(0), pair.charAt(1), MAX_QUOTE] as const),
];

/** Newline, quotes and title brackets by UTF-16 code: one typed-array load per character. */
const SPECIAL = codeTableOf(`${QUOTE_MARKS}\n`);
/**
 * Per UTF-16 code of a bracket or quote: its pair's index + 1, negative for a closer. Read by
 * code, the walk over the marks makes no one-character strings and no Map lookups.
 */
const PAIR_OF = new Int8Array(0x10000);
PAIRS.forEach(([o, c], k) => {
  PAIR_OF[o.charCodeAt(0)] = k + 1;
  PAIR_OF[c.charCodeAt(0)] = -(k + 1);
});

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
  const open = new Int32Array(PAIRS.length).fill(-1);
  const raw: Span[] = [];
  let asciiQuote = -1;
  for (const i of marks) {
    const code = text.charCodeAt(i);
    const pair = PAIR_OF[code] as number;
    if (code === 10) {
      open.fill(-1);
      asciiQuote = -1;
    } else if (pair > 0) {
      open[pair - 1] = i;
    } else if (pair < 0) {
      const k = -pair - 1;
      const at = open[k] as number;
      if (at >= 0 && i - at <= (PAIRS[k] as readonly [string, string, number])[2]) {
        raw.push({ start: at, end: i + 1 });
      }
      open[k] = -1;
    } else if (code === 34) {
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
