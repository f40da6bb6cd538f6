import { Command } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { EXIT_CODES_HELP } from './exit-codes.ts';
import { extractCommand } from './extract.ts';
import { fetchCommand } from './fetch.ts';
import { publishCommand } from './publish.ts';
import { rollbackCommand } from './rollback.ts';
import type { RunCommand } from './run-command.ts';
import { serveCommand } from './serve.ts';
import { versionsCommand } from './versions.ts';

const COMMANDS = [
  extractCommand,
  publishCommand,
  serveCommand,
  fetchCommand,
  versionsCommand,
  rollbackCommand,
];

/**
 * The `opendata` command line: one subcommand per job, each with its own --help. Errors are thrown
 * (exitOverride) and turned into one line and an exit code by runCli; commander suggests the
 * nearest command or option for a typo. Each command's definition is light (commander and its
 * options); what it does is imported by its action, so the other commands' modules never load.
 */
export function createProgram(run: RunCommand): Command {
  const program = new Command('opendata')
    .description('Turn the figures in Chinese local-government reports into open data, and publish it.')
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: () => {} })
    .addHelpText('after', `\n${EXIT_CODES_HELP}`);
  for (const make of COMMANDS) program.addCommand(configure(make(run)));
  return program;
}

/** What addCommand does not copy from the program: commands made apart need the settings too. */
function configure(command: Command): Command {
  return command
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: () => {} })
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', `\n${EXIT_CODES_HELP}`);
}
