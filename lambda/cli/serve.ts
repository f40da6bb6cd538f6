import { Command } from 'commander';
import { portOption } from './args.ts';
import type { RunCommand } from './run-command.ts';

/** `opendata serve <dir> [--port N] [--host H]`: runs until interrupted; the work is run-serve.ts. */
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
    .action((dir: string, options: { port?: number; host: string }) =>
      run(async () => (await import('./run-serve.ts')).serve(dir, options)),
    );
}
