import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import sirv from 'sirv';
import { isVersionId } from '../pipeline/publication.ts';
import { POINTER_KEY } from '../publish/pointer.ts';
import { IMMUTABLE_CACHE_CONTROL, STABLE_CACHE_CONTROL } from '../publish/version-writer.ts';
import {
  ARCHIVED_COPY,
  ARCHIVED_COPY_TYPE,
  CONTENT_TYPE_BY_EXTENSION,
  isCorsPath,
  SECURITY_HEADERS,
} from './headers.ts';
import { routeRequest } from './route.ts';

export interface ServeOptions {
  dir: string;
  port: number;
  /** 127.0.0.1 unless asked otherwise: a preview is nobody else's business. */
  host?: string;
}

/**
 * Serves a published folder like CloudFront serves the bucket: same paths, content types, cache and
 * security headers, index.html for folders, nothing outside the folder. Stable paths are read from
 * the version the folder's `current.json` names, read afresh for every request, so a publication
 * switches every stable URL at once.
 */
export async function startServer({
  dir,
  port,
  host = '127.0.0.1',
}: ServeOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const cacheControl = new WeakMap<ServerResponse, string>();
  const files = sirv(root, {
    dev: true,
    dotfiles: false,
    etag: true,
    setHeaders: (res, pathname) => {
      // Paths without an extension are folders (index.html) or pages sirv found by adding .html.
      const type = CONTENT_TYPE_BY_EXTENSION[extname(pathname) || '.html'];
      if (type) res.setHeader('Content-Type', type);
      if (ARCHIVED_COPY.test(pathname)) {
        res.setHeader('Content-Type', ARCHIVED_COPY_TYPE);
        res.setHeader('Content-Disposition', 'attachment');
      }
      res.setHeader('Cache-Control', cacheControl.get(res) ?? STABLE_CACHE_CONTROL);
      if (isCorsPath(pathname)) res.setHeader('Access-Control-Allow-Origin', '*');
    },
  });
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Method not allowed\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routeRequest(url.pathname, await currentVersion(root));
    cacheControl.set(res, route.immutable ? IMMUTABLE_CACHE_CONTROL : STABLE_CACHE_CONTROL);
    req.url = route.path + url.search;
    files(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, port)));
    server.listen(port, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, url: `http://${shownHost}:${address.port}/` };
}

/** The port cannot be listened on: taken by another program, or reserved. Says how to choose another. */
export class PortUnavailableError extends Error {
  override name = 'PortUnavailableError';
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const how = 'choose another with --port <n> or PORT=<n>';
  if (error.code === 'EADDRINUSE')
    return new PortUnavailableError(`port ${port} on ${host} is already in use; ${how}`);
  if (error.code === 'EACCES')
    return new PortUnavailableError(`port ${port} on ${host} may not be used by this user; ${how}`);
  if (error.code === 'EADDRNOTAVAIL')
    return new PortUnavailableError(`${host} is not an address of this machine; choose another with --host`);
  return error;
}

/** The version `current.json` names; none for a folder published before versions (or not at all). */
async function currentVersion(root: string): Promise<string | undefined> {
  try {
    const { version } = JSON.parse(await readFile(join(root, POINTER_KEY), 'utf8'));
    return isVersionId(version) ? version : undefined;
  } catch {
    return undefined;
  }
}
