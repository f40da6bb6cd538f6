import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export type Handler = (req: IncomingMessage, res: ServerResponse, count: number) => void;

interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

export interface TestServer {
  origin: string;
  url(path: string): string;
  routes: Map<string, Handler>;
  requests: SeenRequest[];
  /** Requests for one path. */
  seen(path: string): SeenRequest[];
}

/** A node:http server on 127.0.0.1 with a route table the test can change between runs; closed after the test. */
export function useTestServer(): () => Promise<TestServer> {
  const open: { close(): void; closeAllConnections(): void }[] = [];
  afterEach(() => {
    for (const server of open.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  });
  return async () => {
    const routes = new Map<string, Handler>();
    const requests: SeenRequest[] = [];
    const counts = new Map<string, number>();
    const server = createServer((req, res) => {
      const path = req.url ?? '/';
      requests.push({ path, headers: req.headers });
      const count = (counts.get(path) ?? 0) + 1;
      counts.set(path, count);
      const handler = routes.get(path);
      if (handler) handler(req, res, count);
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    open.push(server);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      origin,
      url: (path) => `${origin}${path}`,
      routes,
      requests,
      seen: (path) => requests.filter((r) => r.path === path),
    };
  };
}

export interface PageOptions {
  contentType: string;
  etag?: string;
  lastModified?: string;
}

/** Serves fixed bytes, answering 304 to a matching If-None-Match or If-Modified-Since. */
export function page(body: Uint8Array | string, options: PageOptions): Handler {
  const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body);
  return (req, res) => {
    const validators: Record<string, string> = {};
    if (options.etag) validators.etag = options.etag;
    if (options.lastModified) validators['last-modified'] = options.lastModified;
    const unchanged =
      (options.etag !== undefined && req.headers['if-none-match'] === options.etag) ||
      (options.etag === undefined &&
        options.lastModified !== undefined &&
        req.headers['if-modified-since'] === options.lastModified);
    if (unchanged) return void res.writeHead(304, validators).end();
    res.writeHead(200, {
      'content-type': options.contentType,
      'content-length': bytes.length,
      ...validators,
    });
    res.end(bytes);
  };
}

export function redirect(location: string, status = 302): Handler {
  return (_req, res) => void res.writeHead(status, { location }).end();
}

/** Fails with `status` for the first `failures` requests, then behaves like `then`. */
export function failing(failures: number, then: Handler, status = 500): Handler {
  return (req, res, count) =>
    count <= failures ? void res.writeHead(status).end('busy') : then(req, res, count);
}

/** Sends headers and never finishes the body. */
export const hanging: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.write('<html><body>');
};
