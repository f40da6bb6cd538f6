import { sha256Hex } from '../contract/index.ts';

/** What a publication needs from storage: a flat namespace of keys with `/` as separator. */
export interface Store {
  /**
   * The object's bytes, or undefined when there is no such key. With `maxBytes`, an object larger
   * than that is not read: ObjectTooLargeError says how large it is (a store that cannot tell before
   * reading may ignore the option; callers check the size of what they get too).
   */
  get(key: string, options?: GetOptions): Promise<Uint8Array | undefined>;
  /**
   * Writes the bytes, given whole, as a list of chunks, or as chunks made one after another (a
   * generator, sync or async) for files too big to hold in memory: those are read once, as written.
   */
  put(key: string, body: Body, options: PutOptions): Promise<void>;
  /**
   * The object's sha256 and size without downloading it, or undefined when there is no such key.
   * Optional: `headObject` falls back to reading the bytes.
   */
  head?(key: string): Promise<ObjectHead | undefined>;
  /**
   * Copies an object inside the store (a hard link, an S3 server-side copy): no bytes travel.
   * Optional: `copyObject` falls back to a get and a put.
   */
  copy?(from: string, to: string, options: PutOptions): Promise<void>;
  /**
   * Moves a finished file of this machine into the store under the key (a rename into a folder on
   * the same disk): what was written once is not written again. The file is gone afterwards.
   * Optional: elsewhere the file is read and put.
   */
  putFile?(key: string, path: string, options: PutOptions): Promise<void>;
  /** Keys under the prefix, sorted. */
  list(prefix: string): Promise<string[]>;
  /**
   * Keys under the prefix with their sizes, sorted, from the same listing (a folder's lstat, S3's
   * LIST): what is too large can be refused before anything is read. Optional: `list` elsewhere.
   */
  listWithSizes?(prefix: string): Promise<ListedObject[]>;
  /**
   * Keys under the prefix that the store will not read because they are symbolic links (a folder
   * only), so that a link is reported instead of passing unnoticed. Optional: none elsewhere.
   */
  unfollowed?(prefix: string): Promise<UnfollowedEntry[]>;
  delete(key: string): Promise<void>;
  /**
   * Deletes every key under the prefix (a folder ending in `/`). Optional: a store without it may not
   * delete versions (the publisher's IAM policy denies it in the bucket), so abandoned versions are
   * recorded there instead (publish/leftovers.ts).
   */
  deleteFolder?(prefix: string): Promise<void>;
  /** Removes what writers that are gone left behind (a folder's temporary files); returns the keys. */
  removeLeftovers?(): Promise<string[]>;
  /** Where the store lives, for messages: a folder or s3://bucket/prefix. */
  readonly location: string;
}

/**
 * The bytes of an object: whole, or as chunks. An iterable (an array, a generator) is read once by
 * `put`; callers that need the bytes twice (to hash, then to write) pass an iterable that starts over.
 */
export type Body = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** An entry of a folder that is not a regular file: never read, but told about. */
export interface UnfollowedEntry {
  key: string;
  kind: 'symbolic link' | 'pipe, socket or device';
}

export interface GetOptions {
  /** Do not read an object larger than this many bytes. */
  maxBytes?: number;
}

export interface ListedObject {
  key: string;
  bytes: number;
  /**
   * A token that is the same only while the object's bytes are: where the store has one that can be
   * trusted (an S3 ETag with the size; a file's device, inode, size, modification and change times
   * once they are settled), absent where it cannot tell. A run uses it to know a report it hashed
   * before without reading it again (input-fingerprints.ts).
   */
  fingerprint?: string;
}

/** An object was not read because it is larger than the caller's limit. */
export class ObjectTooLargeError extends Error {
  override name = 'ObjectTooLargeError';
  constructor(
    readonly key: string,
    readonly bytes: number,
  ) {
    super(`${key} is ${bytes} bytes`);
  }
}

export interface PutOptions {
  contentType: string;
  cacheControl?: string;
  /** Hex sha256 of the bytes when the caller knows it already (saves a look-up on copy, a pass on put). */
  sha256?: string;
  /** Size of the body in bytes when the caller knows it: lets S3 stream a chunked body instead of joining it. */
  bytes?: number;
}

export interface ObjectHead {
  /** Hex sha256 of the bytes; undefined when the object was written by something else. */
  sha256: string | undefined;
  bytes: number;
}

export async function headObject(store: Store, key: string): Promise<ObjectHead | undefined> {
  if (store.head) return store.head(key);
  const bytes = await store.get(key);
  return bytes ? { sha256: sha256Hex(bytes), bytes: bytes.byteLength } : undefined;
}

export async function copyObject(store: Store, from: string, to: string, options: PutOptions): Promise<void> {
  if (store.copy) return store.copy(from, to, options);
  const bytes = await store.get(from);
  if (!bytes) throw new Error(`Cannot copy ${JSON.stringify(from)} in ${store.location}: it does not exist`);
  await store.put(to, bytes, options);
}

/** The chunks of a body, one after another. */
export async function* bodyChunks(body: Body): AsyncGenerator<Uint8Array> {
  if (body instanceof Uint8Array) yield body;
  else yield* body;
}

/** Whether the body is held in memory (bytes or an array of chunks) rather than made as it is read. */
export function bodyInMemory(body: Body): body is Uint8Array | readonly Uint8Array[] {
  return body instanceof Uint8Array || Array.isArray(body);
}

/** The whole body as one array of bytes (joins chunks: for bodies known to be small, or as a fallback). */
export async function bodyBytes(body: Body): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

/**
 * Keys are relative paths of safe segments: no empty, `.` or `..` segment, no backslash, no leading
 * slash. Checked by every store so that no key can reach outside it.
 */
export function assertSafeKey(key: string): void {
  const segments = key.split('/');
  const bad =
    key === '' ||
    key.includes('\\') ||
    key.includes('\0') ||
    segments.some((s) => s === '' || s === '.' || s === '..');
  if (bad) throw new Error(`Unsafe storage key ${JSON.stringify(key)}`);
}
