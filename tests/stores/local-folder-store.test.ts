import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalFolderStore } from '../../lambda/stores/local-folder-store.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();

/** A cache folder of entries in two stages, a stray file at its top and a temporary file. */
async function folder(): Promise<LocalFolderStore> {
  const root = await tempDir();
  const store = new LocalFolderStore(root);
  for (const key of ['rows/ab/k1', 'rows/ab/k2', 'rows/cd/k3', 'unit/ab/k1'])
    await store.put(key, [new TextEncoder().encode(key)], { contentType: 'application/octet-stream' });
  await writeFile(join(root, 'stray'), 'xy');
  await mkdir(join(root, 'rows', 'ef'));
  await writeFile(join(root, 'rows', 'ef', 'k4.tmp-1-2'), 'half');
  return store;
}

describe('LocalFolderStore listing', () => {
  it("lists a prefix's folder alone, with sizes, sorted, without temporary files", async () => {
    const store = await folder();
    expect(await store.listWithSizes('rows/')).toEqual([
      { key: 'rows/ab/k1', bytes: 10 },
      { key: 'rows/ab/k2', bytes: 10 },
      { key: 'rows/cd/k3', bytes: 10 },
    ]);
    expect(await store.list('rows/ab/k')).toEqual(['rows/ab/k1', 'rows/ab/k2']);
    expect(await store.list('')).toEqual(['rows/ab/k1', 'rows/ab/k2', 'rows/cd/k3', 'stray', 'unit/ab/k1']);
  });

  it('lists nothing under a folder that is not there or is a file', async () => {
    const store = await folder();
    expect(await store.list('pages/')).toEqual([]);
    expect(await store.list('stray/')).toEqual([]);
  });

  it('names what is at its top, folders and files', async () => {
    const store = await folder();
    const top = await store.topLevel();
    expect(top.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'rows', folder: true },
      { name: 'stray', folder: false },
      { name: 'unit', folder: true },
    ]);
  });
});
