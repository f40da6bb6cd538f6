/**
 * Whether extracted text is the report the registry expects. A page that now shows something else
 * (a "moved" notice, a soft 404, the wrong town) must not replace a good report.
 */
import { decodeReport, ReportError } from '../pipeline/report/index.ts';
import type { Source } from './sources.ts';

const MIN_REPORT_CHARS = 50;

/** The problem with the text, or null when it reads as the expected report. */
export function reportTextProblem(text: string, source: Source): string | null {
  try {
    decodeReport(new TextEncoder().encode(text), source.url);
  } catch (error) {
    if (error instanceof ReportError) return `the extracted text ${error.problem}`;
    throw error;
  }
  if (text.replace(/\s/g, '').length < MIN_REPORT_CHARS) return 'has too little text to be a report';
  if (!text.includes(source.entity)) return `does not mention ${source.entity}`;
  if (!text.includes(String(source.year)) && !text.includes(chineseYear(source.year)))
    return `does not mention the year ${source.year}`;
  return null;
}

/** 2024 → 二〇二四, as formal documents write years. */
function chineseYear(year: number): string {
  return [...String(year)].map((digit) => '〇一二三四五六七八九'[Number(digit)]).join('');
}
