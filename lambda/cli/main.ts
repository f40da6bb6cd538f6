import { CommanderError } from 'commander';
import { EXIT } from './exit-codes.ts';
import { createProgram } from './program.ts';
import { terminalSafe } from './terminal.ts';
import { COMMAND_NAMES, helpPointer } from './usage.ts';

/**
 * Runs one command line; domain errors become one line on stderr and an exit code here, at the
 * edge. A usage error is one line plus where to read the command's help, not the whole usage.
 * Only commander and the commands' definitions are loaded up front: a command's own modules are
 * imported when it runs, and those of the errors when one is thrown, so `--help` and a mistyped
 * line answer without loading the publisher.
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
    if (error instanceof CommanderError) return commanderExit(error, argv);
    const { reportError } = await import('./report-error.ts');
    return reportError(error, argv);
  }
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
