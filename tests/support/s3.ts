import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll } from 'vitest';

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface LocalS3 {
  endpoint: string;
  client: S3Client;
  close(): Promise<void>;
}

/** A real S3 API on 127.0.0.1 (s3rver) with the given buckets, and a client set up for it. */
export async function startLocalS3(directory: string, buckets: string[]): Promise<LocalS3> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = s3rverClient(endpoint);
  return {
    endpoint,
    client,
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}

/**
 * A local S3 server with these buckets for the tests of a file (or of a describe block): started
 * before them, stopped and its folder removed after. Returns how to get it inside a test.
 */
export function useLocalS3(buckets: string[]): () => LocalS3 {
  let s3: LocalS3 | undefined;
  let directory: string | undefined;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 's3rver-'));
    s3 = await startLocalS3(directory, buckets);
  });
  afterAll(async () => {
    await s3?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });
  return () => {
    if (!s3) throw new Error('the local S3 server starts before the tests: use it inside one');
    return s3;
  };
}

export interface RestartableS3 {
  endpoint: string;
  client: S3Client;
  /** Stops the server as a crash or an outage would: the port refuses connections until `start`. */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory: the buckets and objects are as they were. */
  start(): Promise<void>;
}

/** A local S3 server that can be stopped mid-run and started again where it was. */
export async function startRestartableS3(directory: string): Promise<RestartableS3> {
  let server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = s3rverClient(endpoint);
  return {
    endpoint,
    client,
    stop: () => server.close(),
    start: async () => {
      server = new S3rver({ address: '127.0.0.1', port, silent: true, directory });
      await server.run();
    },
  };
}

/** A client as s3rver needs it: its fixed credentials, path-style addressing, no aws-chunked bodies. */
export function s3rverClient(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
