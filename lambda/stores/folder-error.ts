import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** What a failing file-system call means to whoever runs the publisher, and what they can do. */
interface Cause {
  says: string;
  remedy: string;
  /** Running again will not help until the setup changes (exit 4), rather than a passing fault (exit 3). */
  configuration: boolean;
}

const FULL: Omit<Cause, 'says'> = { remedy: 'free some space and run again', configuration: false };
const NOT_WRITABLE: Omit<Cause, 'says'> = {
  remedy: 'publish into a folder this user may write (--out), or make this one writable',
  configuration: true,
};

const CAUSES: Readonly<Record<string, Cause>> = {
  ENOSPC: { says: 'no space left on the device', ...FULL },
  EDQUOT: { says: 'the disk quota is used up', ...FULL },
  EFBIG: { says: 'the file is too large for the file system', ...FULL },
  EROFS: { says: 'the file system is read-only', ...NOT_WRITABLE },
  EACCES: { says: 'permission denied', ...NOT_WRITABLE },
  EPERM: { says: 'operation not permitted', ...NOT_WRITABLE },
  EIO: { says: 'an input/output error', remedy: 'check the disk and run again', configuration: false },
  EMFILE: { says: 'too many open files', remedy: 'run again', configuration: false },
  ENFILE: { says: 'too many open files on the system', remedy: 'run again', configuration: false },
};

/**
 * A folder could not be written or read because of the disk or the mount, not the publisher: one
 * sentence naming the operation, the path and the cause, and what to do. A run it stops has not
 * moved the site: the pointer moves only once a version is complete, and the next run completes it.
 */
export class FolderError extends Error {
  override name = 'FolderError';
  readonly operation: string;
  readonly path: string;
  readonly code: string;
  /** True when no later run can succeed until the setup changes (a read-only or foreign folder). */
  readonly configuration: boolean;

  constructor(input: { operation: string; path: string; code: string; cause: unknown }) {
    const cause = CAUSES[input.code] as Cause;
    super(`cannot ${input.operation} ${input.path}: ${cause.says} (${input.code}); ${cause.remedy}`, {
      cause: input.cause,
    });
    this.operation = input.operation;
    this.path = input.path;
    this.code = input.code;
    this.configuration = cause.configuration;
  }
}

/**
 * The FolderError for a file-system call that failed for one of the reasons above; any other error
 * is given back as it is (a missing file is the caller's to handle, a bug keeps its stack trace).
 */
export function folderError(operation: string, path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !(code in CAUSES) || error instanceof FolderError) return error;
  return new FolderError({ operation, path, code, cause: error });
}

/** Runs a file-system operation, turning its disk faults into one FolderError. */
export async function onDisk<T>(operation: string, path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw folderError(operation, path, error);
  }
}

/**
 * `mkdir -p` that tells the real cause: Node's recursive mkdir reports ENOENT where a folder cannot
 * be made on a read-only mount (EROFS) or in a folder this user may not write (EACCES), so on
 * ENOENT the first missing folder is made alone, which fails with the system's own code. Synchronous,
 * like FsStore's writes (see its put).
 */
export function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(dir) === dir) throw error;
    makeFolder(dirname(dir));
    // Another write may have made it meanwhile.
    try {
      mkdirSync(dir);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
    }
  }
}
