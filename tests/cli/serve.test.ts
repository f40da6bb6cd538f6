/**
 * `opendata serve` as a child process, over real sockets: every request is answered, none stops the
 * server, nothing outside the folder and no dot file is ever served, whatever current.json says.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, stop } from '../support/cli.ts';
import { type RawResponse, rawRequest, requestText } from '../support/raw-http.ts';

const VERSION = '20261127T020000Z-3f0c9a1b2c4d';
const CSV = 'id,value\r\n1,2361\r\n';
const SECRET = 'secret-outside-the-folder';
const HIDDEN = 'hidden-dot-file';

let parent: string;
let site: string;
let child: ChildProcess;
let port: number;

/** A published folder (by hand: the shape is what matters) with every kind of thing that must not be served. */
async function makeSite(): Promise<void> {
  const version = join(site, 'versions', VERSION);
  for (const folder of [join(site, 'data'), join(version, 'data'), join(site, '.git'), join(version, '.git')])
    await mkdir(folder, { recursive: true });
  await writeFile(join(parent, 'secret.txt'), SECRET);
  for (const root of [site, version]) {
    await writeFile(join(root, 'index.html'), '<p>home</p>');
    await writeFile(join(root, 'data/figures.csv'), CSV);
    await writeFile(join(root, 'data/figures.csv.tmp-4242-1'), HIDDEN);
    await writeFile(join(root, '.git/config'), HIDDEN);
    await writeFile(join(root, '.publish.lock'), HIDDEN);
    await writeFile(join(root, '.env'), HIDDEN);
    await symlink(join(parent, 'secret.txt'), join(root, 'out.txt'));
    await symlink(join(root, 'index.html'), join(root, 'in.html'));
    await symlink(parent, join(root, 'up'));
  }
}

beforeAll(async () => {
  // One folder for the whole file (useTempDirs removes its folders after each test).
  parent = await mkdtemp(join(tmpdir(), 'opendata-serve-'));
  site = join(parent, 'site');
  await makeSite();
  const served = await startCli(['serve', site, '--port', '0']);
  child = served.child;
  port = Number(new URL(served.url).port);
});
afterAll(async () => {
  if (child) await stop(child);
  await rm(parent, { recursive: true, force: true });
});

const get = (target: string, ...headers: string[]) =>
  rawRequest(port, requestText('GET', target, ...headers));

function expectNothingHidden(response: RawResponse): void {
  expect(response.body.toString('latin1')).not.toContain(SECRET);
  expect(response.body.toString('latin1')).not.toContain(HIDDEN);
}

describe('opendata serve answers every request and keeps running', () => {
  it.each<[string, string | Buffer, number]>([
    [
      'an absolute-form target that is no URL',
      'GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      400,
    ],
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n', 400],
    ['a header line without a colon', 'GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n', 400],
    ['a header with a control character', 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n', 400],
    ['a request line of 20 KB', requestText('GET', `/${'a'.repeat(20_000)}`), 431],
    ['headers of 20 KB', requestText('GET', '/', `X-Big: ${'b'.repeat(20_000)}`), 431],
    ['a path of 8 KB (under the limit) naming nothing', requestText('GET', `/${'a/'.repeat(4_000)}x`), 404],
    ['bad percent-encoding', requestText('GET', '/data/%zz.csv'), 400],
    ['a truncated percent-escape', requestText('GET', '/data/figures.csv%'), 400],
    ['an encoded NUL', requestText('GET', '/index.html%00.csv'), 400],
    ['the asterisk target', requestText('GET', '*'), 400],
    ['POST', requestText('POST', '/'), 405],
    ['OPTIONS *', requestText('OPTIONS', '*'), 405],
    ['DELETE', requestText('DELETE', '/index.html'), 405],
    [
      'Range bytes=50-10 (last before first)',
      requestText('GET', '/data/figures.csv', 'Range: bytes=50-10'),
      416,
    ],
    ['Range bytes=-0 (an empty suffix)', requestText('GET', '/data/figures.csv', 'Range: bytes=-0'), 416],
    [
      'Range bytes=999999- (past the end)',
      requestText('GET', '/data/figures.csv', 'Range: bytes=999999-'),
      416,
    ],
    ['Range bytes=abc', requestText('GET', '/data/figures.csv', 'Range: bytes=abc'), 416],
    ['Range bytes=- ', requestText('GET', '/data/figures.csv', 'Range: bytes=-'), 416],
    ['Range of 30 digits', requestText('GET', '/data/figures.csv', `Range: bytes=${'9'.repeat(30)}-`), 416],
    [
      'several ranges (whole file, as S3)',
      requestText('GET', '/data/figures.csv', 'Range: bytes=0-1,4-5'),
      200,
    ],
    ['another unit (ignored)', requestText('GET', '/data/figures.csv', 'Range: items=0-1'), 200],
  ])('%s', async (_name, request, status) => {
    const response = await rawRequest(port, request);
    expect(response.status).toBe(status);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expectNothingHidden(response);
    expect(child.exitCode).toBeNull();
  });

  it('still serves after all of them, and survives clients that vanish mid-request', async () => {
    for (let i = 0; i < 5; i++) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      await new Promise((resolve) => socket.on('connect', resolve));
      socket.write('GET /data/figures.csv HTTP/1.1\r\nHost: x\r\n');
      socket.destroy();
    }
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(child.exitCode).toBeNull();
  });
});

describe('opendata serve: ranges, HEAD and conditional requests', () => {
  it.each<[string, number, string, string | undefined]>([
    ['bytes=0-0', 206, 'i', 'bytes 0-0/18'],
    ['bytes=3-7', 206, 'value', 'bytes 3-7/18'],
    ['bytes=-4', 206, '61\r\n', 'bytes 14-17/18'],
    ['bytes=12-', 206, '2361\r\n', 'bytes 12-17/18'],
    ['bytes=10-999', 206, '1,2361\r\n', 'bytes 10-17/18'],
  ])('Range %s: %i, exactly those bytes', async (range, status, body, contentRange) => {
    const response = await get('/data/figures.csv', `Range: ${range}`);
    expect(response.status).toBe(status);
    expect(response.body.toString()).toBe(body);
    expect(response.headers['content-range']).toBe(contentRange);
    expect(response.headers['content-length']).toBe(String(body.length));
  });

  it('416 names the size', async () => {
    expect((await get('/data/figures.csv', 'Range: bytes=50-10')).headers['content-range']).toBe(
      'bytes */18',
    );
  });

  it('HEAD gives the headers of a GET and no body', async () => {
    const head = await rawRequest(port, requestText('HEAD', '/data/figures.csv'));
    const full = await get('/data/figures.csv');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(CSV.length));
    for (const name of ['content-type', 'etag', 'last-modified', 'cache-control'])
      expect(head.headers[name], name).toBe(full.headers[name]);
    expect(full.body.toString()).toBe(CSV);
  });

  it('If-None-Match and If-Modified-Since give 304; a changed validator gives the file', async () => {
    const { headers } = await get('/data/figures.csv');
    const etag = headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+-[0-9a-f]+"$/);
    const cases: [string, number][] = [
      [`If-None-Match: ${etag}`, 304],
      [`If-None-Match: "other", W/${etag}`, 304],
      ['If-None-Match: "other"', 200],
      [`If-Modified-Since: ${headers['last-modified']}`, 304],
      ['If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT', 200],
      ['If-Modified-Since: not a date', 200],
      ['If-Range: "other"\r\nRange: bytes=0-0', 200],
      [`If-Range: ${etag}\r\nRange: bytes=0-0`, 206],
    ];
    for (const [header, status] of cases) {
      const response = await get('/data/figures.csv', header);
      expect(response.status, header).toBe(status);
      expect(response.body.length, header).toBe(status === 304 ? 0 : status === 206 ? 1 : CSV.length);
    }
  });
});

const POINTERS: [string, string | undefined][] = [
  ['a valid current.json', JSON.stringify({ version: VERSION })],
  ['an invalid current.json', '{"version": "../../.."'],
  ['a current.json naming no version id', JSON.stringify({ version: '../.git' })],
  ['no current.json', undefined],
];

describe.each(POINTERS)('opendata serve with %s', (_name, pointer) => {
  beforeAll(async () => {
    if (pointer === undefined) await rm(join(site, 'current.json'), { force: true });
    else await writeFile(join(site, 'current.json'), pointer);
  });

  it.each([
    '/.git/config',
    '/.publish.lock',
    '/.env',
    '/%2egit/config',
    '/.%67it/config',
    '/data/.%2e/.git/config',
    '/data/figures.csv.tmp-4242-1',
    `/versions/${VERSION}/.git/config`,
    `/versions/${VERSION}/.publish.lock`,
    `/versions/${VERSION}/data/figures.csv.tmp-4242-1`,
    '/out.txt',
    `/versions/${VERSION}/out.txt`,
    '/in.html',
    '/up/secret.txt',
    `/versions/${VERSION}/up/secret.txt`,
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '//../secret.txt',
    '/data//figures.csv',
    '/data\\..\\..\\secret.txt',
    'http://127.0.0.1/../secret.txt',
    'http://127.0.0.1/.git/config',
  ])('404 for %s, with nothing of it', async (target) => {
    const response = await get(target);
    expect(response.status).toBe(404);
    expectNothingHidden(response);
  });

  it('serves the pages and data', async () => {
    for (const target of ['/', '/data/figures.csv', `/versions/${VERSION}/data/figures.csv`]) {
      const response = await get(target);
      expect(response.status, target).toBe(200);
    }
  });
});
