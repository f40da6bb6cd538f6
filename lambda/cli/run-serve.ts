/** What `opendata serve` does: serve a published folder until interrupted. */
import { startServer } from '../serve/server.ts';
import { choosePort } from './args.ts';
import { assertFolder } from './inputs.ts';
import { terminalSafe } from './terminal.ts';

/** Serves `dir` at --port (else PORT, else 8080) until SIGINT or SIGTERM. */
export async function serve(dir: string, options: { port?: number; host: string }): Promise<number> {
  await assertFolder(dir, 'the folder to serve', '(publish into it first)');
  const port = choosePort(options.port, process.env.PORT, 8080);
  const { server, url } = await startServer({ dir, port, host: options.host });
  process.stdout.write(`${terminalSafe(`Serving ${dir} at ${url}`)}\n`);
  await untilInterrupted();
  server.close();
  return 0;
}

/** Resolves at the first SIGINT or SIGTERM: how a server run from a terminal or a supervisor ends. */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
