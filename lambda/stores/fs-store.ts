import {
  closeSync,
  constants,
  createReadStream,
  type Dirent,
  fstatSync,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  type Stats,
  writeSync,
  writevSync,
} from 'node:fs';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { sha256Stream, TEMPORARY_FILE, temporaryPath } from '../contract/index.ts';
import { makeFolder, onDisk } from './folder-error.ts';
import { isProcessAlive } from './process-alive.ts';
import {
  assertSafeKey,
  type Body,
  type GetOptions,
  type ListedObject,
  type ObjectHead,
  ObjectTooLargeError,
  type PutOptions,
  type Store,
  type UnfollowedEntry,
} from './store.ts';

/**
 * A folder as a store: key `a/b.csv` is the file `<root>/a/b.csv`. Content types are not kept. A full
 * disk, a read-only mount or a folder this user may not write fail as one FolderError naming the path.
 */
export class FsStore implements Store {
  #made = new Set<string>();
  #temporary = 0;

  constructor(readonly root: string) {}

  get location(): string {
    return this.root;
  }

  /**
   * A symbolic link is not followed: it reads as missing, like `list` leaves it out. The size is
   * taken from the open file, so a file larger than `maxBytes` is never read, even one that grew
   * since it was listed.
   */
  async get(key: string, options: GetOptions = {}): Promise<Uint8Array | undefined> {
    assertSafeKey(key);
    const path = join(this.root, key);
    return onDisk('read', path, () => this.#read(path, key, options));
  }

  /**
   * Read with synchronous calls: a report or a manifest is read whole at once, and the four trips of
   * an open, a stat, a read and a close through libuv's thread pool cost a run over thousands of small
   * files more than the reads (the plan of an unchanged run of 10,000 reports: 3.0–3.1 s with them,
   * 2.2–2.4 s without, on 2 cores).
   */
  async #read(path: string, key: string, options: GetOptions): Promise<Uint8Array | undefined> {
    let descriptor: number;
    try {
      descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ELOOP') return undefined;
      throw error;
    }
    try {
      const { size } = fstatSync(descriptor);
      if (options.maxBytes !== undefined && size > options.maxBytes) throw new ObjectTooLargeError(key, size);
      return readOpened(descriptor, size);
    } finally {
      closeSync(descriptor);
    }
  }

  /**
   * Writes a temporary file and renames it, so a reader never sees half a file. A body in memory or
   * made in chunks here is written with synchronous calls, like a read: a publication writes tens of
   * thousands of small files, and each asynchronous call is a trip through libuv's thread pool, a
   * wake-up and a context switch, which on 2 cores cost the publishing process more than the writes
   * (the kernel's scheduling was 45% of its samples). A body that comes asynchronously (a stream) is
   * written as it comes.
   */
  async put(key: string, body: Body, _options: PutOptions): Promise<void> {
    assertSafeKey(key);
    const path = join(this.root, key);
    await onDisk('write', path, () => this.#write(path, body));
  }

  async #write(path: string, body: Body): Promise<void> {
    const temporary = this.#temporaryBeside(path);
    if (Symbol.asyncIterator in body) return this.#writeStream(temporary, path, body);
    const descriptor = openSync(temporary, 'w');
    try {
      if (body instanceof Uint8Array) writeWhole(descriptor, [body]);
      else if (Array.isArray(body)) writeWhole(descriptor, body);
      else for (const chunk of body) writeWhole(descriptor, [chunk]);
      closeSync(descriptor);
    } catch (error) {
      closeQuietly(descriptor);
      rmSync(temporary, { force: true });
      throw error;
    }
    renameSync(temporary, path);
  }

  async #writeStream(temporary: string, path: string, body: AsyncIterable<Uint8Array>): Promise<void> {
    const handle = await open(temporary, 'w');
    try {
      for await (const chunk of body) await handle.write(chunk);
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => {});
      await rm(temporary, { force: true });
      throw error;
    }
    await rename(temporary, path);
  }

  /** A rename into place, atomic like a put; a copy, then a rename, when the file is on another disk. */
  async putFile(key: string, from: string, options: PutOptions): Promise<void> {
    assertSafeKey(key);
    const path = join(this.root, key);
    await onDisk('write', path, async () => {
      this.#folderOf(path);
      try {
        renameSync(from, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await this.#write(path, createReadStream(from));
      }
    });
    void options;
  }

  /** Reads the file to hash it: a folder has no metadata to keep a checksum in. */
  async head(key: string): Promise<ObjectHead | undefined> {
    assertSafeKey(key);
    const path = join(this.root, key);
    return onDisk('read', path, () => sha256Of(path));
  }

  /**
   * A hard link: no bytes are copied, and since every write replaces a file instead of changing it,
   * linked files never change under each other. A link appears whole or not at all, so a new name is
   * linked in place (a version's files are all new names: 20,000 renames saved at 10,000 reports);
   * over a file already there, it is linked under a temporary name and renamed over it.
   */
  async copy(from: string, to: string, _options: PutOptions): Promise<void> {
    assertSafeKey(from);
    assertSafeKey(to);
    const path = join(this.root, to);
    await onDisk('link', path, async () => {
      this.#folderOf(path);
      try {
        linkSync(join(this.root, from), path);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const temporary = this.#temporaryBeside(path);
      linkSync(join(this.root, from), temporary);
      renameSync(temporary, path);
    });
  }

  async list(prefix: string): Promise<string[]> {
    return (await this.#entries(prefix, (kind) => kind.isFile())).map(({ key }) => key);
  }

  /**
   * The sizes are the files' own (lstat, synchronous like the reads), taken for the files listed
   * alone, with a fingerprint for each file whose times are settled (see fileFingerprint). A file gone
   * between the listing and its lstat is left out, as if listed a moment later.
   */
  async listWithSizes(prefix: string): Promise<ListedObject[]> {
    const files = await this.#entries(prefix, (kind) => kind.isFile());
    const listed: ListedObject[] = [];
    const settledBefore = Date.now() - SETTLED_MS;
    await onDisk('list', this.root, async () => {
      for (const { key, path } of files) {
        const stats = lstatSync(path, { throwIfNoEntry: false });
        if (!stats?.isFile()) continue;
        const fingerprint = fileFingerprint(stats, settledBefore);
        listed.push({ key, bytes: stats.size, ...(fingerprint ? { fingerprint } : {}) });
      }
    });
    return listed;
  }

  /** Links, pipes, sockets and devices: a link could pull in a file from outside, a pipe would block a read. */
  async unfollowed(prefix: string): Promise<UnfollowedEntry[]> {
    const special = (kind: Dirent) => !kind.isFile() && !kind.isDirectory();
    return (await this.#entries(prefix, special)).map(({ key, kind }) => ({
      key,
      kind: kind.isSymbolicLink() ? ('symbolic link' as const) : ('pipe, socket or device' as const),
    }));
  }

  /**
   * Every entry below the root of the kind wanted, sorted by key. Kinds come from the directory
   * itself (lstat only where the file system does not say), so a link is a link, never followed: a
   * link must not pull a file from outside the folder into a store.
   */
  async #entries(prefix: string, wanted: (kind: Dirent) => boolean): Promise<FolderEntry[]> {
    const entries = await onDisk('list', this.root, () => this.#all());
    const found: FolderEntry[] = [];
    for (const entry of entries) {
      if (!wanted(entry)) continue;
      const path = join(entry.parentPath, entry.name);
      const key = relative(this.root, path).split(sep).join('/');
      if (key.startsWith(prefix) && !key.includes('.tmp-')) found.push({ key, path, kind: entry });
    }
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async #all(): Promise<Dirent[]> {
    try {
      return await readdir(this.root, { recursive: true, withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    const path = join(this.root, key);
    await onDisk('delete', path, () => rm(path, { force: true }));
  }

  /** Removes a whole folder of keys at once (an abandoned version: see publish/leftovers.ts). */
  async deleteFolder(prefix: string): Promise<void> {
    assertSafeKey(prefix.replace(/\/$/, ''));
    const path = join(this.root, prefix);
    await onDisk('delete', path, () => rm(path, { recursive: true, force: true }));
  }

  /**
   * Removes the temporary files (`*.tmp-<pid>-<n>`) of processes that are gone, and only those: a
   * run killed mid-write leaves them, and nothing else ever would. Returns their paths, relative.
   */
  async removeLeftovers(): Promise<string[]> {
    const leftovers = (await onDisk('list', this.root, () => this.#all()))
      .map((entry) => relative(this.root, join(entry.parentPath, entry.name)))
      .filter((entry) => {
        const pid = TEMPORARY_FILE.exec(basename(entry))?.[1];
        return pid !== undefined && !isProcessAlive(Number(pid));
      });
    for (const entry of leftovers)
      await onDisk('delete', join(this.root, entry), () => rm(join(this.root, entry), { force: true }));
    return leftovers.map((entry) => entry.split(sep).join('/')).sort();
  }

  #temporaryBeside(path: string): string {
    this.#folderOf(path);
    this.#temporary += 1;
    return temporaryPath(path, process.pid, this.#temporary);
  }

  /** Makes the folder a file goes into, once a folder for this store. */
  #folderOf(path: string): void {
    const folder = dirname(path);
    if (this.#made.has(folder)) return;
    makeFolder(folder);
    this.#made.add(folder);
  }
}

async function sha256Of(path: string): Promise<ObjectHead | undefined> {
  try {
    const { size } = await stat(path);
    const hash = sha256Stream();
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return { sha256: hash.digest('hex'), bytes: size };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Writes every byte of the chunks: a write may take fewer bytes than it is given. */
function writeWhole(descriptor: number, chunks: readonly Uint8Array[]): void {
  const written =
    chunks.length === 1
      ? writeSync(descriptor, chunks[0] as Uint8Array)
      : writevSync(descriptor, chunks as Uint8Array[]);
  let left = written;
  for (const chunk of chunks) {
    if (left >= chunk.byteLength) {
      left -= chunk.byteLength;
      continue;
    }
    for (let offset = left; offset < chunk.byteLength; )
      offset += writeSync(descriptor, chunk, offset, chunk.byteLength - offset);
    left = 0;
  }
}

function closeQuietly(descriptor: number): void {
  try {
    closeSync(descriptor);
  } catch {}
}

/**
 * How long ago a file's change time must be for its fingerprint to be trusted. A write changes the
 * change time (ctime, which no user call sets), but within one tick of the clock a file written
 * twice can keep it; a file whose ctime is older than this when it is listed and read was not being
 * written then, so any later write gives it a later ctime (git's index guards its "racy" entries so).
 */
const SETTLED_MS = 2000;

/**
 * A file's fingerprint: device, inode, size, modification and change times; undefined while its
 * change time is not settled (see SETTLED_MS), so that it is read and hashed again next time.
 */
function fileFingerprint(stats: Stats, settledBefore: number): string | undefined {
  if (stats.ctimeMs >= settledBefore) return undefined;
  return `file:${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** An entry of the folder: its key, its path on disk and its kind as the directory gives it. */
interface FolderEntry {
  key: string;
  path: string;
  kind: Dirent;
}

/**
 * The bytes of an opened file whose size was just taken: read straight into one buffer of that size
 * (readFile would take the size again), and on to the end should the file have grown meanwhile.
 */
function readOpened(descriptor: number, size: number): Uint8Array {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(descriptor, buffer, filled, size - filled, filled);
    if (read === 0) return buffer.subarray(0, filled);
    filled += read;
  }
  const chunks: Uint8Array[] = [buffer];
  for (let position = size; ; ) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const read = readSync(descriptor, chunk, 0, chunk.byteLength, position);
    if (read === 0) return chunks.length === 1 ? buffer : Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, read));
    position += read;
  }
}
