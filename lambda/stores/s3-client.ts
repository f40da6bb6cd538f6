import { S3Client } from '@aws-sdk/client-s3';

export interface S3ClientOptions {
  /** An S3-compatible endpoint (MinIO, s3rver): path-style addressing. @default AWS itself */
  endpoint?: string;
  /** @default the SDK's own (AWS_REGION in Lambda) */
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /**
   * How long a request's connection may stay silent before it is dropped and counts as timed out
   * (and is retried). Idle time, not total time: a big streamed PUT may take minutes. @default 30000
   */
  idleTimeoutMs?: number;
}

/**
 * The S3 client the publisher uses, locally and in Lambda. The SDK makes one attempt per request:
 * S3Store retries itself (see retry.ts), because only it can make a streamed body afresh, and one
 * policy in one place is easier to reason about than two stacked. Checksums only when required:
 * otherwise streamed bodies go out aws-chunked, which S3-compatible servers store corrupted.
 */
export function createS3Client(options: S3ClientOptions = {}): S3Client {
  return new S3Client({
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 5_000, socketTimeout: options.idleTimeoutMs ?? 30_000 },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
