/** Lines of a report text with their offsets: the unit titles, headings, paragraphs and footers are made of. */
import type { Span } from '../report/index.ts';

export interface Line extends Span {
  /** The line's text without its line break (start..end). */
  text: string;
  /** The line without leading and trailing whitespace (incl. U+3000); empty at end when blank. */
  trimmed: Span;
}

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/gy;
const SPACE = /\s/u;

/** Whether the character at i is whitespace (JavaScript's \s: includes U+3000 and U+FEFF). */
export function isSpaceAt(text: string, i: number): boolean {
  return SPACE.test(text.charAt(i));
}

/** Every line of the text, blank ones included, in order. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  LINE.lastIndex = 0;
  while (LINE.lastIndex < text.length) {
    const start = LINE.lastIndex;
    const match = LINE.exec(text);
    if (match === null) break;
    const body = match[0].replace(/(?:\r\n|\r|\n)$/, '');
    lines.push(makeLine(body, start));
  }
  return lines;
}

function makeLine(text: string, start: number): Line {
  let from = 0;
  let to = text.length;
  while (from < to && isSpaceAt(text, from)) from++;
  while (to > from && isSpaceAt(text, to - 1)) to--;
  return { start, end: start + text.length, text, trimmed: { start: start + from, end: start + to } };
}

export function isBlank(line: Line): boolean {
  return line.trimmed.start === line.trimmed.end;
}

/** Paragraphs are the non-blank lines, each trimmed of surrounding whitespace. */
export function paragraphSpans(lines: Line[]): Span[] {
  return lines.filter((line) => !isBlank(line)).map((line) => ({ ...line.trimmed }));
}

/** The trimmed content of a line. */
export function trimmedText(line: Line): string {
  return line.text.slice(line.trimmed.start - line.start, line.trimmed.end - line.start);
}
