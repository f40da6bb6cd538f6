/** How to answer a `Range` header for a file of a given size. */
export type RangeAnswer =
  /** No range asked, or one this server may ignore: 200 with the whole file. */
  | { kind: 'whole' }
  /** One satisfiable range: 206 with bytes `start` to `end`, both included. */
  | { kind: 'part'; start: number; end: number }
  /** A byte range that is malformed or lies past the end: 416. */
  | { kind: 'unsatisfiable' };

/**
 * RFC 9110 §14.2 (by hand: range-parser 1.x, the one send uses on Node 20, answers `bytes=-500` of a
 * 100-byte file with 416 and reads `bytes=0x10-` as `0-`; its 2.x needs Node 22): one byte range is served as 206; several ranges, or a unit other than bytes, are
 * ignored and the whole file sent (as S3 behind CloudFront does: no multipart answers); a byte range
 * that is malformed (`bytes=50-10`, `bytes=x`), empty (`bytes=-0`) or starts past the end
 * (`bytes=999999-`) is 416.
 */
export function byteRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return { kind: 'whole' };
  const match = /^\s*bytes\s*=\s*(.*)$/is.exec(header);
  if (!match) return { kind: 'whole' };
  const spec = (match[1] ?? '').trim();
  if (spec.includes(',')) return { kind: 'whole' };
  const parts = /^(\d*)\s*-\s*(\d*)$/.exec(spec);
  if (!parts) return { kind: 'unsatisfiable' };
  const [first, last] = [parts[1] ?? '', parts[2] ?? ''];
  if (first === '') {
    // A suffix: the last n bytes.
    const length = Number(last);
    if (last === '' || length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (end < start || start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end: Math.min(end, size - 1) };
}
