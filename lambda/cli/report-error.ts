/**
 * How a domain error ends a command: one line on stderr and the exit code of its kind. Only a
 * command that failed loads this module, and with it the modules of every error it tells apart.
 */
import { ReportError } from '../pipeline/report/index.ts';
import { PublishLockedError } from '../publish/lock.ts';
import { RollbackError } from '../publish/rollback.ts';
import { ShrinkRefusedError } from '../publish/shrink-guard.ts';
import { PortUnavailableError } from '../serve/server.ts';
import { FolderError } from '../stores/folder-error.ts';
import { StoreConfigurationError, StoreError } from '../stores/store-error.ts';
import { EXIT } from './exit-codes.ts';
import { terminalSafe } from './terminal.ts';
import { helpPointer, UsageError } from './usage.ts';

/** Writes the one line an error gets and returns its exit code; a bug is rethrown with its stack. */
export function reportError(error: unknown, argv: readonly string[] = []): number {
  const code = exitCodeOf(error);
  if (code === undefined) throw error;
  // A report's error starts with its file, as a compiler's does; the others say who is speaking.
  const prefix = error instanceof ReportError ? '' : 'opendata: ';
  process.stderr.write(`${terminalSafe(`${prefix}${(error as Error).message}${hintFor(error)}`)}\n`);
  if (error instanceof UsageError) process.stderr.write(`${helpPointer(argv)}\n`);
  return code;
}

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
function hintFor(error: unknown): string {
  if (error instanceof ShrinkRefusedError) return '. If that is intended, run again with --allow-shrink';
  return '';
}
