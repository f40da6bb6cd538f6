/**
 * Tables: reports pasted from spreadsheets, one row a line and cells apart by tabs, pipes or
 * wide spaces; a cell's number takes its label from its row name and header and its unit from
 * the header or the caption.
 */
export { extractTableFigures } from './tables.ts';
