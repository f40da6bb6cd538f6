/**
 * Digits and numerals as the genre writes them: ASCII and full-width digits (２０２３), the Chinese
 * numeral characters, and the marks written with them (decimal points, minus signs, the 、 or
 * ． after a list number). The scanner's hot loops test codes, so the digit predicate compares
 * ranges and the others are tables built once.
 */

export const ASCII_DIGITS = '0123456789';
const WIDE_DIGITS = '０１２３４５６７８９';
export const DIGITS = `${ASCII_DIGITS}${WIDE_DIGITS}`;

/** True for an ASCII or full-width digit (0-9, ０-９). */
export function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** 一 to 十: what numbers headings and list items (一、 （三） 一是 第二，). */
export const CN_ONE_TO_TEN = '一二三四五六七八九十';
/** The magnitudes, which alone make a bare figure (超千亿元, 百万人口). */
export const CN_MAGNITUDES = '十百千万亿';
/** Every character a Chinese numeral may hold: digits, 两, the magnitudes, the old 廿 and 卅. */
export const CN_NUMERALS = '零〇一二两三四五六七八九十百千万亿廿卅';
/** Digits of a year written digit by digit (二〇二三年), with the circle ○ that stands for 〇. */
export const CN_YEAR_DIGITS = '〇零○一二三四五六七八九';

/** Decimal marks used in reports: `.`, full-width `．` and the middle dot of `1·8%`. */
export const DECIMAL_MARKS = '.．·';
/** Hyphen-minus, full-width minus and the minus sign. */
export const MINUS_SIGNS = '-－−';

/** True for the UTF-16 code of a MINUS_SIGNS member. */
export function isMinusCode(c: number): boolean {
  return c === 0x2d || c === 0xff0d || c === 0x2212;
}
/** What may follow a list number: 一、 1. 1．. */
export const LIST_NUMBER_MARKS = '、．.';

/** True for the UTF-16 code of a DECIMAL_MARKS member. */
export function isDecimalCode(c: number): boolean {
  return c === 0x2e || c === 0xff0e || c === 0xb7;
}
