/**
 * The store fails from its k-th request on, reads included, for every k of a publication: readers
 * of the stable URLs see one whole publication, old or new, and the next run ends exactly as an
 * undisturbed run would. (tests/publish/s3-faults.test.ts does the same through a real S3 API.)
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publish } from '../../lambda/publish/publish.ts';
import type { Body, PutOptions, Store } from '../../lambda/stores/store.ts';
import { MemoryStore } from '../support/memory-store.ts';
import { day, settings } from '../support/publication.ts';

const TEXT = (n: number) =>
  `青石镇2024年法治政府建设情况报告\n一、主要成效\n全年共受理矛盾纠纷${n}件，调解成功率100%。\n`;

/** A store that is down from its k-th request on, as S3 is when it stops answering mid-run. */
class OutageStore implements Store {
  requests = 0;
  constructor(
    readonly inner: Store,
    readonly downFrom: number,
  ) {}
  get location() {
    return this.inner.location;
  }
  get(key: string) {
    return this.#request(key, () => this.inner.get(key));
  }
  put(key: string, body: Body, options: PutOptions) {
    return this.#request(key, () => this.inner.put(key, body, options));
  }
  list(prefix: string) {
    return this.#request(prefix, () => this.inner.list(prefix));
  }
  delete(key: string) {
    return this.#request(key, () => this.inner.delete(key));
  }
  async #request<T>(key: string, run: () => Promise<T>): Promise<T> {
    this.requests += 1;
    if (this.requests >= this.downFrom)
      throw new Error(`request ${this.requests} (${key}): service unavailable`);
    return run();
  }
}

function sources(n: number): MemoryStore {
  const source = new MemoryStore('mem://reports/');
  source.objects.set('qingshi-2024.txt', Buffer.from(TEXT(n)));
  source.objects.set('baishi-2024.txt', Buffer.from(TEXT(7).replace('青石镇', '白石镇')));
  return source;
}

function copy(store: MemoryStore): MemoryStore {
  const clone = new MemoryStore();
  for (const [key, bytes] of store.objects) clone.objects.set(key, bytes);
  return clone;
}

/** Every object's key and sha256: compared whole, cheaply. */
function digest(store: MemoryStore): [string, string][] {
  return [...store.objects]
    .map(([key, bytes]): [string, string] => [key, createHash('sha256').update(bytes).digest('hex')])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

/** Every stable path as a reader gets it, through current.json. */
function served(store: MemoryStore, paths: string[]): Map<string, string | undefined> {
  const version = JSON.parse(store.text('current.json') ?? '{}').version;
  return new Map(paths.map((path) => [path, store.text(`versions/${version}/${path}`)]));
}

describe('a publication whose store goes down at the k-th request', () => {
  it('leaves one whole publication served at every k, and the next run ends as an undisturbed one', async () => {
    const [before, after] = [sources(12), sources(13)];
    const first = new MemoryStore();
    await publish({ source: before, target: first, settings, now: day(1) });
    const paths = [...first.objects.keys()].filter((k) => !k.startsWith('versions/') && !k.endsWith('.json'));
    const reference = copy(first);
    const counting = new OutageStore(reference, Number.POSITIVE_INFINITY);
    const completed = await publish({ source: after, target: counting, settings, now: day(2) });
    const [oldView, newView] = [served(first, paths), served(reference, paths)];
    expect(newView).not.toEqual(oldView);
    expect(counting.requests).toBeGreaterThan(50);
    for (let k = 1; k <= counting.requests; k++) {
      const target = copy(first);
      const failing = publish({
        source: after,
        target: new OutageStore(target, k),
        settings,
        now: day(2),
        concurrency: 4,
      });
      await expect(failing, `k=${k}`).rejects.toThrow(/service unavailable/);
      const view = served(target, paths);
      expect(view, `k=${k}`).toEqual(view.get('data/figures.csv')?.includes(',13,') ? newView : oldView);
      // A run that got as far as its marker is resumed under the marker's version, whatever the clock
      // says; one that did not starts afresh (given the reference's clock, so that the bytes compare).
      const marked = target.objects.has('publishing.json');
      const resumed = await publish({ source: after, target, settings, now: marked ? day(3) : day(2) });
      expect(resumed.version, `k=${k}`).toBe(completed.version);
      expect(digest(target), `k=${k}`).toEqual(digest(reference));
    }
  }, 60_000);
});
