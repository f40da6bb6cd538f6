/** Fetched bytes → report text, by what they are: a PDF, an HTML page or plain text. */
import { decodePage } from './charset.ts';
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
export function pageFormat(contentType: string, bytes: Uint8Array): PageFormat {
  if (isPdf(bytes) || /^\s*application\/pdf/i.test(contentType)) return 'pdf';
  if (HTML_TYPE.test(contentType)) return 'html';
  if (TEXT_TYPE.test(contentType)) return 'txt';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  return HTML_START.test(head) ? 'html' : 'txt';
}

export async function pageText(contentType: string, bytes: Uint8Array): Promise<PageText> {
  const format = pageFormat(contentType, bytes);
  if (format === 'pdf') return { format, text: await pdfReportText(bytes) };
  if (format === 'html') return { format, text: htmlReportText(decodePage(contentType, bytes)) };
  return { format, text: decodePage(contentType, bytes, false) };
}

export const ARCHIVE_CONTENT_TYPES: Record<PageFormat, string> = {
  html: 'text/html',
  pdf: 'application/pdf',
  txt: 'text/plain',
};
