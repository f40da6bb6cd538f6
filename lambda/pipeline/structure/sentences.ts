/**
 * Sentences: text split after 。！？!? (with the closing quotes or brackets that follow them),
 * at line breaks and at given extra break points (a heading's end on its body's line). Every
 * non-blank character belongs to exactly one sentence; spans exclude surrounding whitespace.
 */

import { sentenceEndAfter } from '../lexicon/index.ts';
import type { Span } from '../report/index.ts';
import { isSpaceAt, type Line } from './lines.ts';

/** Sentence spans of all lines; `breaks` are sorted offsets where a sentence must end. */
export function splitSentences(text: string, lines: Line[], breaks: number[] = []): Span[] {
  const sentences: Span[] = [];
  let nextBreak = 0;
  for (const line of lines) {
    let start = line.trimmed.start;
    const end = line.trimmed.end;
    while (nextBreak < breaks.length && (breaks[nextBreak] ?? 0) <= start) nextBreak++;
    for (let i = start; i < end; i++) {
      const cut = i === breaks[nextBreak] ? i : sentenceEndAfter(text, i, end);
      if (cut < 0) continue;
      pushTrimmed(text, sentences, start, cut);
      start = cut;
      i = cut - 1;
      while (nextBreak < breaks.length && (breaks[nextBreak] ?? 0) <= start) nextBreak++;
    }
    pushTrimmed(text, sentences, start, end);
  }
  return sentences;
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
