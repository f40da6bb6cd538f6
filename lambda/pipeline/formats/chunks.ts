import { sha256Hex, sha256Stream } from '../../contract/index.ts';

/** A published file as the manifests list it. */
export interface FileEntry {
  sha256: string;
  bytes: number;
}

/**
 * About how many UTF-16 code units of text go into one chunk before it is encoded: small enough that
 * the joined string (two bytes a character once it holds Chinese) stays out of V8's large-object
 * space, which is old generation and would be collected only by full collections.
 */
const CHUNK_CHARS = 16 * 1024;

const encoder = new TextEncoder();

/**
 * The bytes of a file too big to hold whole (the aggregates of 10,000 reports): made chunk by chunk,
 * afresh each time it is iterated, so it can be measured and hashed first and written after without
 * ever being in memory at once. Its size and sha256 are remembered from the first full pass.
 */
export class Chunked implements Iterable<Uint8Array> {
  #entry: FileEntry | undefined;

  constructor(readonly make: () => Iterable<Uint8Array>) {}

  *[Symbol.iterator](): Generator<Uint8Array> {
    const hash = this.#entry ? undefined : sha256Stream();
    let bytes = 0;
    for (const chunk of this.make()) {
      hash?.update(chunk);
      bytes += chunk.byteLength;
      yield chunk;
    }
    if (hash) this.#entry = { sha256: hash.digest('hex'), bytes };
  }

  /** Size and sha256, from a pass over the chunks unless one was already made. */
  get entry(): FileEntry {
    if (!this.#entry) for (const _ of this);
    return this.#entry as FileEntry;
  }

  /** Chunks whose size and sha256 are already known (a file hashed as it was written). */
  static known(make: () => Iterable<Uint8Array>, entry: FileEntry): Chunked {
    const chunked = new Chunked(make);
    chunked.#entry = entry;
    return chunked;
  }

  /** The chunks text makes, as UTF-8, in chunks of about CHUNK_CHARS. */
  static ofText(make: () => Iterable<string>): Chunked {
    return new Chunked(() => encodeText(make()));
  }
}

/** Joins pieces of text into chunks of about CHUNK_CHARS and encodes each as UTF-8. */
export function* encodeText(pieces: Iterable<string>): Generator<Uint8Array> {
  let held: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    held.push(piece);
    length += piece.length;
    if (length >= CHUNK_CHARS) {
      yield encoder.encode(held.join(''));
      held = [];
      length = 0;
    }
  }
  if (length > 0) yield encoder.encode(held.join(''));
}

/** A file's bytes, whole or as chunks. */
export type FileBody = Uint8Array | Chunked;

/** Joins the chunks: for small files, and for callers that want bytes (tests, `buildSite`). */
export function bodyBytes(body: FileBody): Uint8Array {
  if (body instanceof Uint8Array) return body;
  const out = new Uint8Array(body.entry.bytes);
  let at = 0;
  for (const chunk of body) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Size and sha256 of a body. */
export function bodyEntry(body: FileBody): FileEntry {
  if (body instanceof Chunked) return body.entry;
  return { sha256: sha256Hex(body), bytes: body.byteLength };
}
