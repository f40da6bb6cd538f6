import { randomBytes } from 'node:crypto';
import { link, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { sha256Hex, temporaryPath } from '../contract/index.ts';
import { makeFolder, onDisk } from '../stores/folder-error.ts';
import { isProcessAlive } from '../stores/process-alive.ts';

/** The lock file a local publication holds in its target folder (a dot file: never served). */
export const LOCK_FILE = '.publish.lock';

/** An unreadable lock (not written by this code) is left alone for this long. */
const FRESH_MS = 10_000;
/** Takers killed while taking over a stale lock, one after another, before a person must look. */
const MAX_DEPTH = 3;

/** Another publication is writing to the same folder: this one changed nothing. */
export class PublishLockedError extends Error {
  override name = 'PublishLockedError';
}

interface LockHolder {
  pid: number;
  host: string;
  started: string;
  /** Makes the bytes of every lock and claim unique, so that bytes judged stale can never come back. */
  nonce?: string;
}

/**
 * Takes the folder's publication lock and returns how to release it. The lock is a file holding the
 * holder's pid, host and start time, created whole: written beside, then hard-linked into place, which
 * fails if the lock exists. A second publication is refused at once with a PublishLockedError naming
 * the holder (a scheduler simply runs again later). On AWS the function's reserved concurrency of 1
 * does the same.
 *
 * A lock whose process is gone is stale and taken over, by exactly one of any number of rivals. Just
 * removing it is wrong: a rival that judged it stale a moment ago would remove the fresh lock of
 * whoever took it over first, and both would publish. So only the process that creates the claim
 * `.publish.lock.takeover-<hash of the stale lock's bytes>` (exclusive, like the lock) may remove
 * it, and only if the lock still holds those bytes. That check cannot be outdated: the lock's bytes
 * change only when they are removed, which only the claim's holder does (the stale holder is dead),
 * and bytes once removed never come back (each lock has a nonce). A taker killed while it holds a
 * claim leaves a stale claim, taken over the same way one level up.
 */
export async function lockFolder(
  dir: string,
  now: () => Date = () => new Date(),
): Promise<() => Promise<void>> {
  return onDisk('take the publication lock in', dir, async () => {
    makeFolder(dir);
    const lock = new FolderLock(dir, now);
    return lock.take();
  });
}

class FolderLock {
  readonly path: string;
  #drafts = 0;

  constructor(
    readonly dir: string,
    readonly now: () => Date,
  ) {
    this.path = join(dir, LOCK_FILE);
  }

  async take(): Promise<() => Promise<void>> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const mine = this.#holderBytes();
      if (await this.#create(this.path, mine)) {
        await this.#removeDeadClaims();
        return () => this.#release(mine);
      }
      const found = await readIfThere(this.path);
      // Released meanwhile: try again.
      if (!found) continue;
      const holder = parseHolder(found);
      if (await isHeld(this.path, holder)) throw this.#locked(holder);
      await this.#removeIfStill(this.path, found, 0);
    }
    throw new PublishLockedError(
      `could not take the publication lock ${this.path}: other runs keep taking it`,
    );
  }

  /** Removes `path` if it still holds `judged`, the bytes of a lock (or claim) whose holder is gone. */
  async #removeIfStill(path: string, judged: Buffer, depth: number): Promise<void> {
    const claim = `${this.path}.takeover-${sha256Hex(judged).slice(0, 20)}`;
    if (!(await this.#create(claim, this.#holderBytes()))) {
      const found = await readIfThere(claim);
      // That takeover is over: the caller looks at the lock again.
      if (!found) return;
      const taker = parseHolder(found);
      // Another run is taking the lock over right now: it will hold it.
      if (await isHeld(claim, taker)) throw this.#locked(taker);
      if (depth >= MAX_DEPTH) throw this.#locked(taker, claim);
      return this.#removeIfStill(claim, found, depth + 1);
    }
    try {
      const current = await readIfThere(path);
      if (current?.equals(judged)) await rm(path, { force: true });
    } finally {
      await rm(claim, { force: true });
    }
  }

  /** Creates the file with these bytes unless it exists: never seen half-written, never overwritten. */
  async #create(path: string, bytes: Buffer): Promise<boolean> {
    this.#drafts += 1;
    // Named like a store's temporary files, so that the next run removes it if this one is killed.
    const draft = temporaryPath(this.path, process.pid, this.#drafts);
    await writeFile(draft, bytes);
    try {
      await link(draft, path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return false;
    } finally {
      await rm(draft, { force: true });
    }
  }

  /** Claims left by takers that were killed after removing the stale lock: while this lock is held, nothing needs them. */
  async #removeDeadClaims(): Promise<void> {
    const claims = (await readdir(this.dir)).filter((name) => name.startsWith(`${LOCK_FILE}.takeover-`));
    for (const name of claims) {
      const found = await readIfThere(join(this.dir, name));
      const holder = found && parseHolder(found);
      if (holder && holder.host === hostname() && !isProcessAlive(holder.pid))
        await rm(join(this.dir, name), { force: true });
    }
  }

  /** Lets go of the lock if it is still this run's (a person may have deleted it meanwhile). */
  async #release(mine: Buffer): Promise<void> {
    if ((await readIfThere(this.path))?.equals(mine)) await rm(this.path, { force: true });
  }

  #holderBytes(): Buffer {
    const holder: LockHolder = {
      pid: process.pid,
      host: hostname(),
      started: this.now().toISOString(),
      nonce: randomBytes(8).toString('hex'),
    };
    return Buffer.from(`${JSON.stringify(holder)}\n`);
  }

  #locked(holder: LockHolder | undefined, stuck?: string): PublishLockedError {
    const who = holder
      ? `process ${holder.pid} on ${holder.host}, started ${holder.started}`
      : 'another process';
    const gone = stuck
      ? `delete ${stuck} and ${this.path}: that process is gone`
      : `or delete ${this.path} if that process is gone`;
    return new PublishLockedError(
      `another publication (${who}) is writing to ${this.dir}; nothing was changed, run again when it has finished (${gone})`,
    );
  }
}

async function readIfThere(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseHolder(bytes: Buffer): LockHolder | undefined {
  try {
    const holder = JSON.parse(bytes.toString('utf8')) as LockHolder;
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Held unless its process is known to be gone; a lock this code did not write is held while it is young. */
async function isHeld(path: string, holder: LockHolder | undefined): Promise<boolean> {
  if (!holder) {
    const modified = await stat(path).then(
      (s) => s.mtimeMs,
      () => 0,
    );
    return Date.now() - modified < FRESH_MS;
  }
  return holder.host !== hostname() || isProcessAlive(holder.pid);
}
