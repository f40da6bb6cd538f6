/**
 * Sentences: text split after 。！？!? (with the closing quotes or brackets that follow them),
 * at line breaks and at given extra break points (a heading's end on its body's line). Every
 * non-blank character belongs to exactly one sentence; spans exclude surrounding whitespace.
 */

import type { Span } from '../report/types.ts';
import { isSpaceAt, type Line } from './lines.ts';

const TERMINATORS = new Set(['。', '！', '？', '!', '?']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】', '〕', '"', "'"]);

/** Sentence spans of all lines; `breaks` are sorted offsets where a sentence must end. */
export function splitSentences(text: string, lines: Line[], breaks: number[] = []): Span[] {
  const sentences: Span[] = [];
  let nextBreak = 0;
  for (const line of lines) {
    let start = line.trimmed.start;
    const end = line.trimmed.end;
    while (nextBreak < breaks.length && (breaks[nextBreak] ?? 0) <= start) nextBreak++;
    for (let i = start; i < end; i++) {
      const cut = sentenceEndAfter(text, i, end, breaks[nextBreak]);
      if (cut === null) continue;
      pushTrimmed(text, sentences, start, cut);
      start = cut;
      i = cut - 1;
      while (nextBreak < breaks.length && (breaks[nextBreak] ?? 0) <= start) nextBreak++;
    }
    pushTrimmed(text, sentences, start, end);
  }
  return sentences;
}

/** Where the sentence ends if it ends at i (after a terminator and its closers, or at a break). */
function sentenceEndAfter(
  text: string,
  i: number,
  lineEnd: number,
  nextBreak: number | undefined,
): number | null {
  if (nextBreak !== undefined && i === nextBreak) return i;
  if (!TERMINATORS.has(text.charAt(i))) return null;
  let end = i + 1;
  while (end < lineEnd && (TERMINATORS.has(text.charAt(end)) || CLOSERS.has(text.charAt(end)))) end++;
  return end;
}

function pushTrimmed(text: string, sentences: Span[], from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && isSpaceAt(text, start)) start++;
  while (end > start && isSpaceAt(text, end - 1)) end--;
  if (end > start) sentences.push({ start, end });
}

/** The sentence containing offset, else the last one before it, else the first (binary search). */
export function sentenceAt(sentences: Span[], offset: number): Span {
  let low = 0;
  let high = sentences.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((sentences[mid] as Span).start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  const sentence = sentences[Math.max(found, 0)];
  return sentence === undefined ? { start: offset, end: offset } : { ...sentence };
}
