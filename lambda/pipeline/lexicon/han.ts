/**
 * Han characters by code range. Two ranges on purpose: the names of bodies (entity.ts) admit the
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
