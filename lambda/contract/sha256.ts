import { createHash, type Hash } from 'node:crypto';

/** The hex sha256 of bytes or of a string's UTF-8: the hash every checksum, id and ETag of the house uses. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** An incremental sha256, for bodies read or made in chunks (`update` each, then `digest('hex')`). */
export function sha256Stream(): Hash {
  return createHash('sha256');
}
