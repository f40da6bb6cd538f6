import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Combine } from '../../../lambda/pipeline/formats/crc32-combine.ts';

/** Bytes that are not all alike, the same for the same length. */
function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

describe('crc32Combine', () => {
  it.each([
    [0, 0],
    [0, 9],
    [9, 0],
    [1, 1],
    [3, 70_000],
    [65_536, 65_537],
    [100_000, 1_048_583],
  ])('gives the CRC-32 of %i bytes then %i bytes, as zlib computes it of both', (a, b) => {
    const first = bytes(a, 1);
    const second = bytes(b, 2);
    const both = Buffer.concat([first, second]);
    expect(crc32Combine(crc32(first), crc32(second), b)).toBe(crc32(both));
  });

  it('combines many pieces one after another into the CRC-32 of them all', () => {
    const pieces = Array.from({ length: 50 }, (_, i) => bytes((i * 7919) % 3000, i));
    const combined = pieces.reduce((crc, piece) => crc32Combine(crc, crc32(piece), piece.byteLength), 0);
    expect(combined).toBe(crc32(Buffer.concat(pieces)));
  });
});
