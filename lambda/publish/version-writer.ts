import { rmSync } from 'node:fs';
import {
  CONTENT_TYPES,
  IMMUTABLE_CACHE_CONTROL,
  MARKER_KEY,
  NO_STORE,
  versionedPath,
  versionManifestPath,
} from '../contract/index.ts';
import { bodyEntry, type FileBody, type FileEntry } from '../pipeline/formats/index.ts';
import type { Publication, VersionManifest } from '../pipeline/metadata/index.ts';
import { copyObject, headObject, type PutOptions, type Store } from '../stores/store.ts';
import { Pool } from './pool.ts';
import { jsonBytes, type PublishingMarker } from './published-state.ts';

/** A file of the publication, offered to the writer. */
export interface OfferedFile {
  path: string;
  /** Whole, or chunks made afresh on each pass: hashed first, then written only if it changed. */
  body: FileBody;
  contentType: string;
  /**
   * A file of this machine holding the same bytes, moved into the store rather than written again;
   * removed when the version needs no copy (the current version has the same bytes).
   */
  localFile?: string;
}

interface WriterOptions {
  target: Store;
  publication: Publication;
  inputHash: string;
  /** The file list of the current version: bytes equal to it are linked, not written. */
  previous: VersionManifest | undefined;
  /** The last run was interrupted: objects may already be in place, so look before writing. */
  verify: boolean;
  /** The marker already names this version (a resumed run). */
  resumed: boolean;
  concurrency: number;
}

/**
 * Writes one version under `versions/<version>/`: a file whose bytes differ from the current
 * version's is put as soon as it is offered (so big runs never hold the whole site in memory), the
 * others are linked from the current version once all are known. Nothing is written while every
 * file is as published.
 */
export class VersionWriter {
  readonly files = new Map<string, FileEntry & { contentType: string }>();
  readonly written: string[] = [];
  copied = 0;
  #differs = false;
  #markerWritten = false;
  readonly #pool: Pool;

  constructor(readonly options: WriterOptions) {
    this.#pool = new Pool(options.concurrency);
  }

  get version(): string {
    return this.options.publication.version;
  }

  /** True once a file differed from the current version (or there is none). */
  get differs(): boolean {
    return this.#differs || this.options.previous === undefined;
  }

  async offer(file: OfferedFile): Promise<FileEntry> {
    const entry = entryOf(file.body);
    this.files.set(file.path, fileRecord(entry, file.contentType));
    if (this.options.previous?.files[file.path]?.sha256 === entry.sha256) {
      if (file.localFile) rmSync(file.localFile, { force: true });
      return entry;
    }
    this.#differs = true;
    await this.#writeMarker();
    const key = versionedPath(this.version, file.path);
    await this.#pool.add(async () => {
      if (this.options.verify && (await headObject(this.options.target, key))?.sha256 === entry.sha256)
        return;
      const options = { ...this.#immutable(file.contentType), sha256: entry.sha256, bytes: entry.bytes };
      const { target } = this.options;
      if (file.localFile && target.putFile) await target.putFile(key, file.localFile, options);
      else await target.put(key, file.body, options);
      this.written.push(key);
    });
    return entry;
  }

  /**
   * A file the current version has with the same bytes, known by its sha256 alone (a report whose
   * cached unit says so): linked from it when the version completes, never read.
   */
  offerLinked(file: { path: string; contentType: string } & FileEntry): FileEntry {
    if (this.options.previous?.files[file.path]?.sha256 !== file.sha256)
      throw new Error(`${file.path} is offered by its sha256 but the current version has other bytes`);
    const entry = { sha256: file.sha256, bytes: file.bytes };
    this.files.set(file.path, fileRecord(entry, file.contentType));
    return entry;
  }

  /** Links the unchanged files from the current version, then writes the file list that marks the version complete. */
  async complete(): Promise<VersionManifest> {
    const { previous, target, publication } = this.options;
    for (const [path, entry] of this.files) {
      if (!previous || previous.files[path]?.sha256 !== entry.sha256) continue;
      const key = versionedPath(this.version, path);
      await this.#pool.add(async () => {
        if (this.options.verify && (await headObject(target, key))?.sha256 === entry.sha256) return;
        await copyObject(target, versionedPath(previous.version, path), key, {
          ...this.#immutable(entry.contentType),
          sha256: entry.sha256,
        });
        this.copied += 1;
      });
    }
    await this.#pool.drain();
    const manifest: VersionManifest = {
      ...publication,
      contentHash: this.options.inputHash,
      files: Object.fromEntries(
        [...this.files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, e]) => [path, fileEntry(e)]),
      ),
    };
    await this.put(
      versionManifestPath(this.version),
      jsonBytes(manifest),
      this.#immutable(CONTENT_TYPES.json),
    );
    return manifest;
  }

  async put(key: string, body: Uint8Array, options: PutOptions): Promise<void> {
    await this.options.target.put(key, body, options);
    this.written.push(key);
  }

  async drain(): Promise<void> {
    await this.#pool.drain();
  }

  async #writeMarker(): Promise<void> {
    if (this.#markerWritten || this.options.resumed) return;
    this.#markerWritten = true;
    const marker: PublishingMarker = { ...this.options.publication, inputHash: this.options.inputHash };
    await this.put(MARKER_KEY, jsonBytes(marker), {
      contentType: CONTENT_TYPES.json,
      cacheControl: NO_STORE,
    });
  }

  #immutable(contentType: string): PutOptions {
    return { contentType, cacheControl: IMMUTABLE_CACHE_CONTROL };
  }
}

/** Size and sha256 of a body; a chunked one is made once to learn them, and remembers them. */
export function entryOf(body: FileBody): FileEntry {
  return bodyEntry(body);
}

/**
 * A file of the version as the writer keeps it until its file list is written, one for each file of
 * every report: a literal, so that all share one hidden class (a spread of the entry gave each
 * its own, 170 bytes a file), and its content type the one string of CONTENT_TYPES.
 */
function fileRecord({ sha256, bytes }: FileEntry, contentType: string): FileEntry & { contentType: string } {
  return { sha256, bytes, contentType: KNOWN_TYPES.get(contentType) ?? contentType };
}

/** The content types as one string each: a unit's files come parsed from JSON, each with copies of its own. */
const KNOWN_TYPES = new Map(Object.values(CONTENT_TYPES).map((type) => [type, type]));

function fileEntry({ sha256, bytes }: FileEntry): FileEntry {
  return { sha256, bytes };
}
