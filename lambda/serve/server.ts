import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import {
  CONTENT_TYPES,
  IMMUTABLE_CACHE_CONTROL,
  isVersionId,
  POINTER_KEY,
  SECURITY_HEADERS,
  STABLE_CACHE_CONTROL,
} from '../contract/index.ts';
import { openUnderRoot } from './open-file.ts';
import { parseRequestPath } from './request-path.ts';
import { routeRequest } from './route.ts';
import { sendFile } from './send-file.ts';

export interface ServeOptions {
  dir: string;
  port: number;
  /** 127.0.0.1 unless asked otherwise: a preview is nobody else's business. */
  host?: string;
}

/**
 * Serves a published folder like CloudFront serves the bucket: same paths, content types, cache and
 * security headers, index.html for folders, nothing outside the folder and no dot file. Stable paths
 * are read from the version the folder's `current.json` names, read afresh for every request, so a
 * publication switches every stable URL at once; files are looked up afresh too, so new versions are
 * served as they appear. Every request gets an answer, a malformed one a 400: none stops the server.
 */
export async function startServer({
  dir,
  port,
  host = '127.0.0.1',
}: ServeOptions): Promise<{ server: Server; url: string }> {
  const root = await realpath(resolve(dir)).catch(() => resolve(dir));
  const server = createServer((req, res) => {
    answer(root, req, res).catch((error: unknown) => {
      process.stderr.write(`opendata serve: ${req.method} ${req.url}: ${(error as Error).message}\n`);
      if (res.headersSent) res.destroy();
      else plain(res, 500, 'Internal server error');
    });
  });
  server.on('clientError', answerMalformed);
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, port)));
    server.listen(port, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, url: `http://${shownHost}:${address.port}/` };
}

async function answer(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return plain(res, 405, 'Method not allowed');
  }
  const path = parseRequestPath(req.url);
  if (path.kind === 'bad') return plain(res, 400, 'Bad request');
  if (path.kind === 'refused') return plain(res, 404, 'Not found');
  const route = routeRequest(path.pathname, await currentVersion(root));
  const file = await openUnderRoot(root, route.path);
  if (!file) return plain(res, 404, 'Not found');
  await sendFile(req, res, file, {
    requested: path.pathname,
    served: route.path,
    cacheControl: route.immutable ? IMMUTABLE_CACHE_CONTROL : STABLE_CACHE_CONTROL,
  });
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': CONTENT_TYPES.txt }).end(`${text}\n`);
}

/**
 * A request Node's parser cannot read (a broken request line or header, a request line or headers
 * over 16 KiB) never reaches the handler: it is answered here and the connection closed.
 */
function answerMalformed(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, reason] =
    error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const headers = Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: ${CONTENT_TYPES.txt}\r\n` +
      `Content-Length: ${reason.length + 1}\r\n${headers.join('')}\r\n${reason}\n`,
  );
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
