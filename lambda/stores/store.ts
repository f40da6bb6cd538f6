/** What a publication needs from storage: a flat namespace of keys with `/` as separator. */
export interface Store {
  /** The object's bytes, or undefined when there is no such key. */
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, body: Uint8Array, options: PutOptions): Promise<void>;
  /** Keys under the prefix, sorted. */
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
  /** Where the store lives, for messages: a folder or s3://bucket/prefix. */
  readonly location: string;
}

export interface PutOptions {
  contentType: string;
  cacheControl?: string;
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
