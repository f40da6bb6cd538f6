import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import sirv from 'sirv';
import { CONTENT_TYPE_BY_EXTENSION, isCorsPath, SECURITY_HEADERS } from './headers.ts';

export interface ServeOptions {
  dir: string;
  port: number;
  /** 127.0.0.1 unless asked otherwise: a preview is nobody else's business. */
  host?: string;
}

/**
 * Serves a published folder like CloudFront serves the bucket: same paths, content types and security
 * headers, index.html for folders, nothing outside the folder.
 */
export async function startServer({
  dir,
  port,
  host = '127.0.0.1',
}: ServeOptions): Promise<{ server: Server; url: string }> {
  const files = sirv(resolve(dir), {
    dev: true,
    dotfiles: false,
    etag: true,
    setHeaders: (res, pathname) => {
      // Paths without an extension are folders (index.html) or pages sirv found by adding .html.
      const type = CONTENT_TYPE_BY_EXTENSION[extname(pathname) || '.html'];
      if (type) res.setHeader('Content-Type', type);
      res.setHeader('Cache-Control', 'public, max-age=60');
      if (isCorsPath(pathname)) res.setHeader('Access-Control-Allow-Origin', '*');
    },
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Method not allowed\n');
      return;
    }
    files(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, url: `http://${shownHost}:${address.port}/` };
}
