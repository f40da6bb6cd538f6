import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSiteSettings } from '../../lambda/pipeline/report/settings.ts';
import type { FsStore } from '../../lambda/stores/fs-store.ts';
import { copyObject, headObject, type PutOptions, type Store } from '../../lambda/stores/store.ts';
import { PROJECT_ROOT, SEED } from './temp.ts';

export const settings = parseSiteSettings(
  await readFile(new URL('data/site.json', PROJECT_ROOT)),
  'data/site.json',
);

export const day = (n: number) => new Date(Date.UTC(2026, 10, n, 2, 0, 0));

/** The seed and a second town made from it, in a folder of reports. */
export async function writeReports(dir: string): Promise<void> {
  const seed = await readFile(SEED, 'utf8');
  await writeFile(join(dir, 'xiaowangzhuang-2023.txt'), seed);
  await writeFile(
    join(dir, 'xiaowangzhuang-2023.meta.json'),
    await readFile(new URL('data/reports/xiaowangzhuang-2023.meta.json', PROJECT_ROOT)),
  );
  await writeFile(join(dir, 'dawangzhuang-2023.txt'), seed.replaceAll('小王庄', '大王庄'));
}

/** Changes one figure of the second town: 2361 items handled becomes 2400. */
export async function changeOneReport(dir: string): Promise<void> {
  const path = join(dir, 'dawangzhuang-2023.txt');
  const text = await readFile(path, 'utf8');
  if (!text.includes('2361件')) throw new Error('the seed no longer says 2361件');
  await writeFile(path, text.replace('2361件', '2400件'));
}

/** A store that fails on its k-th write (put, copy or delete), as a crash or a lost connection would. */
export class FailingStore implements Store {
  writes = 0;
  constructor(
    readonly inner: Store,
    readonly failAt: number,
  ) {}
  get location(): string {
    return this.inner.location;
  }
  get(key: string) {
    return this.inner.get(key);
  }
  list(prefix: string) {
    return this.inner.list(prefix);
  }
  head(key: string) {
    return headObject(this.inner, key);
  }
  async put(key: string, body: Uint8Array | readonly Uint8Array[], options: PutOptions) {
    this.#count(key);
    await this.inner.put(key, body, options);
  }
  async copy(from: string, to: string, options: PutOptions) {
    this.#count(to);
    await copyObject(this.inner, from, to, options);
  }
  async delete(key: string) {
    this.#count(key);
    await this.inner.delete(key);
  }
  #count(key: string): void {
    this.writes += 1;
    if (this.writes === this.failAt) throw new Error(`write ${this.writes} (${key}) failed`);
  }
}

/** Every file of a folder by key, as text. */
export async function snapshot(store: FsStore, filter: (key: string) => boolean = () => true) {
  const files = new Map<string, string>();
  for (const key of (await store.list('')).filter(filter)) {
    files.set(key, new TextDecoder().decode(await store.get(key)));
  }
  return files;
}

/** The stable files themselves, without the versions and the publisher's own control files. */
export const isStableFile = (key: string) =>
  !key.startsWith('versions/') && key !== 'current.json' && key !== 'publishing.json';

/** What a reader of the stable URLs gets: each path read through the pointer, as serve and CloudFront do. */
export async function servedView(
  store: FsStore,
  paths: Iterable<string>,
): Promise<Map<string, string | undefined>> {
  const pointer = await store.get('current.json');
  const version = pointer ? JSON.parse(new TextDecoder().decode(pointer)).version : undefined;
  const view = new Map<string, string | undefined>();
  for (const path of paths) {
    const key = version && path !== 'manifest.json' ? `versions/${version}/${path}` : path;
    const bytes = await store.get(key);
    view.set(path, bytes ? new TextDecoder().decode(bytes) : undefined);
  }
  return view;
}
