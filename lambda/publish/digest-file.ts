/**
 * Every report's digest, kept on this machine's disk from its report's commit to the reduce, which
 * reads each back when it needs it. A digest held as objects is about 4 KB of heap (3.6 KB of JSON
 * for a generated report of 32 figures, most of it the figures matched to indicators): kept for
 * every report until the metadata was written, they were half of what the publishing process held
 * of each report (3.5 KB of 7.5 KB at 6,000 generated reports; 175 MB at 50,000), and V8 lets a
 * heap grow to about twice what is live while the aggregates are made. On disk a digest costs the
 * parent its place, two numbers.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportDigest } from '../pipeline/build/index.ts';

/** Where one digest is in the file. */
export interface DigestPlace {
  at: number;
  bytes: number;
}

export class DigestFile {
  readonly #folder = mkdtempSync(join(tmpdir(), 'opendata-digests-'));
  readonly #fd = openSync(join(this.#folder, 'digests'), 'w+');
  readonly #encoder = new TextEncoder();
  readonly #decoder = new TextDecoder();
  #end = 0;

  /** Appends a digest (as JSON, as the cache keeps it): where it is, to read it back. */
  put(digest: ReportDigest): DigestPlace {
    const bytes = this.#encoder.encode(JSON.stringify(digest));
    let written = 0;
    while (written < bytes.byteLength)
      written += writeSync(this.#fd, bytes, written, bytes.byteLength - written, this.#end + written);
    const place = { at: this.#end, bytes: bytes.byteLength };
    this.#end += bytes.byteLength;
    return place;
  }

  /** The digest put at `place`, parsed anew: the caller's to let go. */
  get(place: DigestPlace): ReportDigest {
    const bytes = new Uint8Array(place.bytes);
    let read = 0;
    while (read < place.bytes) {
      const got = readSync(this.#fd, bytes, read, place.bytes - read, place.at + read);
      if (got === 0)
        throw new Error(`the digests' file ended at ${place.at + read} of ${place.at + place.bytes}`);
      read += got;
    }
    return JSON.parse(this.#decoder.decode(bytes)) as ReportDigest;
  }

  /** Removes the file; call once the reduce read what it needs. */
  close(): void {
    closeSync(this.#fd);
    rmSync(this.#folder, { recursive: true, force: true });
  }
}
