/**
 * A report text → its structure: title, headings, paragraphs, sentences and footer. Pure; all
 * offsets index the text exactly as given.
 */

import type { ReportStructure, Span } from '../report/index.ts';
import { parseFooter } from './footer.ts';
import { parseHeadings, sectionPathAt as pathAt } from './headings.ts';
import { paragraphSpans, splitLines } from './lines.ts';
import { sentenceAt as sentenceSpanAt, splitSentences } from './sentences.ts';
import { parseTitle } from './title.ts';

/** The structure of a report with no text: what is kept of a report once its pages are written. */
export const EMPTY_STRUCTURE: Readonly<ReportStructure> = {
  titleInfo: { title: '', entity: '', year: null, kind: '' },
  titleSpan: { start: 0, end: 0 },
  headings: [],
  paragraphs: [],
  sentences: [],
  footer: {},
  footerStart: 0,
};

export function parseStructure(text: string): ReportStructure {
  const lines = splitLines(text);
  const { titleInfo, titleSpan } = parseTitle(lines);
  const { footer, footerStart } = parseFooter(text, lines, titleSpan.end);
  const { headings, bodyBreaks } = parseHeadings(text, lines, { start: titleSpan.end, end: footerStart });
  return {
    titleInfo,
    titleSpan,
    headings,
    paragraphs: paragraphSpans(lines),
    sentences: splitSentences(text, lines, bodyBreaks),
    footer,
    footerStart,
  };
}

/** The heading path at offset joined with ' › ' ('' before the first heading). */
export function sectionPathAt(structure: ReportStructure, offset: number): string {
  return pathAt(structure.headings, offset);
}

/** The sentence containing offset (else the nearest one before it). */
export function sentenceAt(structure: ReportStructure, offset: number): Span {
  return sentenceSpanAt(structure.sentences, offset);
}
