import { crc32 } from 'node:zlib';
import { type AsyncFlateStreamHandler, Zip, type ZipInputFile } from 'fflate';
import type { AnyRow, Cell, Dataset } from '../datasets/index.ts';
import { type DatasetCells, datasetCells } from './cells.ts';
import { bodyBytes, Chunked, encodeText } from './chunks.ts';
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
 * the rows sheet at once, each share with its rows numbered on from the last, and the rest at `end`.
 * Every chunk of the archive goes to `emit` as it is made.
 */
export function xlsxAssembler(dataset: Dataset, emit: (chunk: Uint8Array) => void): Assembler {
  const columns = dataset.fields.map((field) => field.name);
  const zip = new ZipWriter(emit);
  for (const [path, xml] of workbookParts(dataset.name)) zip.entry(path, [encoder.encode(xml)]);
  const rows = zip.open('xl/worksheets/sheet1.xml');
  rows.push(encoder.encode(`${SHEET_OPEN}${rowXml(columns, 1)}`));
  let next = 2;
  const scratch = new Scratch();
  return {
    add(fragment) {
      const numbered = numberRows(fragment, next, scratch);
      next = numbered.next;
      rows.push(numbered.bytes);
    },
    end() {
      rows.push(encoder.encode(SHEET_CLOSE), true);
      zip.entry('xl/worksheets/sheet2.xml', encodeText(worksheet(fieldsSheet(dataset))));
      zip.end();
    },
  };
}

const encoder = new TextEncoder();

/** The sheet's rows as `ROW` and `SAME_ROW` mark them, to be numbered when the workbook is put together. */
const ROW = 1;
const SAME_ROW = 0;
const MARK_SAME_ROW = String.fromCharCode(SAME_ROW);
/** How a row of a share opens: its number left to be filled in. */
const ROW_OPEN = `<row r="${String.fromCharCode(ROW)}">`;

/**
 * One report's rows of the sheet, as XML whose row numbers are left out: each row's `r` is the byte
 * 0x01 and each cell's row in its reference the byte 0x00, which XML 1.0 cannot hold (cell text
 * never does: `withoutXmlForbidden`), so numbering them is a search for two bytes.
 */
export function xlsxFragment<R extends AnyRow>(dataset: Dataset<R>): Uint8Array {
  return xlsxCellsFragment(datasetCells(dataset));
}

/** `xlsxFragment` of rows already read into cells, each column's cell reference written once. */
export function xlsxCellsFragment({ columns, rows }: DatasetCells): Uint8Array {
  const refs = columns.map((_, c) => `${columnName(c)}${MARK_SAME_ROW}`);
  let xml = '';
  for (const cells of rows) {
    xml += ROW_OPEN;
    for (let c = 0; c < cells.length; c++) xml += cell(cells[c], refs[c] as string, '');
    xml += '</row>';
  }
  return utf8(xml);
}

/**
 * The rows of a share numbered from `first`: every 0x01 the next row's number, every 0x00 the current
 * one. The two marks are found by the native `indexOf`, the bytes between them copied as they are,
 * into `scratch` (grown as needed and used again: the chunk it gives is valid until the next call).
 */
function numberRows(
  fragment: Uint8Array,
  first: number,
  scratch: Scratch,
): { bytes: Uint8Array; next: number } {
  const digits = String(first + fragment.byteLength).length;
  const out = scratch.atLeast(fragment.byteLength * (1 + digits));
  let row = first - 1;
  let number = asciiDigits(row);
  let nextRow = fragment.indexOf(ROW);
  let nextSame = fragment.indexOf(SAME_ROW);
  let from = 0;
  let to = 0;
  while (nextRow >= 0 || nextSame >= 0) {
    const isRow = nextRow >= 0 && (nextSame < 0 || nextRow < nextSame);
    const at = isRow ? nextRow : nextSame;
    out.set(fragment.subarray(from, at), to);
    to += at - from;
    if (isRow) {
      row += 1;
      number = asciiDigits(row);
      nextRow = fragment.indexOf(ROW, at + 1);
    } else nextSame = fragment.indexOf(SAME_ROW, at + 1);
    out.set(number, to);
    to += number.byteLength;
    from = at + 1;
  }
  out.set(fragment.subarray(from), to);
  return { bytes: out.subarray(0, to + fragment.byteLength - from), next: row + 1 };
}

const DIGITS = new Uint8Array(16);

/** A row number's ASCII digits, in a buffer used again (a TextEncoder call a row cost a second). */
function asciiDigits(n: number): Uint8Array {
  let at = DIGITS.byteLength;
  let rest = n;
  do {
    at -= 1;
    DIGITS[at] = 48 + (rest % 10);
    rest = Math.floor(rest / 10);
  } while (rest > 0);
  return DIGITS.subarray(at);
}

/** A buffer used again for each share, grown to the largest. */
class Scratch {
  #buffer = new Uint8Array(64 * 1024);

  atLeast(bytes: number): Uint8Array {
    if (this.#buffer.byteLength < bytes)
      this.#buffer = new Uint8Array(Math.max(bytes, 2 * this.#buffer.byteLength));
    return this.#buffer;
  }
}

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
 * deflated ones, so each entry is deflated at level 0 (LevelZeroEntry): nothing compressed. Every entry
 * is dated 1980-01-01 00:00, the earliest DOS date, so the same rows give the same bytes whatever the
 * clock; fflate writes the local time of the Date given, so it is made in local time (the same fields
 * in every time zone) when the archive is.
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
  open(path: string): LevelZeroEntry {
    const entry = new LevelZeroEntry(path, this.#dosEpoch);
    this.#zip.add(entry);
    return entry;
  }

  end(): void {
    this.#zip.end();
  }
}

/**
 * An entry as fflate's `Zip` takes one, its data deflated at level 0: stored blocks, the bytes as
 * they are behind a 5-byte header each (RFC 1951 §3.2.4: BFINAL and BTYPE 00 in one byte, then LEN
 * and its complement, little-endian). Framed here rather than by a deflater, which copies every byte
 * through its window to say nothing: the sheet of all reports is hundreds of megabytes. Its CRC-32 is
 * node:zlib's, natively.
 */
class LevelZeroEntry implements ZipInputFile {
  readonly compression = 8;
  crc = 0;
  size = 0;
  ondata?: AsyncFlateStreamHandler;

  constructor(
    readonly filename: string,
    readonly mtime: Date,
  ) {}

  push(chunk: Uint8Array, final = false): void {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.byteLength;
    for (let at = 0; at < chunk.byteLength || (final && at === 0); at += STORED_MAX) {
      // fflate types its chunks as over an ArrayBuffer; it only reads them, whatever holds their bytes.
      const block = chunk.subarray(at, at + STORED_MAX) as Uint8Array<ArrayBuffer>;
      const last = final && at + STORED_MAX >= chunk.byteLength;
      this.ondata?.(null, storedHeader(block.byteLength, last), false);
      this.ondata?.(null, block, last);
    }
  }
}

/** The most a stored block holds. */
const STORED_MAX = 0xffff;

function storedHeader(length: number, last: boolean): Uint8Array<ArrayBuffer> {
  return Uint8Array.of(last ? 1 : 0, length & 0xff, length >> 8, ~length & 0xff, (~length >> 8) & 0xff);
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

/** A whole sheet of rows numbered from 1, the first bold: the column sheet. */
function* worksheet(rows: Iterable<readonly (Cell | undefined)[]>): Generator<string> {
  yield SHEET_OPEN;
  let r = 1;
  for (const cells of rows) {
    yield rowXml(cells, r);
    r += 1;
  }
  yield SHEET_CLOSE;
}

/**
 * A row of cells; its number written out when given (the header, the column sheet), else marked to
 * be numbered when the workbook is put together (`xlsxFragment`). Row 1 is the bold header.
 */
function rowXml(cells: readonly (Cell | undefined)[], row?: number): string {
  const r = row === undefined ? String.fromCharCode(ROW) : String(row);
  const ref = row === undefined ? String.fromCharCode(SAME_ROW) : String(row);
  const style = row === 1 ? ' s="1"' : '';
  return `<row r="${r}">${cells.map((value, c) => cell(value, `${columnName(c)}${ref}`, style)).join('')}</row>`;
}

function cell(value: Cell | undefined, ref: string, style: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${style}><v>${value}</v></c>`;
  // Excel holds at most 32,767 characters in a cell.
  const text = xmlText(String(value).slice(0, 32767));
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
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
