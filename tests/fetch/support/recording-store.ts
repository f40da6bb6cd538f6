import type { PutOptions, Store } from '../../../lambda/stores/store.ts';

/** A store that notes every write and delete made through it. */
export class RecordingStore implements Store {
  readonly puts: string[] = [];
  readonly deletes: string[] = [];

  constructor(readonly inner: Store) {}

  get location(): string {
    return this.inner.location;
  }

  get(key: string) {
    return this.inner.get(key);
  }

  list(prefix: string) {
    return this.inner.list(prefix);
  }

  async put(key: string, body: Uint8Array, options: PutOptions) {
    this.puts.push(key);
    await this.inner.put(key, body, options);
  }

  async delete(key: string) {
    this.deletes.push(key);
    await this.inner.delete(key);
  }

  reset(): void {
    this.puts.length = 0;
    this.deletes.length = 0;
  }
}
