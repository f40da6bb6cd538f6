import { crc32 } from 'node:zlib';
import { type AsyncFlateStreamHandler, Deflate, Zip, type ZipInputFile } from 'fflate';
import type { AnyRow, Cell, Dataset } from '../datasets/index.ts';
import { bodyBytes, Chunked, encodeText } from './chunks.ts';
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
  const columns = dataset.fields.map((field) => field.name);
  const fieldRows = dataset.fields.map((field) => [
    field.name,
    field.type,
    field.title,
    field.titleZh,
    field.description,
  ]);
  const dataRows = function* (): Generator<readonly (Cell | undefined)[]> {
    yield columns;
    for (const row of dataset.rows) yield columns.map((column) => row[column]);
  };
  const sheets = [
    { name: dataset.name.slice(0, 31), rows: dataRows },
    {
      name: 'fields',
      rows: () => [['name', 'type', 'title', 'title_zh', 'description'], ...fieldRows],
    },
  ];
  const encoder = new TextEncoder();
  return zipChunks([
    ...[
      ['[Content_Types].xml', contentTypes(sheets.length)],
      ['_rels/.rels', ROOT_RELS],
      ['xl/workbook.xml', workbook(sheets.map((sheet) => sheet.name))],
      ['xl/_rels/workbook.xml.rels', workbookRels(sheets.length)],
      ['xl/styles.xml', STYLES],
    ].map(([path, xml]) => ({ path: path as string, chunks: () => [encoder.encode(xml)] })),
    ...sheets.map((sheet, i) => ({
      path: `xl/worksheets/sheet${i + 1}.xml`,
      chunks: () => encodeText(worksheet(sheet.rows())),
    })),
  ]);
}

/** A part of the workbook: its path in the archive and its bytes, made afresh on each pass. */
interface Part {
  path: string;
  chunks: () => Iterable<Uint8Array>;
}

/**
 * The parts as a ZIP, streamed a chunk at a time by fflate. Its streaming writer always puts CRC-32
 * and sizes in a data descriptor after an entry's data; readers that go through an archive from its
 * start (Java's ZipInputStream, Apache POI reading a stream) refuse that for stored entries and
 * accept it for deflated ones, so each entry is deflated at level 0: stored blocks, nothing compressed.
 * Every entry is dated 1980-01-01 00:00, the earliest DOS date, so the same rows give the same bytes
 * whatever the clock; fflate writes the local time of the Date given, so it is made in local time
 * (the same fields in every time zone) when the archive is.
 */
function zipChunks(parts: readonly Part[]): Chunked {
  return new Chunked(function* () {
    const dosEpoch = new Date(1980, 0, 1);
    const out: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      out.push(chunk);
    });
    for (const part of parts) {
      const entry = new LevelZeroEntry(part.path, dosEpoch);
      zip.add(entry);
      for (const chunk of part.chunks()) {
        entry.push(chunk);
        yield* out.splice(0);
      }
      entry.push(new Uint8Array(0), true);
      yield* out.splice(0);
    }
    zip.end();
    yield* out.splice(0);
  });
}

/**
 * An entry as fflate's `Zip` takes one: deflated by fflate at level 0, its CRC-32 from node:zlib,
 * native, where fflate's own (JavaScript) took longer than making the sheet's text.
 */
class LevelZeroEntry implements ZipInputFile {
  readonly compression = 8;
  crc = 0;
  size = 0;
  ondata?: AsyncFlateStreamHandler;
  readonly #deflate = new Deflate({ level: 0 }, (data, final) => this.ondata?.(null, data, final));

  constructor(
    readonly filename: string,
    readonly mtime: Date,
  ) {}

  push(chunk: Uint8Array, final = false): void {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.byteLength;
    this.#deflate.push(chunk, final);
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
function* worksheet(rows: Iterable<readonly (Cell | undefined)[]>): Generator<string> {
  const view =
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
  yield `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${view}<sheetData>`;
  let r = 0;
  for (const cells of rows) {
    yield `<row r="${r + 1}">${cells.map((value, c) => cell(value, r, c)).join('')}</row>`;
    r += 1;
  }
  yield '</sheetData></worksheet>';
}

function cell(value: Cell | undefined, row: number, column: number): string {
  const ref = `${columnName(column)}${row + 1}`;
  const style = row === 0 ? ' s="1"' : '';
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

/** Escapes XML and drops the control characters XML 1.0 cannot hold at all. */
function xmlText(text: string): string {
  return withoutXmlForbidden(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}
