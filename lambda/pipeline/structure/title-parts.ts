/** A title's words → entity, year and kind: 小王庄镇 | 2023年 | 法治政府建设情况报告, or year first. */
import { CN_YEAR_DIGITS, classOf } from '../lexicon/index.ts';
import { cleanEntity, leadingUnits, stripDecoration } from './entity.ts';

export interface TitleParts {
  entity: string;
  year: number | null;
  kind: string;
}

/** A four-digit year in ASCII, full-width or Chinese digits, followed by 年 or 年度. */
const YEAR = new RegExp(
  `((?:19|20)\\d{2}|[１２][０-９]{3}|[一二][${classOf(CN_YEAR_DIGITS)}]{3})\\s*年(?:度)?`,
  'u',
);
const CHINESE_DIGITS = '〇一二三四五六七八九';

export function parseYear(digits: string): number | null {
  let value = 0;
  for (const ch of digits) {
    const code = ch.charCodeAt(0);
    let digit = -1;
    if (code >= 0x30 && code <= 0x39) digit = code - 0x30;
    else if (code >= 0xff10 && code <= 0xff19) digit = code - 0xff10;
    else digit = CHINESE_DIGITS.indexOf(ch === '零' || ch === '○' ? '〇' : ch);
    if (digit < 0) return null;
    value = value * 10 + digit;
  }
  return value >= 1900 && value <= 2100 ? value : null;
}

/** Splits a title (already trimmed of page furniture) into the body that reports, the year and the kind. */
export function parseTitleParts(title: string): TitleParts {
  const text = stripDecoration(title);
  const match = YEAR.exec(text);
  if (match === null) {
    const units = leadingUnits(text);
    return { entity: cleanEntity(units), year: null, kind: text.slice(units.length) };
  }
  const year = parseYear(match[1] ?? '');
  const before = text.slice(0, match.index);
  const after = stripDecoration(text.slice(match.index + match[0].length));
  if (before.trim().length > 0) return { entity: cleanEntity(before), year, kind: after };
  const units = leadingUnits(after);
  return { entity: cleanEntity(units), year, kind: after.slice(units.length) };
}
