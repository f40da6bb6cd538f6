import { crc32 as zlibCrc32 } from 'node:zlib';
import { bodyBytes, Chunked } from './chunks.ts';

/**
 * A ZIP archive with every entry stored (not compressed) and dated 1980-01-01 00:00, the earliest DOS
 * date: the same entries always give the same bytes, whatever the clock, the Node.js version or its zlib.
 */
export interface ZipEntry {
  /** ASCII path inside the archive. */
  path: string;
  data: Uint8Array;
}

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const VERSION = 20;

export function zipStored(entries: readonly ZipEntry[]): Uint8Array {
  return bodyBytes(zipStoredChunks(entries));
}

/** An entry whose data is made in chunks (a worksheet of 263,000 rows). */
export interface ChunkedZipEntry {
  path: string;
  data: Uint8Array | Chunked;
}

/**
 * The same bytes as `zipStored`, made entry by entry. A stored entry's CRC-32 and size go in its
 * header, before its data: a chunked entry is made once to learn them (remembered for later passes),
 * then again as it is written.
 */
export function zipStoredChunks(entries: readonly ChunkedZipEntry[]): Chunked {
  const facts = new Map<ChunkedZipEntry, { crc: number; size: number }>();
  const factsOf = (entry: ChunkedZipEntry) => {
    let found = facts.get(entry);
    if (!found) {
      found = { crc: 0, size: 0 };
      for (const chunk of entry.data instanceof Uint8Array ? [entry.data] : entry.data) {
        found.crc = zlibCrc32(chunk, found.crc);
        found.size += chunk.byteLength;
      }
      facts.set(entry, found);
    }
    return found;
  };
  return new Chunked(function* () {
    const centrals: Uint8Array[] = [];
    let offset = 0;
    for (const entry of entries) {
      const name = new TextEncoder().encode(entry.path);
      const { crc, size } = factsOf(entry);
      const local = header(30, name, (view) => {
        view.setUint32(0, 0x04034b50, true);
        view.setUint16(4, VERSION, true);
        writeCommon(view, 6, crc, size, name.byteLength);
      });
      const central = header(46, name, (view) => {
        view.setUint32(0, 0x02014b50, true);
        view.setUint16(4, VERSION, true);
        view.setUint16(6, VERSION, true);
        writeCommon(view, 8, crc, size, name.byteLength);
        view.setUint32(42, offset, true);
      });
      yield local;
      if (entry.data instanceof Uint8Array) yield entry.data;
      else yield* entry.data;
      centrals.push(central);
      offset += local.byteLength + size;
    }
    const centralSize = centrals.reduce((sum, part) => sum + part.byteLength, 0);
    const end = new Uint8Array(22);
    const view = new DataView(end.buffer);
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, entries.length, true);
    view.setUint16(10, entries.length, true);
    view.setUint32(12, centralSize, true);
    view.setUint32(16, offset, true);
    yield* centrals;
    yield end;
  });
}

/** Flags, method (0: stored), time, date, CRC-32, sizes and name length: the same in both headers. */
function writeCommon(view: DataView, at: number, crc: number, size: number, nameLength: number): void {
  view.setUint16(at, 0, true);
  view.setUint16(at + 2, 0, true);
  view.setUint16(at + 4, 0, true);
  view.setUint16(at + 6, DOS_DATE_1980_01_01, true);
  view.setUint32(at + 8, crc, true);
  view.setUint32(at + 12, size, true);
  view.setUint32(at + 16, size, true);
  view.setUint16(at + 20, nameLength, true);
}

function header(size: number, name: Uint8Array, fill: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(size + name.byteLength);
  fill(new DataView(bytes.buffer));
  bytes.set(name, size);
  return bytes;
}

/** CRC-32 (IEEE 802.3), as ZIP requires. */
export function crc32(data: Uint8Array): number {
  return zlibCrc32(data);
}
