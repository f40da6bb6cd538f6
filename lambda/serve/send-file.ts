import type { Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import fresh from 'fresh';
import { ARCHIVED_COPY, contentTypeOf, isCorsPath } from '../contract/index.ts';
import type { OpenedFile } from './open-file.ts';
import { byteRange, type RangeAnswer } from './range.ts';

export interface SendOptions {
  /** The path asked for (for the CORS rule) and the path served (for the content type). */
  requested: string;
  served: string;
  cacheControl: string;
}

/**
 * Answers a GET or HEAD with an opened file, as S3 behind CloudFront would: its content type, a
 * strong ETag, Last-Modified, 304 for a matching `If-None-Match` (or, without one, an
 * `If-Modified-Since` not older than the file), and one byte range (see `byteRange`). Closes the file.
 */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: OpenedFile,
  options: SendOptions,
): Promise<void> {
  try {
    const { stats } = file;
    const etag = etagOf(stats);
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', stats.mtime.toUTCString());
    res.setHeader('Cache-Control', options.cacheControl);
    res.setHeader('Accept-Ranges', 'bytes');
    if (isCorsPath(options.requested)) res.setHeader('Access-Control-Allow-Origin', '*');
    if (notModified(req, etag, stats)) {
      res.writeHead(304).end();
      return;
    }
    res.setHeader('Content-Type', contentTypeOf(options.served.slice(1)));
    if (ARCHIVED_COPY.test(options.served)) res.setHeader('Content-Disposition', 'attachment');
    // A range is honoured only for the file If-Range names, if it names one.
    const ifRange = req.headers['if-range'];
    const range =
      ifRange === undefined || ifRange === etag ? byteRange(req.headers.range, stats.size) : undefined;
    await sendBytes(req, res, file, range ?? { kind: 'whole' });
  } finally {
    await file.handle.close().catch(() => {});
  }
}

async function sendBytes(
  req: IncomingMessage,
  res: ServerResponse,
  { handle, stats }: OpenedFile,
  range: RangeAnswer,
): Promise<void> {
  if (range.kind === 'unsatisfiable') {
    res
      .writeHead(416, {
        'Content-Range': `bytes */${stats.size}`,
        'Content-Type': 'text/plain; charset=utf-8',
      })
      .end('Range not satisfiable\n');
    return;
  }
  const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, stats.size - 1];
  res.setHeader('Content-Length', Math.max(0, end - start + 1));
  if (range.kind === 'part') res.setHeader('Content-Range', `bytes ${start}-${end}/${stats.size}`);
  res.writeHead(range.kind === 'part' ? 206 : 200);
  if (req.method === 'HEAD' || stats.size === 0) {
    res.end();
    return;
  }
  // A client that goes away mid-file only ends its own response.
  await pipeline(handle.createReadStream({ start, end, autoClose: false }), res).catch(() => res.destroy());
}

/** Size, modification time and inode: every write replaces a published file, so each version of it differs. */
function etagOf(stats: Stats): string {
  return `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}-${stats.ino.toString(16)}"`;
}

/** RFC 9110 §13.2.2, as `fresh` (send's and Express's) reads it: If-None-Match wins over If-Modified-Since. */
function notModified(req: IncomingMessage, etag: string, stats: Stats): boolean {
  return fresh(req.headers, { etag, 'last-modified': stats.mtime.toUTCString() });
}
