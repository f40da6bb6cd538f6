import { CommanderError } from 'commander';
import { ReportError } from '../pipeline/report/index.ts';
import { EXIT, exitCodeOf, hintFor } from './exit-codes.ts';
import { COMMAND_NAMES, createProgram } from './program.ts';
import { terminalSafe } from './terminal.ts';
import { UsageError } from './usage.ts';

/**
 * Runs one command line; domain errors become one line on stderr and an exit code here, at the
 * edge. A usage error is one line plus where to read the command's help, not the whole usage.
 */
export async function runCli(argv: string[]): Promise<number> {
  if (argv.length === 0) {
    process.stderr.write(
      `opendata: no command given (one of ${COMMAND_NAMES.join(', ')})\n${helpPointer(argv)}\n`,
    );
    return EXIT.usage;
  }
  let code: number = EXIT.ok;
  const program = createProgram(async (action) => {
    code = await action();
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, argv);
  }
}

/** Writes the one line an error gets and returns its exit code; a bug is rethrown with its stack. */
export function reportError(error: unknown, argv: readonly string[] = []): number {
  if (error instanceof CommanderError) return commanderExit(error, argv);
  const code = exitCodeOf(error);
  if (code === undefined) throw error;
  // A report's error starts with its file, as a compiler's does; the others say who is speaking.
  const prefix = error instanceof ReportError ? '' : 'opendata: ';
  process.stderr.write(`${terminalSafe(`${prefix}${(error as Error).message}${hintFor(error)}`)}\n`);
  if (error instanceof UsageError) process.stderr.write(`${helpPointer(argv)}\n`);
  return code;
}

function commanderExit(error: CommanderError, argv: readonly string[]): number {
  // --help and --version have printed what was asked.
  if (error.exitCode === 0) return EXIT.ok;
  // `opendata` alone: commander has shown the commands on stderr.
  if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') return EXIT.usage;
  const message = error.message
    .replace(/^error: /, '')
    .replace(/\n\(Did you mean (.+)\?\)$/s, ' (did you mean $1?)')
    .replace(/\n/g, ' ');
  process.stderr.write(`${terminalSafe(`opendata: ${message}`)}\n${helpPointer(argv)}\n`);
  return EXIT.usage;
}

/** Where to read about the command the line was meant for. */
function helpPointer(argv: readonly string[]): string {
  const command = argv.find((arg) => COMMAND_NAMES.includes(arg));
  return `Run "opendata ${command ? `${command} ` : ''}--help" for usage.`;
}
