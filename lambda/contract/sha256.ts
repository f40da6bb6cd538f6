import { createHash, type Hash, hash } from 'node:crypto';

/**
 * Bytes or text up to this size are hashed by the one-shot `crypto.hash`, a fifth of the time of a
 * Hash object for the hundreds of bytes of a figure id; Node's documentation advises the streaming
 * Hash above a few megabytes.
 */
const ONE_SHOT_MAX = 1024 * 1024;

/** The hex sha256 of bytes or of a string's UTF-8: the hash every checksum, id and ETag of the house uses. */
export function sha256Hex(data: Uint8Array | string): string {
  if (data.length <= ONE_SHOT_MAX) return hash('sha256', data, 'hex');
  return createHash('sha256').update(data).digest('hex');
}

/** An incremental sha256, for bodies read or made in chunks (`update` each, then `digest('hex')`). */
export function sha256Stream(): Hash {
  return createHash('sha256');
}
