import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock file a local publication holds in its target folder (a dot file: never served). */
export const LOCK_FILE = '.publish.lock';

/** A lock file still being written by its holder is not stale for this long. */
const FRESH_MS = 10_000;

/** Another publication is writing to the same folder: this one changed nothing. */
export class PublishLockedError extends Error {
  override name = 'PublishLockedError';
}

interface LockHolder {
  pid: number;
  host: string;
  started: string;
}

/**
 * Takes the folder's publication lock, an exclusive file created with `wx` that holds the pid, host
 * and start time, and returns how to release it. A second publication into the same folder is
 * refused at once with a PublishLockedError naming the holder (a scheduler simply runs again later);
 * a lock whose process is gone (killed, crashed) is stale and taken over. On AWS the function's
 * reserved concurrency of 1 does the same.
 */
export async function lockFolder(
  dir: string,
  now: () => Date = () => new Date(),
): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written whole beside it, then linked into place (link fails if the lock exists): a rival
    // never sees the lock without its holder, which an open('wx') followed by a write would allow.
    const mine: LockHolder = { pid: process.pid, host: hostname(), started: now().toISOString() };
    const draft = `${path}.${process.pid}.${attempt}`;
    await writeFile(draft, `${JSON.stringify(mine)}\n`);
    try {
      await link(draft, path);
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readHolder(path);
      if (await isHeld(path, holder)) {
        const who = holder
          ? `process ${holder.pid} on ${holder.host}, started ${holder.started}`
          : 'another process';
        throw new PublishLockedError(
          `another publication (${who}) is writing to ${dir}; nothing was changed, run again when it has finished (or delete ${path} if that process is gone)`,
        );
      }
      await rm(path, { force: true });
    } finally {
      await rm(draft, { force: true });
    }
  }
  throw new PublishLockedError(`could not take the publication lock ${path}: another run keeps taking it`);
}

async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    const holder = JSON.parse(await readFile(path, 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Held unless its process is known to be gone; an unreadable lock is young (being written) or stale. */
async function isHeld(path: string, holder: LockHolder | undefined): Promise<boolean> {
  if (!holder) {
    const modified = await stat(path).then(
      (s) => s.mtimeMs,
      () => 0,
    );
    return Date.now() - modified < FRESH_MS;
  }
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
