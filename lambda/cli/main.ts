import { ReportError } from '../pipeline/errors.ts';
import { PublishLockedError } from '../publish/lock.ts';
import { StoreError } from '../stores/store-error.ts';
import { extractCommand } from './extract.ts';
import { fetchCommand } from './fetch.ts';
import { publishCommand } from './publish.ts';
import { serveCommand } from './serve.ts';
import { USAGE, UsageError } from './usage.ts';

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  extract: extractCommand,
  fetch: fetchCommand,
  publish: publishCommand,
  serve: serveCommand,
};

/** Runs one command; domain errors become one line on stderr and an exit code here, at the edge. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const command = name ? COMMANDS[name] : undefined;
  try {
    if (!command) throw new UsageError(name ? `unknown command "${name}"` : 'no command given');
    return await command(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`opendata: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ReportError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    // The store failed or another run holds it: nothing published changed, and a later run finishes.
    if (error instanceof StoreError || error instanceof PublishLockedError) {
      process.stderr.write(`opendata: ${error.message}\n`);
      return 3;
    }
    throw error;
  }
}
