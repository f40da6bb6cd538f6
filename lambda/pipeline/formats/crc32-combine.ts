/**
 * The CRC-32 of two byte strings one after the other, from the CRC-32 of each and the length of the
 * second: zlib's crc32_combine (zlib 1.2.12 and later, crc32.c), which node:zlib does not expose.
 * A CRC is a remainder of polynomials over GF(2), bit-reflected: appending `length` bytes multiplies
 * the first CRC by x^(8·length) modulo the CRC polynomial, and the second CRC is added (XOR).
 */

/** The CRC-32 polynomial, reflected. */
const POLY = 0xedb88320;

/** x^0 (1), reflected: the top bit. */
const X0 = 0x80000000;

/** a·b modulo the polynomial, both reflected. */
function multModP(a: number, b: number): number {
  let m = X0;
  let product = 0;
  let factor = b;
  for (;;) {
    if (a & m) {
      product ^= factor;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    factor = factor & 1 ? (factor >>> 1) ^ POLY : factor >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo the polynomial, for k from 0 to 31: squared from x^1. */
const X2N: readonly number[] = (() => {
  const table = [X0 >>> 1];
  for (let k = 1; k < 32; k++) table.push(multModP(table[k - 1] as number, table[k - 1] as number));
  return table;
})();

/** x^(n·2^k) modulo the polynomial. */
function x2nModP(n: number, k: number): number {
  let p = X0;
  let rest = n;
  for (let bit = k; rest > 0; bit++, rest = Math.floor(rest / 2))
    if (rest % 2 === 1) p = multModP(X2N[bit & 31] as number, p);
  return p;
}

/** The CRC-32 of A then B, given the CRC-32 of A, that of B and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multModP(x2nModP(lengthB, 3), crcA) ^ crcB) >>> 0;
}
