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
const MAX_CHINESE_RUN = 24;
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

/** ASCII digits with at most an ASCII point: Number() parses it as is (the common case). */
function isPlainAscii(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if ((c < 0x30 || c > 0x39) && c !== 0x2e) return false;
  }
  return true;
}

function lexArabic(text: string, i: number): NumberToken | null {
  let end = groupedEnd(text, i, digitsEnd(text, i));
  if (isDecimalMark(text[end]) && isDigitChar(text[end + 1])) end = digitsEnd(text, end + 1);
  const value = isPlainAscii(text, i, end)
    ? Number(text.slice(i, end))
    : parseArabicNumber(text.slice(i, end));
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

/** 百, 千万, 亿: magnitudes alone. A leading 十 counts as a digit (十万 = 100000, 十亿). */
function isBare(run: string): boolean {
  if (run[0] === '十' && run.length > 1) return false;
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

/**
 * Character classes by UTF-16 code (1 digit, 2 Chinese numeral): a typed-array lookup per
 * character is the cheapest test V8 can run over prose (a Set or a CJK regex class is several
 * times slower).
 */
const CLASS = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = 1;
for (let c = 0xff10; c <= 0xff19; c++) CLASS[c] = 1;
for (const ch of '零〇一二两三四五六七八九十百千万亿廿卅') CLASS[ch.charCodeAt(0)] = 2;
/** 3: the brackets, quotes and newlines protected-ranges.ts needs, collected in the same pass. */
for (const c of [10, 34]) CLASS[c] = 3;
for (let c = 0x2018; c <= 0x201d; c++) CLASS[c] = 3;
for (let c = 0x3008; c <= 0x300f; c++) CLASS[c] = 3;

/**
 * All numeral tokens of `text`, in order, without overlaps. When `marks` is given, the
 * positions of newlines, quotes and title brackets are pushed to it on the way (one pass over
 * the text instead of two).
 */
export function scanNumberTokens(text: string, marks?: number[]): NumberToken[] {
  const out: NumberToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = CLASS[code];
    if (cls === 0) {
      i++;
      continue;
    }
    if (cls === 3) {
      marks?.push(i);
      i++;
      continue;
    }
    if (cls === 1) {
      const tok = lexArabic(text, i);
      const end = tok ? tok.end : digitsEnd(text, i);
      if (tok) out.push(tok);
      i = Math.max(end, i + 1);
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < n && isChineseNumeralCode(text.charCodeAt(runEnd))) runEnd++;
    // 一 alone is an article or part of a word (进一步, 统一), never a figure (FIGURES.md), and
    // the commonest numeral character of prose: skip it before building a token.
    if (runEnd === i + 1 && code === 0x4e00) {
      i = runEnd;
      continue;
    }
    // A magnitude right after Arabic digits (3.5万) belongs to that number, not to a new one.
    if (!isDigitChar(text[i - 1])) {
      const tok = lexChinese(text, i, runEnd);
      if (tok) out.push(tok);
    }
    i = runEnd;
  }
  return out;
}
