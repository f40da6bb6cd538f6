/**
 * Names of reporting bodies in the genre's own shape: administrative units (省, 自治区, 市, 县,
 * 区, 镇, 乡, 街道, 街) optionally followed by a department (局, 委, 办…), and the organ words
 * (人民政府, 办事处, 党工委) that follow a unit's name without being part of it.
 */
import { NAME_HAN_RANGE as CJK } from '../lexicon/index.ts';

const UNIT_SUFFIX = '(?:特别行政区|自治区|自治州|自治县|自治旗|街道|省|市|县|区|盟|旗|镇|乡|街)';
const DEPARTMENT_SUFFIX = '(?:委员会|办公室|管委会|局|委|办|厅|署|中心)';
const ORGAN = '(?:人民政府|办事处|党工委|党委|政府)';

/** One or more administrative units at the start, e.g. 天津市滨海新区, 四川省, 某某县. */
const LEADING_UNITS = new RegExp(`^(?:[${CJK}]{1,10}?${UNIT_SUFFIX}){1,4}`, 'u');
/** A unit named right before its organ, as prose says it: 某某街党工委, 某某街道办事处. */
const UNIT_BEFORE_ORGAN = new RegExp(
  `(?:^|[,，、;；:：\\s]|领导下|以来)([${CJK}]{2,10}?${UNIT_SUFFIX})(?:${ORGAN}|${DEPARTMENT_SUFFIX})`,
  'u',
);
/** A unit opening a clause after the customary leadership phrase: …领导下,某某街道深入… */
const UNIT_AFTER_LEADERSHIP = new RegExp(`(?:领导下|以来)[,，]\\s*([${CJK}]{2,10}?${UNIT_SUFFIX})`, 'u');
/** The whole text is a body's name: 某某镇人民政府, 某某市司法局. */
const WHOLE_ENTITY = new RegExp(
  `^(?:[${CJK}]{1,10}?${UNIT_SUFFIX}){1,4}(?:[${CJK}]{1,10}?${DEPARTMENT_SUFFIX})?${ORGAN}?$`,
  'u',
);
const TRAILING_ORGAN = new RegExp(`(?<=${UNIT_SUFFIX})${ORGAN}$`, 'u');
const DECORATION = /^[\s|｜·•*#【】[\]《》<>“”"'‘’:：,，]+|[\s|｜·•*#【】[\]《》<>“”"'‘’:：,，]+$/gu;
const LEADING_ABOUT = /^关于/;
const NAME = new RegExp(`^[${CJK}（）()·]+$`, 'u');

/** The administrative units a title starts with ('' when it does not start with one). */
export function leadingUnits(text: string): string {
  return LEADING_UNITS.exec(text)?.[0] ?? '';
}

/** Whether a line is nothing but a body's name (the first of a two-line title). */
export function isEntityName(text: string): boolean {
  const name = stripDecoration(text);
  return name.length >= 2 && name.length <= 30 && WHOLE_ENTITY.test(name);
}

/** A body's name as written, without decoration and without a trailing organ (人民政府, 办事处). */
export function cleanEntity(text: string): string {
  const name = stripDecoration(text).replace(LEADING_ABOUT, '');
  if (!NAME.test(name) || name.length > 30) return '';
  return name.replace(TRAILING_ORGAN, '');
}

/** The reporting body named in an opening sentence ('' when it cannot be found reliably). */
export function entityInProse(sentence: string): string {
  const match = UNIT_BEFORE_ORGAN.exec(sentence) ?? UNIT_AFTER_LEADERSHIP.exec(sentence);
  return match?.[1] ?? '';
}

export function stripDecoration(text: string): string {
  return text.replace(DECORATION, '');
}
