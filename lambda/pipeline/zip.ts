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
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.path);
    const crc = crc32(entry.data);
    const local = header(30, name, (view) => {
      view.setUint32(0, 0x04034b50, true);
      view.setUint16(4, VERSION, true);
      writeCommon(view, 6, crc, entry.data.byteLength, name.byteLength);
    });
    const central = header(46, name, (view) => {
      view.setUint32(0, 0x02014b50, true);
      view.setUint16(4, VERSION, true);
      view.setUint16(6, VERSION, true);
      writeCommon(view, 8, crc, entry.data.byteLength, name.byteLength);
      view.setUint32(42, offset, true);
    });
    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.byteLength + entry.data.byteLength;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.byteLength, 0);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, entries.length, true);
  view.setUint16(10, entries.length, true);
  view.setUint32(12, centralSize, true);
  view.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
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

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE 802.3), as ZIP requires. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
