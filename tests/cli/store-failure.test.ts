import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

/** A port nothing listens on: connections to it are refused, as to an S3 endpoint that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('opendata publish when S3 cannot be reached', () => {
  it('retries, then prints one line naming the request and the cause, and exits 3', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const { code, stdout, stderr } = await runCli(['publish', '--bucket', 'site', '--endpoint', endpoint], {
      env: { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_REGION: 'us-east-1' },
    });
    expect(code).toBe(3);
    expect(stdout).toBe('');
    // The SDK may warn about the Node.js version first; the error itself is the one last line.
    const lines = stderr.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('opendata:'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^opendata: (GET|LIST) s3:\/\/site\/\S* failed after 4 tries: ECONNREFUSED/);
  });
});
