/**
 * One GET over node:http(s), with the guards a fetcher of other people's pages needs: every address
 * a host name resolves to is checked when the connection is made (so a DNS answer cannot swap in a
 * private address after a check), the whole exchange has a deadline, and the body is streamed and
 * abandoned past a size limit (after decompression, so a small gzip bomb cannot get through).
 */
import { type LookupAddress, lookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { isAllowedAddress, type PrivateAddressPolicy } from './address.ts';
import { FetchError } from './fetch-error.ts';

interface HttpGetRequest {
  url: URL;
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  allowPrivate: PrivateAddressPolicy;
}

export interface HttpGetResponse {
  status: number;
  headers: Record<string, string | undefined>;
  /** Empty for redirects and 304: their bodies are not read. */
  body: Uint8Array;
}

/** The transport, replaceable for callers that bring their own (a proxy, a fake). */
export type HttpGet = (request: HttpGetRequest) => Promise<HttpGetResponse>;

const NETWORK_CODES =
  /^(?:ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ECONNABORTED)$/;

export const httpGet: HttpGet = (req) =>
  new Promise((resolve, reject) => {
    const send = req.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const client = send(req.url, {
      method: 'GET',
      headers: req.headers,
      lookup: guardedLookup(req.allowPrivate),
    });
    // Why the exchange was cut short by us; the socket errors that follow are its echo.
    let abortedFor: FetchError | undefined;
    const abort = (error: FetchError) => {
      abortedFor ??= error;
      // Destroyed without the error: it is ours to report once, not to be emitted by every stream.
      client.destroy();
    };
    const deadline = setTimeout(
      () => abort(new FetchError(`timed out after ${req.timeoutMs} ms`, true)),
      req.timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(deadline);
      reject(abortedFor ?? asFetchError(error));
    };
    client.on('error', fail);
    client.on('response', (response) => {
      const headers = flatHeaders(response);
      const status = response.statusCode ?? 0;
      if (status >= 300) {
        response.resume();
        clearTimeout(deadline);
        resolve({ status, headers, body: new Uint8Array() });
        return;
      }
      readBody(response, req.maxBytes, abort).then((body) => {
        clearTimeout(deadline);
        if (abortedFor) reject(abortedFor);
        else resolve({ status, headers, body });
      }, fail);
    });
    client.end();
  });

function guardedLookup(policy: PrivateAddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => !isAllowedAddress(a.address, policy));
      if (refused) {
        const problem = new FetchError(
          `${hostname} resolves to the private address ${refused.address}`,
          false,
        );
        return callback(problem as NodeJS.ErrnoException, '', 0);
      }
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`) as NodeJS.ErrnoException, '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}

async function readBody(
  response: IncomingMessage,
  maxBytes: number,
  abort: (e: FetchError) => void,
): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  const tooLarge = () => new FetchError(`is larger than the limit of ${maxBytes} bytes`, false);
  if (Number.isFinite(declared) && declared > maxBytes) {
    const error = tooLarge();
    abort(error);
    throw error;
  }
  // Once the read is given up the response may still emit the abort error; it is reported already.
  const body = decoded(response);
  for (const stream of [response, body]) stream.on('error', () => {});
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      const error = tooLarge();
      abort(error);
      throw error;
    }
    chunks.push(chunk as Buffer);
  }
  if (!response.complete) throw new FetchError('connection closed before the page was complete', true);
  return new Uint8Array(Buffer.concat(chunks));
}

function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  if (!decoder) return response;
  // pipe() does not pass errors on: a broken connection must end the read, not go unhandled.
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

function flatHeaders(response: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function asFetchError(error: Error): FetchError {
  if (error instanceof FetchError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const retryable = NETWORK_CODES.test(code) || code === 'Z_BUF_ERROR';
  return new FetchError(`network error (${code || error.message})`, retryable);
}
