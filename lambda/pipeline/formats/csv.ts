import { stringify } from 'csv-stringify/sync';
import type { AnyRow, Cell, Dataset, FieldName } from '../datasets/index.ts';
import { type DatasetCells, datasetCells } from './cells.ts';
import { Chunked } from './chunks.ts';

/** Rows stringified at once when a dataset is written in chunks. */
const BATCH = 100;

/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection); a leading
 * apostrophe makes them show it as text. The full-width forms (＝＋－＠) count too: a Chinese input
 * method types them, and spreadsheets with East Asian settings turn them into their ASCII forms.
 * Numbers are never touched: -6.2 stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function formulaSafe(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: UTF-8, a header row, CRLF line ends, fields quoted only when they must be. */
export function datasetToCsv<R extends AnyRow>(dataset: Dataset<R>): string {
  const columns = dataset.fields.map((field) => field.name);
  const records = Array.from(dataset.rows, (row) => columns.map((column) => csvCell(row[column])));
  return stringify(records, { header: true, columns, record_delimiter: 'windows' });
}

/** The same bytes as `datasetToCsv`, made a batch of rows at a time. */
export function datasetCsvChunks<R extends AnyRow>(dataset: Dataset<R>): Chunked {
  const columns = dataset.fields.map((field) => field.name);
  return Chunked.ofText(function* () {
    yield csvHeader(dataset);
    let records: (string | number)[][] = [];
    for (const row of dataset.rows) {
      records.push(columns.map((column) => csvCell(row[column])));
      if (records.length < BATCH) continue;
      yield csvRecords(records, columns);
      records = [];
    }
    if (records.length > 0) yield csvRecords(records, columns);
  });
}

/** The header line of a dataset's CSV: what its file of all reports starts with. */
export function csvHeader(dataset: Dataset): string {
  const columns = dataset.fields.map((field) => field.name);
  return stringify([], { header: true, columns, record_delimiter: 'windows' });
}

/**
 * The rows of a dataset as CSV lines without the header: one report's share of the file of all
 * reports, which is the header followed by every report's share in report order.
 */
export function csvFragment<R extends AnyRow>(dataset: Dataset<R>): string {
  return csvCellsFragment(datasetCells(dataset));
}

/** `csvFragment` of rows already read into cells: one csv-stringify call for all of them. */
export function csvCellsFragment({ columns, rows }: DatasetCells): string {
  return csvRecords(
    rows.map((cells) => cells.map(csvCell)),
    columns,
  );
}

function csvRecords(records: (string | number)[][], columns: readonly string[]): string {
  return stringify(records, { header: false, columns: [...columns], record_delimiter: 'windows' });
}

function csvCell(value: Cell | undefined): string | number {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? value : formulaSafe(value);
}

/** The same rows as JSON: an array of objects with the CSV's columns, in the same order. */
export function datasetToJson<R extends AnyRow>(dataset: Dataset<R>): string {
  const columns = dataset.fields.map((field) => field.name);
  const rows = Array.from(dataset.rows, (row) => jsonRow(row, columns));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/**
 * The same bytes as `datasetToJson`, a row at a time: each row is indented as
 * `JSON.stringify(rows, null, 2)` indents it (its values are never objects, so no line of a row
 * needs more than one level).
 */
export function datasetJsonChunks<R extends AnyRow>(dataset: Dataset<R>): Chunked {
  const columns = dataset.fields.map((field) => field.name);
  return Chunked.ofText(function* () {
    let first = true;
    for (const row of dataset.rows) {
      yield `${first ? JSON_OPEN : JSON_BETWEEN}${jsonRowText(row, columns)}`;
      first = false;
    }
    yield first ? JSON_EMPTY : JSON_CLOSE;
  });
}

/** How the JSON of all reports opens, joins two reports' shares, closes, and reads when it has no row. */
export const JSON_OPEN = '[\n  ';
export const JSON_BETWEEN = ',\n  ';
export const JSON_CLOSE = '\n]\n';
export const JSON_EMPTY = '[]\n';

/**
 * The rows as the JSON of all reports writes them, joined but not opened or closed: one report's
 * share, which `JSON_OPEN`, `JSON_BETWEEN` and `JSON_CLOSE` put together. Empty when it has no row.
 */
export function jsonFragment<R extends AnyRow>(dataset: Dataset<R>): string {
  return jsonCellsFragment(datasetCells(dataset));
}

/** `jsonFragment` of rows already read into cells, each key written once for all rows. */
export function jsonCellsFragment({ columns, rows }: DatasetCells): string {
  const keys = columns.map((column) => `${JSON.stringify(column)}: `);
  return rows.map((cells) => jsonCellsText(cells, keys)).join(JSON_BETWEEN);
}

/** A row as `jsonRowText` writes it, from its cells and its keys already written as JSON. */
function jsonCellsText(cells: readonly (Cell | undefined)[], keys: readonly string[]): string {
  let text = '{\n    ';
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) text += ',\n    ';
    text += keys[i] + JSON.stringify(cells[i] ?? null);
  }
  return `${text}\n  }`;
}

/**
 * A row as `JSON.stringify(rows, null, 2)` writes it inside the array: the same bytes, written field
 * by field (a third of the time of stringifying an object and indenting it again).
 */
function jsonRowText<R extends AnyRow>(row: R, columns: readonly FieldName<R>[]): string {
  const fields = columns.map((column) => `${JSON.stringify(column)}: ${JSON.stringify(row[column] ?? null)}`);
  return `{\n    ${fields.join(',\n    ')}\n  }`;
}

/** The object JSON writes for a row: its cells in the fields' order, whatever the row's own key order. */
function jsonRow<R extends AnyRow>(row: R, columns: readonly FieldName<R>[]): Record<string, Cell> {
  return Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));
}
