import { crc32, deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { type AsyncFlateStreamHandler, Zip, type ZipInputFile } from 'fflate';
import type { AnyRow, Cell, Dataset } from '../datasets/index.ts';
import { type DatasetCells, datasetCells } from './cells.ts';
import { bodyBytes, Chunked, encodeText } from './chunks.ts';
import { crc32Combine } from './crc32-combine.ts';
import { utf8 } from './utf8.ts';
import { withoutXmlForbidden } from './xml.ts';

/**
 * The dataset as an Excel workbook: a sheet of rows with the CSV's header and a sheet describing the
 * columns. Built here rather than with write-excel-file, whose Node entry imports `fs`, whose every
 * entry is asynchronous, and whose ZIP stamps each entry with the current time (same rows, new bytes).
 * Text is written as inline strings, so no cell is ever a formula.
 */
export function datasetToXlsx<R extends AnyRow>(dataset: Dataset<R>): Uint8Array {
  return bodyBytes(datasetXlsxChunks(dataset));
}

/** The same bytes as `datasetToXlsx`, made in chunks: the rows sheet is never held whole. */
export function datasetXlsxChunks<R extends AnyRow>(dataset: Dataset<R>): Chunked {
  return new Chunked(function* () {
    const out: Uint8Array[] = [];
    const workbook = xlsxAssembler(dataset, (chunk) => out.push(chunk));
    yield* out.splice(0);
    workbook.add(xlsxFragment(dataset));
    yield* out.splice(0);
    workbook.end();
    yield* out.splice(0);
  });
}

/**
 * A file of all reports put together from their shares, pushed in report order; `end` once all are
 * in. A chunk given to `emit` is valid until the assembler's next call: a sink that keeps it copies it.
 */
export interface Assembler {
  add(fragment: Uint8Array): void;
  end(): void;
}

/**
 * The workbook of all reports, made as each report's share comes (`xlsxFragment`): the parts before
 * the rows sheet at once, then each share's deflated rows as they are, and the rest at `end`. Every
 * chunk of the archive goes to `emit` as it is made.
 */
export function xlsxAssembler(dataset: Dataset, emit: (chunk: Uint8Array) => void): Assembler {
  const columns = dataset.fields.map((field) => field.name);
  const zip = new ZipWriter(emit);
  for (const [path, xml] of workbookParts(dataset.name)) zip.entry(path, [encoder.encode(xml)]);
  const rows = zip.open('xl/worksheets/sheet1.xml');
  rows.push(encoder.encode(`${SHEET_OPEN}${rowXml(columns, HEADER_STYLE)}`));
  return {
    add: (fragment) => rows.pushShare(fragment),
    end() {
      rows.push(encoder.encode(SHEET_CLOSE), true);
      zip.entry('xl/worksheets/sheet2.xml', encodeText(worksheet(fieldsSheet(dataset))));
      zip.end();
    },
  };
}

const encoder = new TextEncoder();

/**
 * One report's rows of the sheet, deflated: its share of the workbook of all reports. The rows carry
 * no `r` (row number, cell reference), which ECMA-376 leaves optional: a row without one is the row
 * after the last, a cell the column after the last (an empty cell is written `<c/>`, to keep its
 * place). So a report's rows are the same bytes wherever it comes in the sheet, and are deflated once,
 * where the report is made, and never again: the workbook of all reports is the shares' deflated
 * bytes one after the other (each ends on a byte boundary, a sync flush, and refers to nothing before
 * it), whatever changed before them. A share is `SHARE_HEAD` bytes (the rows' size and CRC-32,
 * little-endian, for the entry's) then the deflated rows; no rows is no bytes.
 */
export function xlsxFragment<R extends AnyRow>(dataset: Dataset<R>): Uint8Array {
  return xlsxCellsFragment(datasetCells(dataset));
}

/** `xlsxFragment` of rows already read into cells. */
export function xlsxCellsFragment({ rows }: DatasetCells): Uint8Array {
  if (rows.length === 0) return new Uint8Array(0);
  let xml = '';
  for (const cells of rows) xml += rowXml(cells, '');
  const plain = utf8(xml);
  const deflated = deflateRawSync(plain, SHARE_DEFLATE);
  const share = new Uint8Array(SHARE_HEAD + deflated.byteLength);
  const view = new DataView(share.buffer);
  view.setUint32(0, plain.byteLength, true);
  view.setUint32(4, crc32(plain), true);
  share.set(deflated, SHARE_HEAD);
  return share;
}

/** The size and CRC-32 of a share's rows, before its deflated bytes. */
const SHARE_HEAD = 8;

/** zlib's default level; a sync flush ends the share on a byte boundary, the stream not yet ended. */
const SHARE_DEFLATE = { level: 6, finishFlush: zlibConstants.Z_SYNC_FLUSH };

/** The column sheet: what each field is. */
function fieldsSheet(dataset: Dataset): (readonly Cell[])[] {
  return [
    ['name', 'type', 'title', 'title_zh', 'description'],
    ...dataset.fields.map((field) => [field.name, field.type, field.title, field.titleZh, field.description]),
  ];
}

/** The parts of the workbook before its sheets, with their paths in the archive. */
function workbookParts(name: string): [string, string][] {
  const names = [name.slice(0, 31), 'fields'];
  return [
    ['[Content_Types].xml', contentTypes(names.length)],
    ['_rels/.rels', ROOT_RELS],
    ['xl/workbook.xml', workbook(names)],
    ['xl/_rels/workbook.xml.rels', workbookRels(names.length)],
    ['xl/styles.xml', STYLES],
  ];
}

/**
 * A ZIP written as it goes, by fflate. Its streaming writer always puts CRC-32 and sizes in a data
 * descriptor after an entry's data; readers that go through an archive from its start (Java's
 * ZipInputStream, Apache POI reading a stream) refuse that for stored entries and accept it for
 * deflated ones, as every entry here is. Every entry is dated 1980-01-01 00:00, the earliest DOS date,
 * so the same rows give the same bytes whatever the clock; fflate writes the local time of the Date
 * given, so it is made in local time (the same fields in every time zone) when the archive is.
 */
class ZipWriter {
  readonly #zip: Zip;
  readonly #dosEpoch = new Date(1980, 0, 1);

  constructor(emit: (chunk: Uint8Array) => void) {
    this.#zip = new Zip((error, chunk) => {
      if (error) throw error;
      emit(chunk);
    });
  }

  /** An entry whose bytes are all given at once. */
  entry(path: string, chunks: Iterable<Uint8Array>): void {
    const entry = this.open(path);
    for (const chunk of chunks) entry.push(chunk);
    entry.push(new Uint8Array(0), true);
  }

  /** An entry whose bytes come later: push them, the last with `final`. */
  open(path: string): DeflatedEntry {
    const entry = new DeflatedEntry(path, this.#dosEpoch);
    this.#zip.add(entry);
    return entry;
  }

  end(): void {
    this.#zip.end();
  }
}

/**
 * An entry as fflate's `Zip` takes one, deflated by node:zlib: bytes pushed are deflated here, each
 * push ending on a byte boundary (a sync flush, the last a finish), and shares already deflated
 * (`xlsxFragment`) go in as they are. The entry's CRC-32 is that of all its bytes, each share's
 * combined with those before it (crc32Combine) without reading its rows again.
 */
class DeflatedEntry implements ZipInputFile {
  readonly compression = 8;
  crc = 0;
  size = 0;
  ondata?: AsyncFlateStreamHandler;

  constructor(
    readonly filename: string,
    readonly mtime: Date,
  ) {}

  push(chunk: Uint8Array, final = false): void {
    const deflated = deflateRawSync(chunk, {
      level: SHARE_DEFLATE.level,
      finishFlush: final ? zlibConstants.Z_FINISH : zlibConstants.Z_SYNC_FLUSH,
    });
    this.#add(deflated, chunk.byteLength, crc32(chunk), final);
  }

  /** A share of `xlsxFragment`: its deflated rows as they are. */
  pushShare(share: Uint8Array): void {
    if (share.byteLength === 0) return;
    if (share.byteLength < SHARE_HEAD) throw new Error(`a sheet share of ${share.byteLength} bytes`);
    const view = new DataView(share.buffer, share.byteOffset, SHARE_HEAD);
    this.#add(share.subarray(SHARE_HEAD), view.getUint32(0, true), view.getUint32(4, true), false);
  }

  #add(deflated: Uint8Array, size: number, crc: number, final: boolean): void {
    this.crc = crc32Combine(this.crc, crc, size);
    this.size += size;
    // fflate types its chunks as over an ArrayBuffer; it only reads them, whatever holds their bytes.
    this.ondata?.(null, deflated as Uint8Array<ArrayBuffer>, final);
  }
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

function contentTypes(sheetCount: number): string {
  const sheets = range(sheetCount)
    .map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${TYPE}.worksheet+xml"/>`)
    .join('');
  return `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>${sheets}</Types>`;
}

const ROOT_RELS = `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbook(names: readonly string[]): string {
  const sheets = names.map(
    (name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  return `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.join('')}</sheets></workbook>`;
}

function workbookRels(sheetCount: number): string {
  const sheets = range(sheetCount).map(
    (i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`,
  );
  const styles = `<Relationship Id="rId${sheetCount + 1}" Type="${REL}/styles" Target="styles.xml"/>`;
  return `${XML}<Relationships xmlns="${PKG_REL}">${sheets.join('')}${styles}</Relationships>`;
}

/** Style 1 is bold, for the header row. */
const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The header row is bold and frozen, so it stays in view while scrolling. */
const SHEET_OPEN = `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
const SHEET_CLOSE = '</sheetData></worksheet>';

/** A whole sheet of rows, the first bold: the column sheet. */
function* worksheet(rows: Iterable<readonly (Cell | undefined)[]>): Generator<string> {
  yield SHEET_OPEN;
  let style = HEADER_STYLE;
  for (const cells of rows) {
    yield rowXml(cells, style);
    style = '';
  }
  yield SHEET_CLOSE;
}

/** Style 1 is the bold of the header row. */
const HEADER_STYLE = ' s="1"';

/**
 * A row of cells, with no `r`: each cell in the column after the last, an empty one `<c/>` to keep
 * its place (none after the last value).
 */
function rowXml(cells: readonly (Cell | undefined)[], style: string): string {
  let xml = '<row>';
  let empty = 0;
  for (const value of cells) {
    const written = cell(value, style);
    if (written === '') {
      empty += 1;
      continue;
    }
    xml += '<c/>'.repeat(empty) + written;
    empty = 0;
  }
  return `${xml}</row>`;
}

function cell(value: Cell | undefined, style: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<c${style}><v>${value}</v></c>`;
  // Excel holds at most 32,767 characters in a cell.
  const text = xmlText(String(value).slice(0, 32767));
  return `<c${style} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/** Every character `xmlText` escapes or may drop (a surrogate is dropped when it is unpaired). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the controls XML 1.0 forbids are among them.
const XML_WORK = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** Escapes XML and drops the control characters XML 1.0 cannot hold at all. */
function xmlText(text: string): string {
  // Most cells hold none of what is escaped or dropped: they are written as they are.
  if (!XML_WORK.test(text)) return text;
  return withoutXmlForbidden(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}
