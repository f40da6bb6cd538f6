import { ReportError } from '../pipeline/report/index.ts';
import { PublishLockedError } from '../publish/lock.ts';
import { RollbackError } from '../publish/rollback.ts';
import { ShrinkRefusedError } from '../publish/shrink-guard.ts';
import { PortUnavailableError } from '../serve/server.ts';
import { FolderError } from '../stores/folder-error.ts';
import { StoreConfigurationError, StoreError } from '../stores/store-error.ts';
import { UsageError } from './usage.ts';

/** What the exit status of `opendata` means: schedulers and scripts branch on it. */
export const EXIT = {
  ok: 0,
  /** A report or source could not be read; the others were published. */
  badInput: 1,
  /** The command was called wrongly: fix the command line. */
  usage: 2,
  /** Nothing changed: the store failed after its retries, the disk is full, or another run holds the lock. Run again. */
  runAgain: 3,
  /** The setup is wrong (credentials, endpoint, bucket, a read-only folder, port): running again will not help. */
  configuration: 4,
  /** Refused to protect the live site (it would lose most of its reports): nothing was written. */
  refused: 5,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0  success (also: the site is pinned by a rollback and nothing was built)
  1  bad input: a report or source could not be read; the others were published
  2  usage error: a mistyped command, option or value, or a reports folder that does not exist
  3  nothing changed: the store failed after retries, the disk is full, or another publication holds the lock; run again
  4  configuration: no or wrong S3 credentials, an unreachable endpoint, a missing bucket, a read-only
     or unwritable folder, a port in use
  5  refused: the publication would drop more than half of the live site's reports (see --allow-shrink)
`;

/** The exit code of a domain error, or undefined for a bug (which keeps its stack trace). */
export function exitCodeOf(error: unknown): number | undefined {
  if (error instanceof UsageError || error instanceof RollbackError) return EXIT.usage;
  if (error instanceof ReportError) return EXIT.badInput;
  if (error instanceof StoreConfigurationError || error instanceof PortUnavailableError)
    return EXIT.configuration;
  if (error instanceof StoreError) return error.configuration ? EXIT.configuration : EXIT.runAgain;
  // A read-only mount or a folder this user may not write is the setup, like S3's AccessDenied.
  if (error instanceof FolderError) return error.configuration ? EXIT.configuration : EXIT.runAgain;
  if (error instanceof PublishLockedError) return EXIT.runAgain;
  if (error instanceof ShrinkRefusedError) return EXIT.refused;
  return undefined;
}

/** What the CLI user can do about an error, when the error itself cannot know the command line. */
export function hintFor(error: unknown): string {
  if (error instanceof ShrinkRefusedError) return '. If that is intended, run again with --allow-shrink';
  return '';
}
