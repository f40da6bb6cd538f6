/**
 * The formats room: a dataset → bytes. CSV (csv-stringify) and JSON in chunks so the aggregates
 * are never held whole, XLSX (one sheet, inline strings, zipped by fflate with fixed dates), the
 * escaping XML and HTML need, and the chunked file bodies hashed as they are written. It knows a
 * dataset only by its public shape.
 */

export type { Chunked, FileBody, FileEntry } from './chunks.ts';
export { bodyBytes, bodyEntry } from './chunks.ts';
export { datasetCsvChunks, datasetJsonChunks, datasetToCsv, datasetToJson } from './csv.ts';
export { escapeHtml } from './html-escape.ts';
export { datasetXlsxChunks } from './xlsx.ts';
export { withoutXmlForbidden } from './xml.ts';
