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

import type { NumberMention } from '../../report/index.ts';
import { MAX_DIGITS } from '../numbers/index.ts';
import { type Cell, splitCells, TableLines } from './table-cells.ts';
import {
  type ColumnUnit,
  captionUnit,
  digitCount,
  headerUnit,
  isNumericCell,
  parseCellValue,
  parseUnit,
  rowName,
  UNIT_IN_HEADER,
} from './table-values.ts';

interface Header {
  cells: Cell[];
  /** Per column: the unit its header names, or null. */
  units: Array<ColumnUnit | null>;
  /** Column holding each row's own unit (单位, 计量单位), or -1. */
  unitColumn: number;
  /** The unit a caption names for the whole table (单位：万元), or null. */
  caption: ColumnUnit | null;
}

const YEAR_CELL = /^(?:19|20)[0-9]{2}年?$/;
/** Column names that hold the indicator's own amount: the label is the row name alone. */
const PLAIN_COLUMN =
  /^(?:绝对数|绝对值|数值|数量|总量|总数|金额|实绩|完成数?|全年|本年|本期|本年累计|累计|合计|计)$/;
/** 比上年增长 → 增长: the comparison base is the same for every row of the column. */
const COMPARISON = /^(?:比上年(?:同期)?|较上年|同比|比去年)/;
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

function cellUnit(header: Header, row: Cell[], col: number): ColumnUnit | null {
  const own = header.units[col];
  if (own) return own;
  if (header.unitColumn >= 0) {
    const u = row[header.unitColumn];
    if (u) return parseUnit(u.text);
  }
  return header.caption;
}

function rowFigures(header: Header, row: Cell[], out: NumberMention[]): void {
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

/** The rows of the table starting at `lineStart`; returns where the table ends. */
function readTable(text: string, lineStart: number, out: NumberMention[]): number {
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
export function extractTableFigures(text: string, marks?: number[]): NumberMention[] {
  const out: NumberMention[] = [];
  const lines = new TableLines(text, marks);
  let pos = 0;
  for (;;) {
    const lineStart = lines.nextFrom(pos);
    if (lineStart < 0) break;
    pos = Math.max(readTable(text, lineStart, out), lineStart + 1);
  }
  return out;
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
