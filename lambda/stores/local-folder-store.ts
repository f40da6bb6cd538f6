import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { temporaryPath } from '../contract/index.ts';
import {
  assertSafeKey,
  type Body,
  bodyInMemory,
  type ListedObject,
  type PutOptions,
  type Store,
} from './store.ts';

/**
 * A folder of this machine's own, for the result cache: the same keys as FsStore, done with
 * synchronous calls. A run reads and writes tens of thousands of small entries, and on a loaded
 * machine each asynchronous call waits for the thread pool longer than the call takes (FsStore's
 * open, write, close and rename were 4 s of a 1,000-report run). Nothing else waits on them: the
 * worker processes keep computing. Writes go to a temporary file renamed into place, so a reader
 * never sees half an entry. Not for the site: that is FsStore, which is what serve reads.
 */
export class LocalFolderStore implements Store {
  readonly #made = new Set<string>();
  #temporary = 0;

  constructor(readonly root: string) {}

  get location(): string {
    return this.root;
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    assertSafeKey(key);
    try {
      return readFileSync(join(this.root, key));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /**
   * The first `length` bytes of the object (fewer when it is shorter), or undefined when it is not
   * there: what of a cache entry a run needs when it needs only its first sections.
   */
  async getStart(key: string, length: number): Promise<Uint8Array | undefined> {
    assertSafeKey(key);
    let fd: number;
    try {
      fd = openSync(join(this.root, key), 'r');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    try {
      const buffer = Buffer.allocUnsafe(length);
      let read = 0;
      while (read < length) {
        const got = readSync(fd, buffer, read, length - read, read);
        if (got === 0) break;
        read += got;
      }
      return buffer.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  }

  async put(key: string, body: Body, _options: PutOptions): Promise<void> {
    assertSafeKey(key);
    if (!bodyInMemory(body)) throw new Error(`${key}: the cache takes whole bodies`);
    const path = join(this.root, key);
    const folder = dirname(path);
    if (!this.#made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.#made.add(folder);
    }
    this.#temporary += 1;
    const temporary = temporaryPath(path, process.pid, this.#temporary);
    const fd = openNew(temporary);
    try {
      for (const chunk of body instanceof Uint8Array ? [body] : body) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  }

  async list(prefix: string): Promise<string[]> {
    return (await this.listWithSizes(prefix)).map((entry) => entry.key);
  }

  /** Reads only the folder the prefix is in (`rows/` reads `rows`, `rows/ab/c` reads `rows/ab`). */
  async listWithSizes(prefix: string): Promise<ListedObject[]> {
    const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    if (folder) assertSafeKey(folder.slice(0, -1));
    let names: string[];
    try {
      names = readdirSync(join(this.root, folder), { recursive: true }) as string[];
    } catch (error) {
      if (isMissing(error) || isNotFolder(error)) return [];
      throw error;
    }
    const listed: ListedObject[] = [];
    // readdir gives each name relative to the folder already: no path is resolved again for its key
    // (relative() and join() a name were most of listing 40,000 entries).
    const root = `${join(this.root, folder)}${sep}`;
    for (const name of names) {
      const key = folder + (sep === '/' ? name : name.split(sep).join('/'));
      if (!key.startsWith(prefix) || key.includes('.tmp-')) continue;
      const stats = statSync(`${root}${name}`, { throwIfNoEntry: false });
      if (stats?.isFile()) listed.push({ key, bytes: stats.size });
    }
    return listed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The names at the folder's top, each saying whether it is a folder. */
  async topLevel(): Promise<{ name: string; folder: boolean }[]> {
    try {
      return readdirSync(this.root, { withFileTypes: true }).map((entry) => ({
        name: entry.name,
        folder: entry.isDirectory(),
      }));
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    rmSync(join(this.root, key), { force: true });
  }
}

/**
 * Opens a new file for writing; when its folder went since this store made it (the cache emptied by
 * hand, or by another run's collection, while this one goes), makes it again.
 */
function openNew(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (error) {
    if (!isMissing(error)) throw error;
    mkdirSync(dirname(path), { recursive: true });
    return openSync(path, 'w');
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** A prefix's folder that is a file: nothing is under it. */
function isNotFolder(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOTDIR';
}
