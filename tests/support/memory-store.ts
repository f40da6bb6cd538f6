import { type Body, bodyBytes, type PutOptions, type Store } from '../../lambda/stores/store.ts';

/**
 * A store in memory, for tests that publish many times (fuzzing) or need keys no folder can hold
 * (`../evil.txt`, as an S3 key may be). Keys are not checked: what a source lists is the test's to say.
 */
export class MemoryStore implements Store {
  readonly objects = new Map<string, Uint8Array>();

  constructor(readonly location = 'memory:') {}

  async get(key: string): Promise<Uint8Array | undefined> {
    return this.objects.get(key);
  }

  async put(key: string, body: Body, _options: PutOptions): Promise<void> {
    this.objects.set(key, await bodyBytes(body));
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }

  text(key: string): string | undefined {
    const bytes = this.objects.get(key);
    return bytes ? new TextDecoder().decode(bytes) : undefined;
  }
}
