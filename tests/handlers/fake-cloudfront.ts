import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';

interface RecordedInvalidation {
  distributionId: string;
  paths: string[];
  callerReference: string;
}

export interface FakeCloudFront {
  client: CloudFrontClient;
  /** Every CreateInvalidation call received, oldest first. */
  invalidations: RecordedInvalidation[];
  close(): Promise<void>;
}

const INVALIDATION_URL = /^\/2020-05-31\/distribution\/([^/]+)\/invalidation$/;

/**
 * CloudFront has no local server: this one answers CreateInvalidation (REST-XML) on 127.0.0.1 and
 * records what it was asked; anything else is a 404 so that an unexpected call fails the test.
 */
export async function startFakeCloudFront(): Promise<FakeCloudFront> {
  const invalidations: RecordedInvalidation[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = INVALIDATION_URL.exec(req.url ?? '');
      if (req.method !== 'POST' || !match?.[1]) {
        res
          .writeHead(404, { 'Content-Type': 'text/xml' })
          .end('<ErrorResponse><Error><Code>NotFound</Code></Error></ErrorResponse>');
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const paths = [...body.matchAll(/<Path>(.*?)<\/Path>/g)].map((m) => m[1] as string);
      const callerReference = /<CallerReference>(.*?)<\/CallerReference>/.exec(body)?.[1] ?? '';
      invalidations.push({ distributionId: match[1], paths, callerReference });
      const id = `I${invalidations.length}`;
      res
        .writeHead(201, { 'Content-Type': 'text/xml', Location: `${req.url}/${id}` })
        .end(
          `<?xml version="1.0" encoding="UTF-8"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>${id}</Id><Status>InProgress</Status><CreateTime>2026-01-01T00:00:00Z</CreateTime>${/<InvalidationBatch[\s\S]*<\/InvalidationBatch>/.exec(body)?.[0] ?? ''}</Invalidation>`,
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new CloudFrontClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'FAKE', secretAccessKey: 'FAKE' },
    maxAttempts: 1,
  });
  return {
    client,
    invalidations,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
