import { stringify } from 'csv-stringify/sync';
import type { Dataset, Row } from './datasets.ts';

/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection); a leading
 * apostrophe makes them show it as text. Numbers are never touched: -6.2 stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function formulaSafe(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: UTF-8, a header row, CRLF line ends, fields quoted only when they must be. */
export function datasetToCsv(dataset: Dataset): string {
  const columns = dataset.fields.map((field) => field.name);
  const records = dataset.rows.map((row) => columns.map((column) => csvCell(row[column])));
  return stringify(records, { header: true, columns, record_delimiter: 'windows' });
}

function csvCell(value: Row[string] | undefined): string | number {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? value : formulaSafe(value);
}

/** The same rows as JSON: an array of objects with the CSV's columns, in the same order. */
export function datasetToJson(dataset: Dataset): string {
  const columns = dataset.fields.map((field) => field.name);
  const rows = dataset.rows.map((row) =>
    Object.fromEntries(columns.map((column) => [column, row[column] ?? null])),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
}
