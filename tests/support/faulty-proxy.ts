import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with a request: pass it on, answer with an error status, drop it or let it hang. */
export type Fault = 'pass' | 500 | 503 | 403 | 'reset' | 'hang';

export interface FaultyProxy {
  endpoint: string;
  /** Requests seen so far, faulty ones included. */
  requests: number;
  /** Decides each request's fate from its number (1-based). */
  plan: (n: number) => Fault;
  /** Sees every request as it arrives. */
  record?: (method: string, url: string, headers: Record<string, unknown>) => void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of a local S3 server that fails chosen requests as S3 and networks do: a
 * 500 or 503 with an S3 error body, a reset connection, a request that never answers.
 */
export async function startFaultyProxy(target: string): Promise<FaultyProxy> {
  const upstream = new URL(target);
  const hanging = new Set<import('node:http').ServerResponse>();
  const proxy: FaultyProxy = {
    endpoint: '',
    requests: 0,
    plan: () => 'pass',
    close: async () => {
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((req, res) => {
    proxy.requests += 1;
    proxy.record?.(req.method ?? 'GET', req.url ?? '/', req.headers);
    const fault = proxy.plan(proxy.requests);
    if (fault === 'reset') return void req.socket.destroy();
    if (fault === 'hang') return void hanging.add(res);
    if (typeof fault === 'number') {
      req.resume();
      const code = fault === 403 ? 'AccessDenied' : fault === 503 ? 'SlowDown' : 'InternalError';
      res.writeHead(fault, { 'Content-Type': 'application/xml' });
      return void res.end(
        `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>injected</Message></Error>`,
      );
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        // A connection per request: a stopped server then has no idle connection to wait for.
        agent: false,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
