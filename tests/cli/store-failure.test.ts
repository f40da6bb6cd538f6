import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { startFaultyProxy } from '../support/faulty-proxy.ts';
import { useLocalS3 } from '../support/s3.ts';

const S3RVER_ENV = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' };
/** No credentials anywhere the SDK looks: not in the environment, no profile files, no instance metadata. */
const NO_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: '',
  AWS_SECRET_ACCESS_KEY: '',
  AWS_PROFILE: '',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_EC2_METADATA_DISABLED: 'true',
};

/** A port nothing listens on: connections to it are refused, as to an S3 endpoint that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const s3 = useLocalS3(['site']);

const publishTo = (endpoint: string, bucket: string, env: NodeJS.ProcessEnv) =>
  runCli(['publish', '--bucket', bucket, '--endpoint', endpoint], { env });

describe('opendata publish --bucket set up wrongly: one line saying what to fix, exit 4, nothing built', () => {
  it.each<[string, () => Promise<[string, string, NodeJS.ProcessEnv]>, RegExp]>([
    [
      'no server at the endpoint',
      async () => [`http://127.0.0.1:${await closedPort()}`, 'site', S3RVER_ENV],
      /^opendata: cannot reach the S3 endpoint http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\): is the server running, and is --endpoint right\?$/,
    ],
    [
      'no credentials',
      async () => [s3().endpoint, 'site', { ...NO_CREDENTIALS, AWS_REGION: 'us-east-1' }],
      /^opendata: s3:\/\/site\/: no credentials were found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY \(or AWS_PROFILE\) \(s3rver takes S3RVER \/ S3RVER\)$/,
    ],
    [
      'credentials the server does not know',
      async () => [s3().endpoint, 'site', { ...S3RVER_ENV, AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' }],
      /^opendata: s3:\/\/site\/: the credentials were refused: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY \(s3rver takes S3RVER \/ S3RVER\)$/,
    ],
    [
      'a bucket that does not exist',
      async () => [s3().endpoint, 'no-such-bucket', S3RVER_ENV],
      /^opendata: s3:\/\/no-such-bucket\/: the bucket does not exist: create it, or check --bucket and --endpoint$/,
    ],
  ])('%s', async (_name, setup, message) => {
    const [endpoint, bucket, env] = await setup();
    const { code, stdout, stderr } = await publishTo(endpoint, bucket, env);
    expect(stdout).toBe('');
    expect(stderr.trim()).toMatch(message);
    expect(code).toBe(4);
  });
});

describe('opendata publish when S3 fails during the run', () => {
  it('retries, then prints one line naming the request and the cause, and exits 3 (run again)', async () => {
    const proxy = await startFaultyProxy(s3().endpoint);
    try {
      // The first request (the check of the bucket) passes; every later one is a 503 SlowDown.
      proxy.plan = (n) => (n === 1 ? 'pass' : 503);
      const { code, stdout, stderr } = await publishTo(proxy.endpoint, 'site', S3RVER_ENV);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^opendata: (GET|LIST|HEAD) s3:\/\/site\/\S* failed after 4 tries: SlowDown \(HTTP 503\)/,
        ),
      ]);
      expect(code).toBe(3);
    } finally {
      await proxy.close();
    }
  });
});
