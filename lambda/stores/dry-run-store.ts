import { type Body, headObject, type ObjectHead, type PutOptions, type Store } from './store.ts';

/**
 * A store that reads through to another and writes nothing: `publish --dry-run` builds the whole
 * publication against it and reports what it would have written. Bodies made as they are read are
 * never read, so a dry run costs the build, not the upload.
 */
export class DryRunStore implements Store {
  /** Keys that would have been put or copied, and deleted, in order. */
  readonly skipped: { key: string; operation: 'put' | 'copy' | 'delete' }[] = [];

  constructor(readonly inner: Store) {}

  get location(): string {
    return this.inner.location;
  }

  get(key: string): Promise<Uint8Array | undefined> {
    return this.inner.get(key);
  }

  head(key: string): Promise<ObjectHead | undefined> {
    return headObject(this.inner, key);
  }

  list(prefix: string): Promise<string[]> {
    return this.inner.list(prefix);
  }

  async put(key: string, _body: Body, _options: PutOptions): Promise<void> {
    this.skipped.push({ key, operation: 'put' });
  }

  async copy(_from: string, to: string, _options: PutOptions): Promise<void> {
    this.skipped.push({ key: to, operation: 'copy' });
  }

  async delete(key: string): Promise<void> {
    this.skipped.push({ key, operation: 'delete' });
  }

  /** As the store underneath: a folder would delete an abandoned version, a bucket record it. */
  get deleteFolder(): ((prefix: string) => Promise<void>) | undefined {
    if (!this.inner.deleteFolder) return undefined;
    return async (prefix: string) => {
      this.skipped.push({ key: prefix, operation: 'delete' });
    };
  }
}
