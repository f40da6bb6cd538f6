/**
 * The content-addressed cache of per-report results: what a report's bytes made, under a key that is
 * the sha256 of those bytes and of the hashes of the code and data that shaped them (see stageKey),
 * so that an entry can never be used for other input or by other code. Each entry is one object:
 * a first line naming the format, a line of JSON naming the entry's stage and key and listing its
 * sections (name, size, CRC-32), then the sections' bytes. An entry is verified before use (format,
 * stage, key, size, every section's CRC-32): one that is truncated, of another format or version,
 * or whose bytes do not match is a miss, recomputed and written again, never used. The check is a
 * CRC, not a sha256: the key already names what the bytes are, the check is that they arrived whole
 * and unchanged, and the reduce reads every report's shares (a sha256 of them took 3.5 s a run).
 */
import { crc32 } from 'node:zlib';
import { sha256Hex } from '../contract/index.ts';
import type { Store } from '../stores/store.ts';

/** The first line of every entry: the format, so that entries of another layout are never read as this one. */
const MAGIC = 'opendata-publisher cache 2\n';

/** The store of a cache: a folder of this machine's (LocalFolderStore), listed with sizes and whose top can be listed alone. */
export type CacheStore = Store &
  Required<Pick<Store, 'listWithSizes'>> & { topLevel(): Promise<{ name: string; folder: boolean }[]> };

/** The stages a report's work is cached by. */
export type CacheStage = 'figures' | 'unit' | 'pages' | 'rows' | 'recipes' | 'inputs';

/** A named part of an entry's bytes. */
export interface Section {
  name: string;
  bytes: Uint8Array;
}

interface EntryHeader {
  stage: CacheStage;
  key: string;
  sections: { name: string; bytes: number; crc32: number }[];
}

/** What a run did with the cache, for the summary and the benchmark. */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found but refused (truncated, other format, other key, bytes that do not match). */
  refused: number;
  /** Entries this process wrote (a worker writes its own: `reports.made` counts what was made). */
  written: number;
  /** Entries no input of the run referenced, deleted after it. */
  collected: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The key of a stage's entry: the sha256 of the stage and of everything its result depends on. */
export function stageKey(stage: CacheStage, ...dependsOn: string[]): string {
  return sha256Hex([stage, ...dependsOn].join('\u0000'));
}

export class ResultCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, refused: 0, written: 0, collected: 0 };
  readonly #used = new Set<string>();

  constructor(readonly store: CacheStore) {}

  /** The entry's sections by name, or undefined when there is none or it does not verify. */
  async get(stage: CacheStage, key: string): Promise<Map<string, Uint8Array> | undefined> {
    const { found, sections } = await this.#read(stage, key);
    return this.#counted(found, sections);
  }

  /** The entry's sections, marked as this run's; `found` when there were bytes, whether they verify or not. */
  async #read(
    stage: CacheStage,
    key: string,
  ): Promise<{ found: boolean; sections: Map<string, Uint8Array> | undefined }> {
    const path = entryPath(stage, key);
    this.#used.add(path);
    const bytes = await this.store.get(path);
    return { found: bytes !== undefined, sections: bytes ? readEntry(bytes, stage, key) : undefined };
  }

  /**
   * The entry's sections up to the one named `last` (all when it has none of that name), each
   * verified, read without the rest where the store can (a folder of this machine): a run that puts
   * together only the first datasets reads only their shares. A tail cut off is not seen here; the
   * run that reads the whole entry refuses it.
   */
  async getUpTo(stage: CacheStage, key: string, last: string): Promise<Map<string, Uint8Array> | undefined> {
    const store = this.store as Store & Partial<StartReader>;
    const path = entryPath(stage, key);
    this.#used.add(path);
    const head = store.getStart ? await store.getStart(path, HEAD_BYTES) : undefined;
    const header = head && entryHeader(head);
    // No way to read a start, or a header longer than the start read: the whole entry.
    if (!head || !header)
      return head || !store.getStart ? this.get(stage, key) : this.#counted(false, undefined);
    const { sections } = header.value;
    const count = sections.findIndex((section) => section.name === last) + 1 || sections.length;
    const wanted = sections.slice(0, count);
    const end = header.end + wanted.reduce((sum, section) => sum + section.bytes, 0);
    const bytes = end <= head.byteLength ? head : await store.getStart?.(path, end);
    return this.#counted(true, bytes && readEntry(bytes.subarray(0, end), stage, key, count));
  }

  #counted(
    found: boolean,
    sections: Map<string, Uint8Array> | undefined,
  ): Map<string, Uint8Array> | undefined {
    if (found && !sections) this.stats.refused += 1;
    if (sections) this.stats.hits += 1;
    else this.stats.misses += 1;
    return sections;
  }

  /**
   * A record the run keeps for itself (the inputs' fingerprints) rather than a report's work: read,
   * verified, kept and collected like an entry, but not counted in the stats, which say what the
   * reports' work found (whether a record is there depends on when the reports were last written).
   */
  async getRecord(stage: CacheStage, key: string): Promise<Map<string, Uint8Array> | undefined> {
    return (await this.#read(stage, key)).sections;
  }

  /** Writes a record (see getRecord), not counted in the stats. */
  async putRecord(stage: CacheStage, key: string, sections: readonly Section[]): Promise<void> {
    await this.#write(stage, key, sections);
  }

  /** Writes an entry, marked as this run's. */
  async #write(stage: CacheStage, key: string, sections: readonly Section[]): Promise<void> {
    const path = entryPath(stage, key);
    this.#used.add(path);
    await this.store.put(path, entryBytes(stage, key, sections), { contentType: 'application/octet-stream' });
  }

  /** Deletes a record (see getRecord): the next run goes without it. */
  async deleteRecord(stage: CacheStage, key: string): Promise<void> {
    const path = entryPath(stage, key);
    this.#used.delete(path);
    await this.store.delete(path);
  }

  /** Marks an entry as this run's when another process (a worker) wrote it: collect keeps it. */
  use(stage: CacheStage, key: string): void {
    this.#used.add(entryPath(stage, key));
  }

  async put(stage: CacheStage, key: string, sections: readonly Section[]): Promise<void> {
    await this.#write(stage, key, sections);
    this.stats.written += 1;
  }

  /**
   * Deletes every entry no input of this run asked for or wrote (what changed or went since), then,
   * while the cache is bigger than `maxBytes`, this run's entries too, the stages a run misses least
   * first (CUT_ORDER): a cache that does not fit is smaller, never a failure; the next run makes
   * what is missing again. A stage's folder is listed at a time (a listing of every entry held
   * 300,000 of them at once at 50,000 reports, at the end of the run, when the publisher's memory
   * peaks); what is not in a stage's folder (another layout's) is deleted.
   */
  async collect(maxBytes: number): Promise<void> {
    let total = 0;
    for (const stage of CUT_ORDER)
      for (const entry of await this.store.listWithSizes(`${stage}/`))
        if (this.#used.has(entry.key)) total += entry.bytes;
        else await this.#collect(entry.key);
    await this.#collectOthers();
    // What a run misses least goes first: the inputs' fingerprints (they only save reading the
    // reports), the recipes index (it only saves reading shares), pages (read only when a page
    // differs from the last version's), then figures (read only to make a report again), then
    // shares, units last.
    for (const stage of CUT_ORDER) {
      if (total <= maxBytes) break;
      for (const entry of await this.store.listWithSizes(`${stage}/`)) {
        if (total <= maxBytes) break;
        await this.#collect(entry.key);
        total -= entry.bytes;
      }
    }
  }

  async #collect(key: string): Promise<void> {
    await this.store.delete(key);
    this.stats.collected += 1;
  }

  /** Deletes the entries outside every stage's folder (the names at the top of the cache's folder that are no stage's). */
  async #collectOthers(): Promise<void> {
    for (const { name, folder } of await this.store.topLevel()) {
      if ((CUT_ORDER as readonly string[]).includes(name)) continue;
      if (!folder) await this.#collect(name);
      else for (const key of await this.store.list(`${name}/`)) await this.#collect(key);
    }
  }
}

/** The order the size cap deletes a run's own entries in. */
const CUT_ORDER: readonly CacheStage[] = ['inputs', 'recipes', 'pages', 'figures', 'rows', 'unit'];

/** `<stage>/<first two hex digits>/<key>`: a few hundred entries a folder at 50,000 reports. */
function entryPath(stage: CacheStage, key: string): string {
  return `${stage}/${key.slice(0, 2)}/${key}`;
}

function entryBytes(stage: CacheStage, key: string, sections: readonly Section[]): Uint8Array {
  const header: EntryHeader = {
    stage,
    key,
    sections: sections.map(({ name, bytes }) => ({ name, bytes: bytes.byteLength, crc32: crc32(bytes) })),
  };
  const head = encoder.encode(`${MAGIC}${JSON.stringify(header)}\n`);
  const out = new Uint8Array(head.byteLength + sections.reduce((sum, s) => sum + s.bytes.byteLength, 0));
  out.set(head, 0);
  let at = head.byteLength;
  for (const section of sections) {
    out.set(section.bytes, at);
    at += section.bytes.byteLength;
  }
  return out;
}

/** A store that reads the start of an object alone (LocalFolderStore). */
interface StartReader {
  getStart(key: string, length: number): Promise<Uint8Array | undefined>;
}

/** Read first when only an entry's first sections are wanted: its header is a few kilobytes. */
const HEAD_BYTES = 64 * 1024;

/**
 * The sections of an entry that is whole, of this format, stage and key, and whose bytes match; or,
 * given `count`, its first `count` sections, the bytes being the entry's start up to their end.
 */
function readEntry(
  bytes: Uint8Array,
  stage: CacheStage,
  key: string,
  count?: number,
): Map<string, Uint8Array> | undefined {
  const header = entryHeader(bytes);
  if (!header || header.value.stage !== stage || header.value.key !== key) return undefined;
  const sections = new Map<string, Uint8Array>();
  let at = header.end;
  for (const section of header.value.sections.slice(0, count)) {
    const body = bytes.subarray(at, at + section.bytes);
    if (body.byteLength !== section.bytes || crc32(body) !== section.crc32) return undefined;
    sections.set(section.name, body);
    at += section.bytes;
  }
  return at === bytes.byteLength ? sections : undefined;
}

function entryHeader(bytes: Uint8Array): { value: EntryHeader; end: number } | undefined {
  const magic = encoder.encode(MAGIC);
  if (bytes.byteLength < magic.byteLength || magic.some((byte, i) => bytes[i] !== byte)) return undefined;
  const end = bytes.indexOf(10, magic.byteLength);
  if (end < 0) return undefined;
  try {
    const value = JSON.parse(decoder.decode(bytes.subarray(magic.byteLength, end))) as EntryHeader;
    return Array.isArray(value?.sections) ? { value, end: end + 1 } : undefined;
  } catch {
    return undefined;
  }
}
