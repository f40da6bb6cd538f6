import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { PROJECT_ROOT, useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const held: Server[] = [];
afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A port another program is listening on. */
async function takenPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  held.push(server);
  return (server.address() as { port: number }).port;
}

describe('a port in use', () => {
  it('opendata serve says so in one sentence naming the port and how to choose another, exit 4', async () => {
    const port = await takenPort();
    const { code, stdout, stderr } = await runCli(['serve', await tempDir(), '--port', String(port)]);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `opendata: port ${port} on 127.0.0.1 is already in use; choose another with --port <n> or PORT=<n>\n`,
    );
    expect(code).toBe(4);
  });

  it('npm start says so before publishing anything, naming PORT', async () => {
    const port = await takenPort();
    const site = await tempDir();
    const tsx = fileURLToPath(new URL('node_modules/tsx/dist/cli.mjs', PROJECT_ROOT));
    const start = fileURLToPath(new URL('bin/start.ts', PROJECT_ROOT));
    const { code, stdout, stderr } = await runCli([], {
      command: [tsx, start],
      env: { PORT: String(port), OPENDATA_SITE_DIR: site },
    });
    expect(stdout).toBe('');
    expect(stderr).toBe(`opendata: port ${port} on 127.0.0.1 is already in use; run PORT=<n> npm start\n`);
    expect(code).toBe(4);
  });

  it.each([['PORT=http', { PORT: 'http' }, 'PORT must be a port number 0–65535, got "http"']])(
    'opendata serve with %s is a usage error',
    async (_name, env, message) => {
      const { code, stderr } = await runCli(['serve', await tempDir()], { env });
      expect(stderr.split('\n')[0]).toBe(`opendata: ${message}`);
      expect(code).toBe(2);
    },
  );
});
