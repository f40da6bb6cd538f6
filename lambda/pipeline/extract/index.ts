/**
 * The extract room: text → figure mentions. extractFigures runs the number scanner
 * (extract/numbers), the rules that drop what is not a figure (extract/rules) and the labels
 * (extract/labels), then merges in the figures of tables (extract/tables); figure-ids gives each
 * figure its stable id from the report id, its sentence and its own text. What each figure means
 * (period, status, change) is read last (extract/meaning), in the report's frame.
 */

export type { SentenceIds } from './figure-ids.ts';
export { FigureIds } from './figure-ids.ts';
export { extractFigures } from './figures.ts';
export type { ReportFrame } from './meaning/index.ts';
