import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PageClient, USER_AGENT } from '../../lambda/fetch/client.ts';
import { FetchError, isNotFound } from '../../lambda/fetch/fetch-error.ts';
import type { Clock } from '../../lambda/fetch/pacer.ts';
import { failing, type Handler, hanging, page, redirect, useTestServer } from './support/server.ts';

const startServer = useTestServer();
const FAST = {
  timeoutMs: 300,
  retries: 2,
  backoffMs: 10,
  maxBackoffMs: 50,
  minIntervalMs: 0,
  maxBytes: 10_000,
};
const html = (body: string) =>
  page(`<html><body>${body}</body></html>`, { contentType: 'text/html', etag: '"e1"' });

describe('PageClient', () => {
  it('sends a user agent naming the project and answers 304 as unchanged', async () => {
    const server = await startServer();
    server.routes.set('/a.html', html('<p>报告</p>'));
    const client = new PageClient({ ...FAST, allowPrivate: true });
    const first = await client.get(server.url('/a.html'));
    expect(first).toMatchObject({ status: 'fetched', etag: '"e1"', contentType: 'text/html' });
    expect(await client.get(server.url('/a.html'), { etag: '"e1"' })).toEqual({
      status: 'unchanged',
      url: server.url('/a.html'),
    });
    expect(server.seen('/a.html').map((r) => r.headers['if-none-match'])).toEqual([undefined, '"e1"']);
    expect(server.requests[0]?.headers['user-agent']).toBe(USER_AGENT);
  });

  it('retries 5xx with backoff and gives up after the retries', async () => {
    const server = await startServer();
    server.routes.set('/flaky', failing(2, html('<p>ok</p>')));
    server.routes.set('/down', failing(99, html('')));
    const client = new PageClient({ ...FAST, allowPrivate: true });
    expect((await client.get(server.url('/flaky'))).status).toBe('fetched');
    expect(server.seen('/flaky')).toHaveLength(3);
    await expect(client.get(server.url('/down'))).rejects.toThrow('HTTP 500 after 3 tries');
    expect(server.seen('/down')).toHaveLength(3);
  });

  it('waits a jittered backoff under a doubling ceiling, or what Retry-After asks (capped)', async () => {
    const server = await startServer();
    const waits: number[] = [];
    const clock: Clock = { now: () => performance.now(), sleep: async (ms) => void waits.push(ms) };
    const busy =
      (status: number, retryAfter?: string): Handler =>
      (_req, res) =>
        void res.writeHead(status, retryAfter ? { 'retry-after': retryAfter } : {}).end('busy');
    server.routes.set('/throttled', busy(429));
    server.routes.set('/asks-3s', busy(503, '3'));
    server.routes.set('/asks-1h', busy(503, '3600'));
    server.routes.set('/asks-date', busy(503, 'Wed, 21 Oct 2015 07:28:00 GMT'));
    const policy = { ...FAST, retries: 3, backoffMs: 1000, maxBackoffMs: 10_000, allowPrivate: true };
    const client = new PageClient(policy, clock);
    const waitsFor = async (path: string) => {
      waits.length = 0;
      await expect(client.get(server.url(path))).rejects.toThrow(/after 4 tries$/);
      expect(server.seen(path)).toHaveLength(4);
      return [...waits];
    };
    const jittered = await waitsFor('/throttled');
    expect(jittered).toHaveLength(3);
    for (const [i, wait] of jittered.entries()) expect(wait).toBeLessThan(1000 * 2 ** i);
    expect(await waitsFor('/asks-3s')).toEqual([3000, 3000, 3000]);
    expect(await waitsFor('/asks-1h')).toEqual([10_000, 10_000, 10_000]);
    expect((await waitsFor('/asks-date')).every((wait) => wait < 4000)).toBe(true);
  });

  it('does not retry 4xx', async () => {
    const server = await startServer();
    const client = new PageClient({ ...FAST, allowPrivate: true });
    await expect(client.get(server.url('/missing'))).rejects.toThrow('HTTP 404');
    expect(server.seen('/missing')).toHaveLength(1);
  });

  it.each([
    ['/missing', 404, 'HTTP 404'],
    ['/removed', 410, 'HTTP 410'],
    ['/down', 500, 'HTTP 500 after 3 tries'],
  ])('carries the status of %s as a field, not only in the message', async (path, status, message) => {
    const server = await startServer();
    server.routes.set('/removed', failing(99, html(''), 410));
    server.routes.set('/down', failing(99, html('')));
    const client = new PageClient({ ...FAST, allowPrivate: true });
    const error = await client.get(server.url(path)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ status, message });
    expect(isNotFound(error)).toBe(status !== 500);
  });

  it('times out a hanging server, retrying it as a network failure', async () => {
    const server = await startServer();
    server.routes.set('/hang', hanging);
    const client = new PageClient({ ...FAST, retries: 1, allowPrivate: true });
    await expect(client.get(server.url('/hang'))).rejects.toThrow('timed out after 300 ms (2 tries)');
    expect(server.seen('/hang')).toHaveLength(2);
  });

  it('abandons bodies past the size limit, declared or streamed, and after decompression', async () => {
    const server = await startServer();
    const big = `<html><body>${'报告'.repeat(5000)}</body></html>`;
    server.routes.set('/big', page(big, { contentType: 'text/html' }));
    server.routes.set('/stream', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(big);
    });
    server.routes.set('/bomb', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(1_000_000, 32)));
    });
    const client = new PageClient({ ...FAST, allowPrivate: true });
    for (const path of ['/big', '/stream', '/bomb'])
      await expect(client.get(server.url(path))).rejects.toThrow('is larger than the limit of 10000 bytes');
  });

  it('follows a few redirects, each checked, and refuses more', async () => {
    const server = await startServer();
    server.routes.set('/old', redirect('/new', 301));
    server.routes.set('/new', html('<p>新</p>'));
    for (let i = 0; i < 7; i++) server.routes.set(`/loop${i}`, redirect(`/loop${i + 1}`));
    const client = new PageClient({ ...FAST, allowPrivate: true });
    expect(await client.get(server.url('/old'))).toMatchObject({
      status: 'fetched',
      url: server.url('/new'),
    });
    await expect(client.get(server.url('/loop0'))).rejects.toThrow('more than 5 redirects');
    expect(server.seen('/loop6')).toHaveLength(0);
  });

  it('refuses loopback without the flag, before any request', async () => {
    const server = await startServer();
    server.routes.set('/a.html', html('<p>报告</p>'));
    const client = new PageClient(FAST);
    await expect(client.get(server.url('/a.html'))).rejects.toThrow('127.0.0.1 is a private address');
    const port = new URL(server.origin).port;
    await expect(client.get(`http://localhost:${port}/a.html`)).rejects.toThrow(
      /localhost resolves to the private address (127\.0\.0\.1|::1)/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a redirect to a private address or another scheme even when the first host is allowed', async () => {
    const server = await startServer();
    server.routes.set('/to-metadata', redirect('http://169.254.169.254/latest/meta-data/'));
    server.routes.set('/to-loopback', redirect('http://127.0.0.2:9/'));
    server.routes.set('/to-file', redirect('file:///etc/passwd'));
    const client = new PageClient({ ...FAST, allowPrivate: ['127.0.0.1'] });
    await expect(client.get(server.url('/to-metadata'))).rejects.toThrow(
      'redirected to http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a private address',
    );
    await expect(client.get(server.url('/to-loopback'))).rejects.toThrow('127.0.0.2 is a private address');
    await expect(client.get(server.url('/to-file'))).rejects.toThrow('file: URLs are not fetched');
  });

  it('waits the minimum interval between requests to the same host', async () => {
    const server = await startServer();
    server.routes.set('/a', html('<p>a</p>'));
    const client = new PageClient({ ...FAST, minIntervalMs: 150, allowPrivate: true });
    const started = performance.now();
    await client.get(server.url('/a'));
    await client.get(server.url('/a'));
    await client.get(server.url('/a'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
  });
});
