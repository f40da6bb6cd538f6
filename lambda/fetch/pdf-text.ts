/**
 * A PDF attachment → report text, with pdf.js through unpdf (its serverless build runs in Node and
 * Lambda without a worker or any download). Page furniture (page numbers) is dropped and lines that
 * pdf.js broke at the right margin are joined back into paragraphs.
 */
import { FetchError } from './fetch-error.ts';

const PAGE_NUMBER =
  /^(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d{1,3})$/u;
const SENTENCE_END = /[。！？；：.!?;:」』”）)]$/u;
/** Lines that start a new paragraph whatever the line before: 一、 （一） 1. 一是 */
const HEADING_START =
  /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|[一二三四五六七八九十]是)/u;
/** Chinese prose wraps anywhere; a wide line ending in a character (not punctuation) went on. */
const ENDS_IN_CHARACTER = /[\u4e00-\u9fff\d%％a-zA-Z“”"]$/u;
const HAS_CJK = /[\u4e00-\u9fff]/u;
/** A line at least this share of the longest line ran into the margin, so its paragraph goes on. */
const FULL_LINE = 0.85;

export function isPdf(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d
  );
}

export async function pdfReportText(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  let pages: string[];
  try {
    // pdf.js may take over (detach) the buffer it is given; the caller still needs its bytes.
    const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    pages = (await extractText(document, { mergePages: false })).text;
  } catch (error) {
    throw new FetchError(`is a PDF that cannot be read (${(error as Error).message})`, false);
  }
  return `${joinWrappedLines(pages.flatMap((page) => page.split('\n')))
    .filter((line) => line !== '')
    .join('\n')}\n`;
}

/** Pure: trimmed lines with page numbers removed and margin-wrapped lines joined. */
export function joinWrappedLines(raw: string[]): string[] {
  const lines = raw.map((line) => line.trim()).filter((line) => line !== '' && !PAGE_NUMBER.test(line));
  const longest = Math.max(0, ...lines.map((line) => line.length));
  const out: string[] = [];
  let wrapping = false;
  for (const line of lines) {
    if (wrapping && !HEADING_START.test(line)) out[out.length - 1] += line;
    else out.push(line);
    const last = out[out.length - 1] ?? '';
    wrapping =
      line.length >= longest * FULL_LINE &&
      HAS_CJK.test(line) &&
      ENDS_IN_CHARACTER.test(line) &&
      !SENTENCE_END.test(last) &&
      longest >= 20;
  }
  return out;
}
