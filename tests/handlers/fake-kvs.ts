import { Agent, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudFrontKeyValueStoreClient } from '@aws-sdk/client-cloudfront-keyvaluestore';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export const KVS_ARN =
  'arn:aws:cloudfront::123456789012:key-value-store/0b2a4f8e-1111-2222-3333-444455556666';

export interface FakeKeyValueStore {
  client: CloudFrontKeyValueStoreClient;
  /** The store's keys and values. */
  keys: Map<string, string>;
  /** Every request received: method, path and the If-Match header. */
  requests: { method: string; path: string; ifMatch: string | undefined; host: string | undefined }[];
  /** Makes the next n PutKey calls fail with a 409 ConflictException, as a concurrent writer would. */
  conflicts: number;
  close(): Promise<void>;
}

/**
 * A CloudFront KeyValueStore API on 127.0.0.1 (DescribeKeyValueStore, GetKey, PutKey with ETags).
 * The client puts the account id in front of the endpoint's host name, so it is given a made-up
 * host name that its agent resolves to 127.0.0.1, and real SigV4A signing runs on every call.
 */
export async function startFakeKeyValueStore(): Promise<FakeKeyValueStore> {
  const state: FakeKeyValueStore = {
    keys: new Map(),
    requests: [],
    conflicts: 0,
    client: undefined as unknown as CloudFrontKeyValueStoreClient,
    close: async () => {},
  };
  let etag = 1;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const ifMatch = req.headers['if-match'] as string | undefined;
      state.requests.push({ method: req.method ?? '', path, ifMatch, host: req.headers.host });
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
      const storePath = `/key-value-stores/${KVS_ARN}`;
      const key = path.startsWith(`${storePath}/keys/`) ? path.slice(`${storePath}/keys/`.length) : undefined;
      const counts = { ItemCount: state.keys.size, TotalSizeInBytes: 0 };
      if (req.method === 'GET' && path === storePath) {
        json(200, { ...counts, KvsARN: KVS_ARN, Created: 0, Status: 'READY' }, { ETag: `E${etag}` });
      } else if (req.method === 'GET' && key !== undefined && state.keys.has(key)) {
        json(200, { Key: key, Value: state.keys.get(key), ...counts });
      } else if (req.method === 'PUT' && key !== undefined) {
        if (state.conflicts > 0 || ifMatch !== `E${etag}`) {
          state.conflicts = Math.max(0, state.conflicts - 1);
          etag += 1;
          json(409, { Message: 'ETag mismatch' }, { 'x-amzn-errortype': 'ConflictException' });
          return;
        }
        state.keys.set(key, JSON.parse(Buffer.concat(chunks).toString('utf8')).Value);
        etag += 1;
        json(200, { ItemCount: state.keys.size, TotalSizeInBytes: 0 }, { ETag: `E${etag}` });
      } else {
        json(404, { Message: 'Not found' }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({
    lookup: (_hostname, options, callback) => {
      if ((options as { all?: boolean }).all) callback(null, [{ address: '127.0.0.1', family: 4 }] as never);
      else callback(null, '127.0.0.1', 4);
    },
  });
  state.client = new CloudFrontKeyValueStoreClient({
    endpoint: `http://kvs.test:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'FAKE', secretAccessKey: 'FAKE' },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpAgent: agent }),
  });
  state.close = async () => {
    state.client.destroy();
    agent.destroy();
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  };
  return state;
}
