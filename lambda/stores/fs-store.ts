import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { assertSafeKey, type PutOptions, type Store } from './store.ts';

/** A folder as a store: key `a/b.csv` is the file `<root>/a/b.csv`. Content types are not kept. */
export class FsStore implements Store {
  constructor(readonly root: string) {}

  get location(): string {
    return this.root;
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    assertSafeKey(key);
    try {
      return await readFile(join(this.root, key));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** Writes a temporary file and renames it, so a reader never sees half a file. */
  async put(key: string, body: Uint8Array, _options: PutOptions): Promise<void> {
    assertSafeKey(key);
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.tmp-${process.pid}`;
    await writeFile(temporary, body);
    await rename(temporary, path);
  }

  async list(prefix: string): Promise<string[]> {
    let entries: string[];
    try {
      entries = await readdir(this.root, { recursive: true });
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const files = await Promise.all(
      entries.map(async (entry) => ((await isFile(join(this.root, entry))) ? entry : null)),
    );
    return files
      .filter((entry): entry is string => entry !== null)
      .map((entry) => relative(this.root, join(this.root, entry)).split(sep).join('/'))
      .filter((key) => key.startsWith(prefix))
      .sort();
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await rm(join(this.root, key), { force: true });
  }
}

/** Symbolic links are not followed: a link must not pull a file from outside the folder into a store. */
async function isFile(path: string): Promise<boolean> {
  return (await lstat(path)).isFile();
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}
