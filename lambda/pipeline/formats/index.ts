/**
 * The formats room: a dataset → bytes. CSV (csv-stringify) and JSON in chunks so the aggregates
 * are never held whole, XLSX (one sheet, inline strings, zipped by fflate with fixed dates), the
 * escaping XML and HTML need, and the chunked file bodies hashed as they are written. It knows a
 * dataset only by its public shape.
 */

export type { ShareFormat } from './assemble.ts';
export { datasetAssembler, SHARE_FORMATS } from './assemble.ts';
export { datasetCells } from './cells.ts';
export type { FileBody, FileEntry } from './chunks.ts';
export { bodyEntry, Chunked } from './chunks.ts';
export {
  csvCellsFragment,
  csvFragment,
  datasetToCsv,
  datasetToJson,
  jsonCellsFragment,
  jsonFragment,
} from './csv.ts';
export { escapeHtml } from './html-escape.ts';
export { utf8 } from './utf8.ts';
export type { Assembler } from './xlsx.ts';
export { xlsxCellsFragment, xlsxFragment } from './xlsx.ts';
export { withoutXmlForbidden } from './xml.ts';
