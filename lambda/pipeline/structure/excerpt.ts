/**
 * The sentence a dataset row gives with its figure: the whole sentence when it is short, else a
 * window around the figure. A row that repeated a sentence of 3,000 figures (65 KB) made every
 * dataset quadratic in it (572 MB written); the report page keeps the full text. The rule is in
 * docs/figures.md ("The sentence in the datasets").
 */
import { codeTableOf, EXCERPT_CUT_MARKS } from '../lexicon/index.ts';
import type { Span } from '../report/index.ts';

/** How far the window reaches on either side of the figure, in UTF-16 code units. */
export const EXCERPT_REACH = 60;
/** Marks a window may be cut after, by code. */
const IS_CUT_MARK = codeTableOf(EXCERPT_CUT_MARKS);
/** Written where a side was cut, so that a reader knows the sentence goes on. */
const CUT = '…';

/**
 * `sentence` as the datasets give the figure at `figure` (offsets into the sentence). A side is
 * kept whole when it has at most EXCERPT_REACH characters; otherwise it is cut at the clause mark
 * farthest from the figure within reach (the mark stays on the right, goes on the left), or at the
 * reach itself when there is none, and the cut is marked with `…`.
 */
export function sentenceExcerpt(sentence: string, figure: Span): string {
  const from = figure.start <= EXCERPT_REACH ? 0 : leftCut(sentence, figure.start);
  const to = sentence.length - figure.end <= EXCERPT_REACH ? sentence.length : rightCut(sentence, figure.end);
  if (from === 0 && to === sentence.length) return sentence;
  return `${from > 0 ? CUT : ''}${sentence.slice(from, to)}${to < sentence.length ? CUT : ''}`;
}

/** Just after the first clause mark of the reach before `start`, else the reach's start. */
function leftCut(sentence: string, start: number): number {
  const reach = start - EXCERPT_REACH;
  for (let i = reach; i < start; i++) if (IS_CUT_MARK[sentence.charCodeAt(i)] === 1) return i + 1;
  // Never between the halves of a surrogate pair.
  return isLowSurrogate(sentence.charCodeAt(reach)) ? reach + 1 : reach;
}

/** Just after the last clause mark of the reach after `end`, else the reach's end. */
function rightCut(sentence: string, end: number): number {
  const reach = end + EXCERPT_REACH;
  for (let i = reach - 1; i >= end; i--) if (IS_CUT_MARK[sentence.charCodeAt(i)] === 1) return i + 1;
  return isLowSurrogate(sentence.charCodeAt(reach)) ? reach - 1 : reach;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
