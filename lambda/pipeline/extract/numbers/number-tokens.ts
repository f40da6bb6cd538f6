/**
 * Linear scan of a text for numerals: Arabic runs (with sign, grouping and decimal marks)
 * and Chinese numeral runs. It knows nothing of units or context; figures.ts decides.
 */
import {
  CN_MAGNITUDES,
  CN_NUMERALS,
  codeTableOf,
  DIGITS,
  isDecimalCode,
  isDigitCode,
  isLatinLetterCode,
  isMinusCode,
  QUOTE_MARKS,
  SENTENCE_ENDS,
  TABLE_MARKS,
} from '../../lexicon/index.ts';
import { parseChineseRange } from './chinese-numerals.ts';
import { isChineseNumeralCode, parseArabicNumber } from './numerals.ts';

type NumberKind = 'arabic' | 'chinese' | 'bare';

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
/**
 * Nor are longer runs of digits (a double holds 15–17): `1.` and 100,000 digits would be a figure
 * whose text fills every row it is in, and `123,` repeated is one grouped run read again from each
 * of its commas.
 */
export const MAX_DIGITS = 24;
const IS_MAGNITUDE = codeTableOf(CN_MAGNITUDES);
const SHI = 0x5341;
const YI_ONE = 0x4e00;

function digitsEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isDigitCode(text.charCodeAt(j))) j++;
  return j;
}

/** Grouping is valid only as 1–3 digits then groups of exactly three (1,234 · 12，345，678). */
function groupedEnd(text: string, i: number, intEnd: number): number {
  if (intEnd - i > 3) return intEnd;
  let j = intEnd;
  for (;;) {
    const c = text.charCodeAt(j);
    if ((c !== 0x2c && c !== 0xff0c) || digitsEnd(text, j + 1) !== j + 4) return j;
    j += 4;
  }
}

/** Powers of ten up to 10^14, each exact in a double. */
const POWERS_OF_TEN = Array.from({ length: 15 }, (_, k) => 10 ** k);

/**
 * Up to 15 ASCII digits with at most one ASCII point, summed from codes with no string to parse
 * (-1 for anything else). The digits are exact as an integer and so is a power of ten: their
 * quotient, one correctly rounded division, is the double Number() reads the decimal as (5.2 is
 * 52 / 10), and decimals are most of the genre's figures.
 */
function asciiValue(text: string, start: number, end: number): number {
  let n = 0;
  let digits = 0;
  let point = -1;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2e && point < 0) {
      point = k;
      continue;
    }
    if (c < 0x30 || c > 0x39 || ++digits > 15) return -1;
    n = n * 10 + (c - 0x30);
  }
  return point < 0 ? n : n / (POWERS_OF_TEN[end - point - 1] as number);
}

/** ASCII digits with at most an ASCII point: Number() parses it as is (the common case). */
function isPlainAscii(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if ((c < 0x30 || c > 0x39) && c !== 0x2e) return false;
  }
  return true;
}

function arabicValue(text: string, i: number, end: number): number | null {
  const ascii = asciiValue(text, i, end);
  if (ascii >= 0) return ascii;
  return isPlainAscii(text, i, end) ? Number(text.slice(i, end)) : parseArabicNumber(text.slice(i, end));
}

function digitCount(text: string, start: number, end: number): number {
  let count = 0;
  for (let k = start; k < end; k++) if (isDigitCode(text.charCodeAt(k))) count++;
  return count;
}

/** Where the Arabic numeral starting at i ends: digits, groups of three, a decimal part. */
function arabicEnd(text: string, i: number): number {
  const end = groupedEnd(text, i, digitsEnd(text, i));
  return isDecimalCode(text.charCodeAt(end)) && isDigitCode(text.charCodeAt(end + 1))
    ? digitsEnd(text, end + 1)
    : end;
}

function lexArabic(text: string, i: number, end: number): NumberToken | null {
  if (end - i > MAX_DIGITS && digitCount(text, i, end) > MAX_DIGITS) return null;
  const value = arabicValue(text, i, end);
  if (value === null) return null;
  const beforeSign = text.charCodeAt(i - 2);
  const signed =
    isMinusCode(text.charCodeAt(i - 1)) &&
    !isDigitCode(beforeSign) &&
    !isLatinLetterCode(beforeSign) &&
    !isChineseNumeralCode(beforeSign);
  return { start: signed ? i - 1 : i, coreStart: i, end, value: signed ? -value : value, kind: 'arabic' };
}

/** 百, 千万, 亿: magnitudes alone. A leading 十 counts as a digit (十万 = 100000, 十亿). */
function isBare(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) === SHI && end - start > 1) return false;
  for (let k = start; k < end; k++) if (IS_MAGNITUDE[text.charCodeAt(k)] !== 1) return false;
  return true;
}

function lexChinese(text: string, i: number, runEnd: number): NumberToken | null {
  if (runEnd - i > MAX_CHINESE_RUN) return null;
  const value = parseChineseRange(text, i, runEnd);
  if (isBare(text, i, runEnd) && !(runEnd - i === 1 && text.charCodeAt(i) === SHI)) {
    return value === null ? null : { start: i, coreStart: i, end: runEnd, value, kind: 'bare' };
  }
  if (value !== null) return { start: i, coreStart: i, end: runEnd, value, kind: 'chinese' };
  // 统一三个… or 进一步: a leading 一 that belongs to the word before.
  if (text.charCodeAt(i) === YI_ONE && runEnd - i > 1) return lexChinese(text, i + 1, runEnd);
  return null;
}

/**
 * Character classes by UTF-16 code (1 digit, 2 Chinese numeral): a typed-array lookup per
 * character is the cheapest test V8 can run over prose (a Set or a CJK regex class is several
 * times slower).
 */
const CLASS = new Uint8Array(0x10000);
for (const ch of DIGITS) CLASS[ch.charCodeAt(0)] = 1;
for (const ch of CN_NUMERALS) CLASS[ch.charCodeAt(0)] = 2;
/** 3: the brackets, quotes and newlines protected-ranges.ts needs, collected in the same pass. */
for (const ch of `${QUOTE_MARKS}\n`) CLASS[ch.charCodeAt(0)] = 3;
/** 4: the pipes, tabs and spaces that table-cells.ts looks for (isTableMarkCode). */
for (const ch of TABLE_MARKS) CLASS[ch.charCodeAt(0)] = 4;
/** 5: the sentence ends that extract/meaning reads a figure's sentence by. */
for (const ch of SENTENCE_ENDS) CLASS[ch.charCodeAt(0)] = 5;
/**
 * 6: invisible format characters (\p{Cf}: zero-width spaces, bidirectional controls) and the halves
 * of characters beyond the BMP, where such a character may be: a text without any is spared the
 * search for them in every figure's label and before every number.
 */
const FORMAT = /\p{Cf}/u;
for (let code = 0; code < 0x10000; code++) {
  const surrogate = code >= 0xd800 && code <= 0xdfff;
  if (CLASS[code] === 0 && (surrogate || FORMAT.test(String.fromCharCode(code)))) CLASS[code] = 6;
}

/** Where the scanner leaves the positions of the marks it passes, for the readers after it. */
export interface ScanMarks {
  /** Newlines, quotes and title brackets (protected-ranges.ts). */
  marks: number[];
  /** Pipes, tabs and spaces (table-cells.ts). */
  tableMarks: number[];
  /** Sentence ends and newlines (extract/meaning). */
  stops: number[];
  /** Whether the text may hold an invisible format character (class 6 above). */
  invisible: boolean;
}

/**
 * All numeral tokens of `text`, in order, without overlaps. When `found` is given, the positions
 * of the marks later readers need are pushed to it on the way (one pass over the text instead of
 * four).
 */
export function scanNumberTokens(text: string, found?: ScanMarks): NumberToken[] {
  const out: NumberToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = CLASS[code] as number;
    if (cls === 0) {
      // Most characters are nothing to the scanner: skipped in a loop of their own, they run through
      // none of the branches below (a tenth of extraction time, the outer loop taking them one by one).
      while (++i < n && CLASS[text.charCodeAt(i)] === 0);
      continue;
    }
    if (cls >= 3) {
      if (found) pushMark(found, cls, code, i);
      i++;
      continue;
    }
    if (cls === 1) {
      // A numeral that is none (too long, too big) is passed over whole: none of its tails is one.
      const end = arabicEnd(text, i);
      const tok = lexArabic(text, i, end);
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
    if (!isDigitCode(text.charCodeAt(i - 1))) {
      const tok = lexChinese(text, i, runEnd);
      if (tok) out.push(tok);
    }
    i = runEnd;
  }
  return out;
}

function pushMark(found: ScanMarks, cls: number, code: number, at: number): void {
  if (cls === 3) {
    found.marks.push(at);
    if (code === 0x0a) found.stops.push(at);
  } else if (cls === 4) {
    found.tableMarks.push(at);
  } else if (cls === 5) {
    found.stops.push(at);
  } else {
    found.invisible = true;
  }
}
