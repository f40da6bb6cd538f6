/**
 * Numbers: the scanner that finds numbers in text (Arabic, full-width, Chinese numerals, with
 * magnitudes 万 and 亿), their qualifiers (约, 以上, 近…) and their units, normalised so that one
 * unit is spelled one way.
 */

export type { NumberToken, ScanMarks } from './number-tokens.ts';
export { MAX_DIGITS, scanNumberTokens } from './number-tokens.ts';
export { isChineseNumeralCode, parseChineseInteger } from './numerals.ts';
export { allowsBareMagnitude, qualifierAfter, qualifierBefore } from './qualifiers.ts';
export type { UnitKind, UnitMatch } from './units.ts';
export { magnitudeAt, matchMagnitudeAndUnit, unitKind } from './units.ts';
