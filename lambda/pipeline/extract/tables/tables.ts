/**
 * Tables whose unit sits in a header, as statistical communiqués print them:
 *
 *   指标 | 绝对数(万元) | 增长(%) |          指标    单位    绝对数    比上年增长(%)
 *   地区生产总值 | 341881 | 7.23 |          粮食产量  万吨    12.5      3.1
 *
 * A bare number in a cell is a figure only through its column's (or its row's 单位 cell's)
 * unit, so the sentence extractor leaves these cells alone and this module reads them: value ×
 * the header's magnitude, the base unit, and the row name (+ the column name) as label.
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
import type { FigureMention } from '../../report/types.ts';
import { MAX_DIGITS } from '../numbers/number-tokens.ts';
import { matchMagnitudeAndUnit } from '../numbers/units.ts';
import { type Cell, splitCells, TableLines } from './table-cells.ts';

interface ColumnUnit {
  unit: string;
  multiplier: number;
}

interface Header {
  cells: Cell[];
  /** Per column: the unit its header names, or null. */
  units: Array<ColumnUnit | null>;
  /** Column holding each row's own unit (单位, 计量单位), or -1. */
  unitColumn: number;
  /** The unit a caption names for the whole table (单位：万元), or null. */
  caption: ColumnUnit | null;
}

const DIGIT = `[${classOf(DIGITS)}]`;
const NUMERIC = new RegExp(
  `^[${classOf(MINUS_SIGNS)}]?${DIGIT}+(?:[${classOf(COMMAS)}]${DIGIT}{3})*(?:[${classOf(DECIMAL_MARKS)}]${DIGIT}+)?$`,
);
const YEAR_CELL = /^(?:19|20)[0-9]{2}年?$/;
const UNIT_IN_HEADER = /[(（]([^()（）]{1,8})[)）]\s*$/;
const CAPTION_UNIT = /单位\s*[:：]\s*([^\s|，,;；)）]{1,6})/;
/** Column names that hold the indicator's own amount: the label is the row name alone. */
const PLAIN_COLUMN =
  /^(?:绝对数|绝对值|数值|数量|总量|总数|金额|实绩|完成数?|全年|本年|本期|本年累计|累计|合计|计)$/;
/** 比上年增长 → 增长: the comparison base is the same for every row of the column. */
const COMPARISON = /^(?:比上年(?:同期)?|较上年|同比|比去年)/;
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

function headerUnit(cell: string): ColumnUnit | null {
  const m = UNIT_IN_HEADER.exec(cell);
  return m?.[1] ? parseUnit(m[1]) : null;
}

function isNumericCell(cell: string): boolean {
  return NUMERIC.test(cell);
}

/** A header: no numbers in its cells, and at least one column or the caption has a unit. */
function readHeader(cells: Cell[], caption: ColumnUnit | null): Header | null {
  if (cells.length < 2 || cells.some((c) => isNumericCell(c.text))) return null;
  const units = cells.map((c, i) => (i === 0 ? null : headerUnit(c.text)));
  const unitColumn = cells.findIndex((c, i) => i > 0 && /^(?:计量)?单位$/.test(c.text));
  if (!units.some((u) => u) && unitColumn < 0 && !caption) return null;
  return { cells, units, unitColumn, caption };
}

function columnName(header: Header, col: number): string {
  const raw = (header.cells[col]?.text ?? '').replace(UNIT_IN_HEADER, '').trim();
  const name = raw.replace(COMPARISON, '');
  if (!name || PLAIN_COLUMN.test(name) || col === 1) return '';
  return name.length > 6 ? '' : name;
}

function rowName(cell: Cell): string {
  let name = cell.text.replace(/\s+/g, '');
  for (let guard = 0; guard < 3; guard++) {
    const m = ROW_DECORATION.exec(name);
    if (!m || m[0].length === name.length) break;
    name = name.slice(m[0].length);
  }
  return name.length > 16 ? name.slice(0, 16) : name;
}

function cellUnit(header: Header, row: Cell[], col: number): ColumnUnit | null {
  const own = header.units[col];
  if (own) return own;
  if (header.unitColumn >= 0) {
    const u = row[header.unitColumn];
    if (u) return parseUnit(u.text);
  }
  return header.caption;
}

function rowFigures(header: Header, row: Cell[], out: FigureMention[]): void {
  const first = row[0];
  if (!first || isNumericCell(first.text)) return;
  const name = rowName(first);
  if (!name) return;
  for (let col = 1; col < row.length && col < header.cells.length; col++) {
    const cell = row[col] as Cell;
    if (col === header.unitColumn || !isNumericCell(cell.text) || YEAR_CELL.test(cell.text)) continue;
    // A cell of more digits than a report writes is no figure, as in prose (number-tokens.ts).
    if (digitCount(cell.text) > MAX_DIGITS) continue;
    const unit = cellUnit(header, row, col);
    if (!unit) continue;
    const value = parseCellValue(cell.text) * unit.multiplier;
    if (!Number.isFinite(value)) continue;
    out.push({
      start: cell.start,
      end: cell.end,
      value: unit.multiplier === 1 ? value : Number(value.toPrecision(15)),
      unit: unit.unit,
      qualifier: 'exact',
      text: cell.text,
      label: name + columnName(header, col),
    });
  }
}

function digitCount(cell: string): number {
  let count = 0;
  for (let i = 0; i < cell.length; i++) if (isDigitCode(cell.charCodeAt(i))) count++;
  return count;
}

function parseCellValue(s: string): number {
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

/** The rows of the table starting at `lineStart`; returns where the table ends. */
function readTable(text: string, lineStart: number, out: FigureMention[]): number {
  let caption = captionBefore(text, lineStart);
  let header: Header | null = null;
  let start = lineStart;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const cells = splitCells(text, start, end);
    if (!cells) return start === lineStart ? end + 1 : start;
    const h = readHeader(cells, caption);
    if (h) header = h;
    else if (header) rowFigures(header, cells, out);
    else caption = captionUnit(text.slice(start, end)) ?? caption;
    start = end + 1;
  }
  return text.length;
}

/**
 * Figures of the cells of every table with a unit in its header, in text order. Only lines
 * holding a pipe, a tab or a gap of spaces inside them are read. `marks`, the positions of those
 * characters (isTableMarkCode), saves a pass over the text when the caller has them already.
 */
export function extractTableFigures(text: string, marks?: number[]): FigureMention[] {
  const out: FigureMention[] = [];
  const lines = new TableLines(text, marks);
  let pos = 0;
  for (;;) {
    const lineStart = lines.nextFrom(pos);
    if (lineStart < 0) break;
    pos = Math.max(readTable(text, lineStart, out), lineStart + 1);
  }
  return out;
}

/** 单位：万元 in a caption line names the unit of a table that follows. */
function captionUnit(line: string): ColumnUnit | null {
  if (line.length > 80 || !line.includes('单位')) return null;
  const m = CAPTION_UNIT.exec(line);
  return m?.[1] ? parseUnit(m[1]) : null;
}

/** The caption may sit one or two lines above the table (表2 主要农产品产量 / 单位：万吨). */
function captionBefore(text: string, lineStart: number): ColumnUnit | null {
  let end = lineStart - 1;
  for (let k = 0; k < 2 && end > 0; k++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (end - start > 80) return null;
    const unit = captionUnit(text.slice(start, end));
    if (unit) return unit;
    end = start - 1;
  }
  return null;
}
