import { constants, type Stats } from 'node:fs';
import { type FileHandle, open, readlink, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEX_PAGE } from '../contract/index.ts';

export interface OpenedFile {
  handle: FileHandle;
  stats: Stats;
}

/**
 * Opens the file a routed path names under the root (itself a real path), or gives undefined for a
 * 404: a missing file, a folder, or any path through a symbolic link. A published folder holds no
 * links (a store writes files and hard links), so refusing them all is what keeps every byte served
 * inside the folder, however a link points. The real path is checked before opening and the opened
 * file after (Linux names it in /proc), so a link swapped in between is refused too.
 */
export async function openUnderRoot(root: string, path: string): Promise<OpenedFile | undefined> {
  const wanted = join(root, path.endsWith('/') ? `${path}${INDEX_PAGE}` : path);
  if (!wanted.startsWith(root.endsWith('/') ? root : `${root}/`)) return undefined;
  let handle: FileHandle | undefined;
  try {
    if ((await realpath(wanted)) !== wanted) return undefined;
    handle = await open(wanted, constants.O_RDONLY | constants.O_NOFOLLOW);
    const stats = await handle.stat();
    const opened = await openedPath(handle);
    if (stats.isFile() && (opened === undefined || opened === wanted)) {
      const file = { handle, stats };
      handle = undefined;
      return file;
    }
    return undefined;
  } catch (error) {
    if (isNotThere(error)) return undefined;
    throw error;
  } finally {
    await handle?.close();
  }
}

/** Where the opened file really is; without /proc (not Linux) the check before opening stands alone. */
async function openedPath(handle: FileHandle): Promise<string | undefined> {
  try {
    return await readlink(`/proc/self/fd/${handle.fd}`);
  } catch {
    return undefined;
  }
}

/** What a path that names no servable file fails with: each is a 404, not a fault of the server. */
const NOT_THERE = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP', 'EISDIR', 'EACCES', 'EINVAL']);

function isNotThere(error: unknown): boolean {
  return NOT_THERE.has((error as NodeJS.ErrnoException).code ?? '');
}
