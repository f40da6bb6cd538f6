/**
 * Parsing of the numerals met in Chinese reports: Arabic and full-width digits with their
 * decimal and grouping marks, Chinese numerals (两, 十二, 一百零五, 三万五千; the parser
 * lives in chinese-numerals.ts) and the magnitude words (万, 亿, 千万) written after a number.
 */
import { CN_NUMERALS, codeTableOf, isDecimalCode, isDigitCode, MINUS_SIGNS } from '../../lexicon/index.ts';
import { parseChineseInteger } from './chinese-numerals.ts';

export { parseChineseInteger };

/** Magnitude words written after a number (3.5万, 1.2亿, 5千万), longest first for matching. */
export const MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 1e12],
  ['千亿', 1e11],
  ['百亿', 1e10],
  ['十亿', 1e9],
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
];

/** One byte per UTF-16 code: a table lookup is cheaper than a Set on the hot path. */
const CHINESE_NUMERAL_CODES = codeTableOf(CN_NUMERALS);

/** True for the UTF-16 code of a character that can be part of a Chinese numeral. */
export function isChineseNumeralCode(code: number): boolean {
  return CHINESE_NUMERAL_CODES[code] === 1;
}

/** True for an ASCII or full-width digit (0-9, ０-９). */
function isDigitChar(ch: string | undefined): boolean {
  return ch !== undefined && isDigitCode(ch.charCodeAt(0));
}

/** The value of one ASCII or full-width digit, or -1. */
function digitValue(ch: string | undefined): number {
  if (ch === undefined) return -1;
  const c = ch.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

/** Decimal marks used in reports: `.`, full-width `．` and the middle dot of `1·8%`. */
function isDecimalMark(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && isDecimalCode(ch.charCodeAt(0));
}

/**
 * Parses Arabic digits as written in a report: full-width digits, decimal marks
 * (`.`, `．`, `·`) and grouping commas (`,` `，`). The caller has already checked that the
 * grouping is valid; here any comma is dropped. Returns null when nothing numeric is left.
 */
export function parseArabicNumber(s: string): number | null {
  let out = '';
  let sawDigit = false;
  let sawPoint = false;
  for (const ch of s) {
    const d = digitValue(ch);
    if (d >= 0) {
      out += String(d);
      sawDigit = true;
    } else if (isDecimalMark(ch) && !sawPoint) {
      out += '.';
      sawPoint = true;
    } else if (ch !== ',' && ch !== '，') {
      return null;
    }
  }
  if (!sawDigit) return null;
  const n = Number(out);
  return Number.isFinite(n) ? n : null;
}

/** The multiplier of a magnitude word (万 → 10^4, 千万 → 10^7), or null. */
export function magnitudeValue(word: string): number | null {
  for (const [w, v] of MAGNITUDES) if (w === word) return v;
  return null;
}

/**
 * Parses a whole number as written: Arabic or Chinese, with an optional sign and a trailing
 * magnitude (3.5万, 1.2亿, -6.2, 1·8, 三万五千, 20.58万). Returns null when it is not one.
 */
export function parseNumber(s: string): number | null {
  const t = s.trim();
  if (t.length === 0) return null;
  const sign = MINUS_SIGNS.includes(t.charAt(0)) ? -1 : 1;
  const body = sign < 0 ? t.slice(1) : t;
  let mult = 1;
  let core = body;
  if (isDigitChar(body[0])) {
    for (const [w, v] of MAGNITUDES) {
      if (body.endsWith(w)) {
        mult = v;
        core = body.slice(0, -w.length);
        break;
      }
    }
    const n = parseArabicNumber(core);
    return n === null ? null : sign * n * mult;
  }
  const n = parseChineseInteger(body);
  return n === null ? null : sign * n;
}
