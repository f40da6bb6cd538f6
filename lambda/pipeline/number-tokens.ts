/**
 * Linear scan of a text for numerals: Arabic runs (with sign, grouping and decimal marks)
 * and Chinese numeral runs. It knows nothing of units or context; figures.ts decides.
 */
import {
  isChineseNumeralChar,
  isChineseNumeralCode,
  isDecimalMark,
  isDigitChar,
  parseArabicNumber,
  parseChineseInteger,
} from './numerals.ts';

export type NumberKind = 'arabic' | 'chinese' | 'bare';

export interface NumberToken {
  /** Start of the token, including a minus sign. */
  start: number;
  /** Start of the digits (after the sign). */
  coreStart: number;
  end: number;
  value: number;
  /** `bare` is a magnitude word alone (百, 千万, 亿): a number only after 逾/近/上. */
  kind: NumberKind;
}

/** Longer Chinese runs are not numerals a report would write (and would cost time to parse). */
const MAX_CHINESE_RUN = 12;
const MINUS_SIGNS = '-－−';
const BARE_CHARS = '十百千万亿';

export function isAsciiLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a)
  );
}

function digitsEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isDigitChar(text[j])) j++;
  return j;
}

/** Grouping is valid only as 1–3 digits then groups of exactly three (1,234 · 12，345，678). */
function groupedEnd(text: string, i: number, intEnd: number): number {
  if (intEnd - i > 3) return intEnd;
  let j = intEnd;
  while ((text[j] === ',' || text[j] === '，') && digitsEnd(text, j + 1) === j + 4) j += 4;
  return j;
}

function lexArabic(text: string, i: number): NumberToken | null {
  let end = groupedEnd(text, i, digitsEnd(text, i));
  if (isDecimalMark(text[end]) && isDigitChar(text[end + 1])) end = digitsEnd(text, end + 1);
  const value = parseArabicNumber(text.slice(i, end));
  if (value === null) return null;
  const before = text[i - 1];
  const beforeSign = text[i - 2];
  const signed =
    before !== undefined &&
    MINUS_SIGNS.includes(before) &&
    !isDigitChar(beforeSign) &&
    !isAsciiLetter(beforeSign) &&
    !isChineseNumeralChar(beforeSign);
  return { start: signed ? i - 1 : i, coreStart: i, end, value: signed ? -value : value, kind: 'arabic' };
}

function isBare(run: string): boolean {
  for (const ch of run) if (!BARE_CHARS.includes(ch)) return false;
  return true;
}

function lexChinese(text: string, i: number, runEnd: number): NumberToken | null {
  if (runEnd - i > MAX_CHINESE_RUN) return null;
  const run = text.slice(i, runEnd);
  if (isBare(run) && run !== '十') {
    const value = parseChineseInteger(run);
    return value === null ? null : { start: i, coreStart: i, end: runEnd, value, kind: 'bare' };
  }
  const value = parseChineseInteger(run);
  if (value !== null) return { start: i, coreStart: i, end: runEnd, value, kind: 'chinese' };
  // 统一三个… or 进一步: a leading 一 that belongs to the word before.
  if (run[0] === '一' && runEnd - i > 1) return lexChinese(text, i + 1, runEnd);
  return null;
}

/** All numeral tokens of `text`, in order, without overlaps. */
export function scanNumberTokens(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    // Hot path: most characters are neither digits nor numerals (〇 U+3007 is the lowest numeral).
    const isDigit = (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
    if (!isDigit && !isChineseNumeralCode(code)) {
      i++;
      continue;
    }
    const ch = text[i];
    if (isDigit) {
      const tok = lexArabic(text, i);
      const end = tok ? tok.end : digitsEnd(text, i);
      if (tok) out.push(tok);
      i = Math.max(end, i + 1);
    } else if (isChineseNumeralChar(ch)) {
      let runEnd = i;
      while (runEnd < n && isChineseNumeralChar(text[runEnd])) runEnd++;
      // A magnitude right after Arabic digits (3.5万) belongs to that number, not to a new one.
      if (!isDigitChar(text[i - 1])) {
        const tok = lexChinese(text, i, runEnd);
        if (tok) out.push(tok);
      }
      i = runEnd;
    } else {
      i++;
    }
  }
  return out;
}
