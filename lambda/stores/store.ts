import { createHash } from 'node:crypto';

/** What a publication needs from storage: a flat namespace of keys with `/` as separator. */
export interface Store {
  /** The object's bytes, or undefined when there is no such key. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Writes the bytes (given whole or as chunks, for files too big to join in memory). */
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
  /** Keys under the prefix, sorted. */
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
  /** Where the store lives, for messages: a folder or s3://bucket/prefix. */
  readonly location: string;
}

export type Body = Uint8Array | readonly Uint8Array[];

export interface PutOptions {
  contentType: string;
  cacheControl?: string;
  /** Hex sha256 of the bytes when the caller knows it already (saves a look-up on copy). */
  sha256?: string;
}

export interface ObjectHead {
  /** Hex sha256 of the bytes; undefined when the object was written by something else. */
  sha256: string | undefined;
  bytes: number;
}

export async function headObject(store: Store, key: string): Promise<ObjectHead | undefined> {
  if (store.head) return store.head(key);
  const bytes = await store.get(key);
  return bytes
    ? { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength }
    : undefined;
}

export async function copyObject(store: Store, from: string, to: string, options: PutOptions): Promise<void> {
  if (store.copy) return store.copy(from, to, options);
  const bytes = await store.get(from);
  if (!bytes) throw new Error(`Cannot copy ${JSON.stringify(from)} in ${store.location}: it does not exist`);
  await store.put(to, bytes, options);
}

export function bodyChunks(body: Body): readonly Uint8Array[] {
  return body instanceof Uint8Array ? [body] : body;
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
