/**
 * What one cell of a statistical table says: a number as tables print it (full-width digits,
 * grouping commas, a minus sign), a unit in a header's brackets or a caption's 单位：, and a row
 * name without its indentation marks and numbering.
 */
import {
  CLOSE_PARENS,
  CN_ONE_TO_TEN,
  COLONS,
  COMMAS,
  classOf,
  DECIMAL_MARKS,
  DIGITS,
  isDigitCode,
  LIST_NUMBER_MARKS,
  MINUS_SIGNS,
  OPEN_PARENS,
} from '../../lexicon/index.ts';
import { matchMagnitudeAndUnit } from '../numbers/index.ts';
import type { Cell } from './table-cells.ts';

export interface ColumnUnit {
  unit: string;
  multiplier: number;
}

const DIGIT = `[${classOf(DIGITS)}]`;
const NUMERIC = new RegExp(
  `^[${classOf(MINUS_SIGNS)}]?${DIGIT}+(?:[${classOf(COMMAS)}]${DIGIT}{3})*(?:[${classOf(DECIMAL_MARKS)}]${DIGIT}+)?$`,
);
export const UNIT_IN_HEADER = /[(（]([^()（）]{1,8})[)）]\s*$/;
const CAPTION_UNIT = /单位\s*[:：]\s*([^\s|，,;；)）]{1,6})/;
/** Row-name decorations of statistical tables: indentation marks, 其中, #, numbering. */
const ROW_DECORATION = new RegExp(
  `^(?:[#＃*＊]+|其中[${classOf(COLONS)}]?|[${classOf(OPEN_PARENS)}]?[${classOf(CN_ONE_TO_TEN)}0-9]+[${classOf(CLOSE_PARENS + LIST_NUMBER_MARKS)}])\\s*`,
);

/** 万元 → { 元, 10^4 }, % → { %, 1 }; null when the words are not a unit. */
export function parseUnit(words: string): ColumnUnit | null {
  const w = words.trim();
  if (!w) return null;
  const m = matchMagnitudeAndUnit(w, 0, true);
  if (!m || m.end !== w.length || m.roughWord) return null;
  return { unit: m.unit, multiplier: m.multiplier };
}

export function headerUnit(cell: string): ColumnUnit | null {
  const m = UNIT_IN_HEADER.exec(cell);
  return m?.[1] ? parseUnit(m[1]) : null;
}

export function isNumericCell(cell: string): boolean {
  return NUMERIC.test(cell);
}

export function rowName(cell: Cell): string {
  let name = cell.text.replace(/\s+/g, '');
  for (let guard = 0; guard < 3; guard++) {
    const m = ROW_DECORATION.exec(name);
    if (!m || m[0].length === name.length) break;
    name = name.slice(m[0].length);
  }
  return name.length > 16 ? name.slice(0, 16) : name;
}

export function digitCount(cell: string): number {
  let count = 0;
  for (let i = 0; i < cell.length; i++) if (isDigitCode(cell.charCodeAt(i))) count++;
  return count;
}

export function parseCellValue(s: string): number {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xfee0);
    else if (ch === '－' || ch === '−') out += '-';
    else if (ch === '．' || ch === '·') out += '.';
    else if (ch !== ',' && ch !== '，') out += ch;
  }
  return Number(out);
}

/** 单位：万元 in a caption line names the unit of a table that follows. */
export function captionUnit(line: string): ColumnUnit | null {
  if (line.length > 80 || !line.includes('单位')) return null;
  const m = CAPTION_UNIT.exec(line);
  return m?.[1] ? parseUnit(m[1]) : null;
}
