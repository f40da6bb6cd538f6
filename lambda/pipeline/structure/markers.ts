/**
 * Heading markers as the genre writes them. Line-start markers: 一、 （一）/(一) 1./1、/1． (1)/（1）.
 * Sentence-start markers (at a line start or after 。！？；): 一是 and 第一，. A marker's title ends
 * at the first sentence end, at a run of spaces (a heading and its body on one line) or at the line end.
 */
import {
  AFTER_CLAUSE_END,
  CLOSE_PARENS,
  CN_ONE_TO_TEN,
  COLONS,
  COMMAS,
  classOf,
  ENUMERATION_COMMA,
  isClauseEndCode,
  isSentenceEndCode,
  LIST_NUMBER_MARKS,
  OPEN_PARENS,
} from '../lexicon/index.ts';
import { isSpaceAt, type Line } from './lines.ts';

export type MarkerKind = 'chinese' | 'chineseParen' | 'arabic' | 'arabicParen' | 'ordinalShi' | 'ordinalDi';

export interface MarkerHit {
  kind: MarkerKind;
  /** Offset of the marker's first character. */
  start: number;
  marker: string;
  title: string;
  /** End of the title (exclusive). */
  end: number;
  /** Whether the title was cut at spaces with body text following on the same line. */
  bodyFollows: boolean;
}

const CN = `[${classOf(CN_ONE_TO_TEN)}]`;
const [MARK, OPEN, CLOSE] = [LIST_NUMBER_MARKS, OPEN_PARENS, CLOSE_PARENS].map(classOf);
const ORDINAL_END = classOf(`${COMMAS}${ENUMERATION_COMMA}${COLONS}`);
const LINE_MARKERS: [MarkerKind, RegExp][] = [
  ['chinese', new RegExp(`${CN}{1,3}[${MARK}](?!${CN}{1,3}(?:[、．]|[级轮类批档星]))`, 'y')],
  ['chineseParen', new RegExp(`[${OPEN}]${CN}{1,3}[${CLOSE}]`, 'y')],
  ['arabic', new RegExp(`\\d{1,2}[${MARK}](?![\\d.．])`, 'y')],
  ['arabicParen', new RegExp(`[${OPEN}]\\d{1,2}[${CLOSE}]`, 'y')],
];
const SENTENCE_MARKER = new RegExp(
  `${AFTER_CLAUSE_END}(?:(${CN}{1,3}是)|(第${CN}{1,3}[${ORDINAL_END}](?!${CN})))`,
  'gu',
);

/** The line-start marker of a line, if any. */
export function lineMarker(text: string, line: Line): MarkerHit | null {
  const from = line.trimmed.start;
  for (const [kind, pattern] of LINE_MARKERS) {
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (match === null) continue;
    return withTitle(text, kind, from, match[0], line.trimmed.end, isSentenceEndCode, true);
  }
  return null;
}

/** The 一是/第一， markers that open sentences of a line, from `from` on. */
export function sentenceMarkers(text: string, line: Line, from: number): MarkerHit[] {
  const content = text.slice(line.trimmed.start, line.trimmed.end);
  const hits: MarkerHit[] = [];
  SENTENCE_MARKER.lastIndex = Math.max(0, from - line.trimmed.start);
  for (let match = SENTENCE_MARKER.exec(content); match !== null; match = SENTENCE_MARKER.exec(content)) {
    const kind: MarkerKind = match[1] === undefined ? 'ordinalDi' : 'ordinalShi';
    const start = line.trimmed.start + match.index;
    hits.push(withTitle(text, kind, start, match[0], line.trimmed.end, isClauseEndCode, false));
  }
  return hits;
}

function withTitle(
  text: string,
  kind: MarkerKind,
  start: number,
  marker: string,
  lineEnd: number,
  stops: (code: number) => boolean,
  cutAtSpaces: boolean,
): MarkerHit {
  let from = start + marker.length;
  while (from < lineEnd && isSpaceAt(text, from)) from++;
  let end = from;
  let bodyFollows = false;
  while (end < lineEnd && !stops(text.charCodeAt(end))) {
    if (cutAtSpaces && isSpaceAt(text, end)) {
      bodyFollows = true;
      break;
    }
    end++;
  }
  return { kind, start, marker: marker.trim(), title: text.slice(from, end), end, bodyFollows };
}
