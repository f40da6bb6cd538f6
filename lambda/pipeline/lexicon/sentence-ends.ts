/**
 * The one owner of what ends a sentence: a run of SENTENCE_ENDS (。！？!?, repeated as in ！！ or
 * ？！) with the closing quotes and brackets after it (“…完成。”), which belong to the sentence
 * they close. The splitter, the title and heading readers and the total labels all ask here.
 */
import { classOf, codeTableOf } from './char-class.ts';
import {
  CLAUSE_ENDS,
  CLAUSE_ENDS_AND_LINE_BREAK,
  CLOSERS,
  MARKER_CLOSERS,
  SENTENCE_ENDS,
} from './punctuation.ts';

const IS_SENTENCE_END = codeTableOf(SENTENCE_ENDS);
const IS_CLAUSE_END = codeTableOf(CLAUSE_ENDS);
const IS_CLAUSE_END_OR_LINE_BREAK = codeTableOf(CLAUSE_ENDS_AND_LINE_BREAK);
const IS_END_OR_CLOSER = codeTableOf(SENTENCE_ENDS + CLOSERS);

/** Matches a sentence end anywhere: `TITLE.test`, `text.split(SENTENCE_END)`. */
export const SENTENCE_END = new RegExp(`[${classOf(SENTENCE_ENDS)}]`, 'u');

/**
 * A lookbehind for "a sentence starts here": the text start, or a clause end with the closers
 * and spaces after it (。一是, ；”二是). Heading markers written mid-line (一是, 第一，) need it.
 */
export const AFTER_CLAUSE_END = `(?<=^|[${classOf(CLAUSE_ENDS)}][${classOf(MARKER_CLOSERS)}]*\\s*)`;

/** True for the UTF-16 code of 。！？!?. */
export function isSentenceEndCode(code: number): boolean {
  return IS_SENTENCE_END[code] === 1;
}

/** True for the UTF-16 code of 。！？!? or ；;. */
export function isClauseEndCode(code: number): boolean {
  return IS_CLAUSE_END[code] === 1;
}

/** True for the UTF-16 code of 。！？!?, ；; or a line break (text not yet split into lines). */
export function isClauseEndOrLineBreakCode(code: number): boolean {
  return IS_CLAUSE_END_OR_LINE_BREAK[code] === 1;
}

/**
 * Where the sentence ends when the character at `i` ends it: past the run of sentence ends and
 * closers that starts there, but not past `limit` (a line's end); -1 when `i` ends nothing.
 */
export function sentenceEndAfter(text: string, i: number, limit: number): number {
  if (IS_SENTENCE_END[text.charCodeAt(i)] !== 1) return -1;
  let end = i + 1;
  while (end < limit && IS_END_OR_CLOSER[text.charCodeAt(end)] === 1) end++;
  return end;
}
