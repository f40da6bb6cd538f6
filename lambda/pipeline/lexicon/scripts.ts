/**
 * Scripts by code range: Han, and the Latin letters of codes and model numbers (ICP备, 5A级).
 * Han characters come in two ranges on purpose: the names of bodies (entity.ts) admit the
 * CJK Extension A block as well, where rare place-name characters live; elsewhere the Unified
 * Ideographs block alone is what a rule means by "a Chinese character" (ICP备 prefixes, a noun
 * after a threshold), and widening it would change which figures are read.
 */

/** CJK Unified Ideographs, U+4E00–U+9FFF, as the body of a RegExp character class. */
export const HAN_RANGE = '\\u4e00-\\u9fff';
/** CJK Extension A and Unified Ideographs, U+3400–U+9FFF: the characters of names. */
export const NAME_HAN_RANGE = '\\u3400-\\u9fff';

/** True for the UTF-16 code of a character of HAN_RANGE. */
export function isHanCode(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** ASCII and full-width Latin letters, by UTF-16 code (NaN, past either end, is none). */
export function isLatinLetterCode(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a)
  );
}
