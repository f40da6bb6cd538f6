/**
 * Files made in one pass and written once: the datasets of all reports are put together from the
 * reports' shares at the same time (one read of each report's entry feeds all eighteen files), so
 * each goes to a temporary file as it is made, hashed as it is written, and is then offered to the
 * version with its size and sha256 known: no file of all reports is made twice or held whole.
 */

import type { Hash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Stream } from '../contract/index.ts';
import { Chunked, type FileEntry } from '../pipeline/formats/index.ts';

/** Bytes gathered before a write: few system calls for the many small chunks of a share. */
const BUFFER_BYTES = 1024 * 1024;

export class Spool {
  readonly #folder = mkdtempSync(join(tmpdir(), 'opendata-spool-'));
  #count = 0;

  /** A new file of the spool. */
  file(): SpoolFile {
    this.#count += 1;
    return new SpoolFile(join(this.#folder, String(this.#count)));
  }

  /** Removes every file; call once what was offered from it is written. */
  close(): void {
    rmSync(this.#folder, { recursive: true, force: true });
  }
}

export class SpoolFile {
  readonly #fd: number;
  readonly #hash: Hash = sha256Stream();
  /**
   * Bytes not yet written, copied here: a share is a view into its report's whole cache entry, and
   * holding views until a megabyte of a small dataset's shares gathered (10,000 reports of checks)
   * kept every report's entry alive at once.
   */
  readonly #buffer = new Uint8Array(BUFFER_BYTES);
  #held = 0;
  #bytes = 0;
  #entry: FileEntry | undefined;

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'w');
  }

  /** Appends a chunk (copied or written at once: the caller may let it go when this returns). */
  readonly write = (chunk: Uint8Array): void => {
    this.#hash.update(chunk);
    this.#bytes += chunk.byteLength;
    if (this.#held + chunk.byteLength > BUFFER_BYTES) this.#flush();
    if (chunk.byteLength >= BUFFER_BYTES) writeSync(this.#fd, chunk);
    else {
      this.#buffer.set(chunk, this.#held);
      this.#held += chunk.byteLength;
    }
  };

  /** Ends the file: its size and sha256. */
  finish(): FileEntry {
    if (!this.#entry) {
      this.#flush();
      closeSync(this.#fd);
      this.#entry = { sha256: this.#hash.digest('hex'), bytes: this.#bytes };
    }
    return this.#entry;
  }

  /** The finished file as a body read a megabyte at a time, its size and sha256 known. */
  body(): Chunked {
    return Chunked.known(() => readChunks(this.path), this.finish());
  }

  #flush(): void {
    if (this.#held > 0) writeSync(this.#fd, this.#buffer, 0, this.#held);
    this.#held = 0;
  }
}

/** A finished file of this machine read a megabyte at a time (a spooled dataset, a staged page). */
export function* readChunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buffer = new Uint8Array(BUFFER_BYTES);
      const read = readSync(fd, buffer, 0, BUFFER_BYTES, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}
