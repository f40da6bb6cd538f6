import { stat } from 'node:fs/promises';
import { ReportError } from '../pipeline/errors.ts';
import { startServer } from '../serve/server.ts';
import { parseCommandArgs, parsePort } from './args.ts';
import { UsageError } from './usage.ts';

/** `opendata serve <dir> [--port N] [--host H]`: runs until interrupted. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
  });
  if (positionals.length !== 1) throw new UsageError('serve needs exactly one folder');
  const dir = positionals[0] as string;
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) throw new ReportError(dir, 'is not a folder (publish into it first)');
  const port = parsePort(values.port ?? process.env.PORT, 8080);
  const { server, url } = await startServer({ dir, port, host: values.host });
  process.stdout.write(`Serving ${dir} at ${url}\n`);
  await untilInterrupted();
  server.close();
  return 0;
}

export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
