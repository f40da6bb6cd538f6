import { stat } from 'node:fs/promises';
import { Command } from 'commander';
import { startServer } from '../serve/server.ts';
import { choosePort, portOption } from './args.ts';
import type { RunCommand } from './run-command.ts';
import { terminalSafe } from './terminal.ts';
import { UsageError } from './usage.ts';

/** `opendata serve <dir> [--port N] [--host H]`: runs until interrupted. */
export function serveCommand(run: RunCommand): Command {
  return new Command('serve')
    .summary('serve a published folder on http://127.0.0.1:8080, as CloudFront would')
    .description(
      'Serve a published folder like CloudFront serves the bucket: stable paths from the version ' +
        'current.json names, the same content types, cache and security headers.',
    )
    .argument('<dir>', 'a folder written by `opendata publish --out`')
    .option('--port <n>', 'the port to listen on (default: PORT, else 8080; 0 picks a free one)', portOption)
    .option('--host <addr>', 'the address to listen on', '127.0.0.1')
    .action((dir: string, options: { port?: number; host: string }) => run(() => serve(dir, options)));
}

async function serve(dir: string, options: { port?: number; host: string }): Promise<number> {
  await assertFolder(dir, 'the folder to serve', '(publish into it first)');
  const port = choosePort(options.port, process.env.PORT, 8080);
  const { server, url } = await startServer({ dir, port, host: options.host });
  process.stdout.write(`${terminalSafe(`Serving ${dir} at ${url}`)}\n`);
  await untilInterrupted();
  server.close();
  return 0;
}

/** A folder the command needs must exist: a typo in its name is a usage error, not an empty site. */
export async function assertFolder(dir: string, what: string, hint = ''): Promise<void> {
  const found = await stat(dir).then(
    (s) => (s.isDirectory() ? 'folder' : 'file'),
    () => undefined,
  );
  if (found === 'folder') return;
  const problem = found ? 'is a file, not a folder' : 'does not exist';
  throw new UsageError(`${what} "${dir}" ${problem}${hint ? ` ${hint}` : ''}`);
}

export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
