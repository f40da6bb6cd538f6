/** Fetched bytes → report text, by what they are: a PDF, an HTML page or plain text. */

import { decodePage } from './charset.ts';
import { FetchError } from './fetch-error.ts';
import { htmlReportText } from './html-text.ts';
import { isPdf, pdfReportText } from './pdf-text.ts';

export type PageFormat = 'html' | 'pdf' | 'txt';

export interface PageText {
  format: PageFormat;
  text: string;
}

const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)/i;
const TEXT_TYPE = /^\s*text\/plain/i;
const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<\?xml)/i;

/** What the bytes are: the magic bytes of a PDF win over a wrong Content-Type. */
function pageFormat(contentType: string, bytes: Uint8Array): PageFormat {
  if (isPdf(bytes) || /^\s*application\/pdf/i.test(contentType)) return 'pdf';
  if (HTML_TYPE.test(contentType)) return 'html';
  if (TEXT_TYPE.test(contentType)) return 'txt';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  return HTML_START.test(head) ? 'html' : 'txt';
}

/**
 * An HTML page's tree costs ~80 bytes of memory per byte of markup when it nests deeply (a 20 MiB
 * page of nested elements: 1.6 GB, past the 1 GB function). Report pages are 20–300 KB of HTML;
 * PDFs, whose text is not a tree, keep the download limit of 20 MiB.
 */
const MAX_HTML_BYTES = 4 * 1024 * 1024;

export async function pageText(contentType: string, bytes: Uint8Array): Promise<PageText> {
  const format = pageFormat(contentType, bytes);
  if (format === 'pdf') return { format, text: await pdfReportText(bytes) };
  if (format === 'html' && bytes.byteLength > MAX_HTML_BYTES) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    throw new FetchError(
      `is an HTML page of ${mib(bytes.byteLength)}; pages over ${mib(MAX_HTML_BYTES)} are refused (report pages are well under 1 MiB)`,
      false,
    );
  }
  if (format === 'html') return { format, text: htmlReportText(decodePage(contentType, bytes)) };
  return { format, text: decodePage(contentType, bytes, false) };
}
