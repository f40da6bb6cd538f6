import { readFile } from 'node:fs/promises';
import { createContext, Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { KVS_POINTER_KEY } from '../../lambda/contract/index.ts';
import { routeRequest } from '../../lambda/serve/route.ts';
import { VERSION_POINTER_FUNCTION } from '../../lib/constructs/static-site.ts';

const VERSION = '20261127T052300Z-3f0c9a1b2c4d';

interface CloudFrontRequest {
  uri: string;
  method: string;
  querystring: Record<string, unknown>;
  headers: Record<string, unknown>;
}

/**
 * Runs the file CloudFront runs, as it is deployed, in a fresh V8 context with a fake `cloudfront`
 * module: its one import is replaced by the fake and nothing else is touched.
 */
async function loadFunction(keys: Map<string, string>) {
  const code = await readFile(VERSION_POINTER_FUNCTION, 'utf8');
  const importLine = "import cf from 'cloudfront';";
  expect(code).toContain(importLine);
  const fakeCloudFront = {
    kvs: () => ({
      get: async (key: string) => {
        if (!keys.has(key)) throw new Error(`KeyValueStore: key ${key} not found`);
        return keys.get(key);
      },
    }),
  };
  const context = createContext({ __cloudfront: fakeCloudFront });
  new Script(code.replace(importLine, 'const cf = __cloudfront;'), {
    filename: VERSION_POINTER_FUNCTION,
  }).runInContext(context);
  return context as unknown as { handler(event: { request: CloudFrontRequest }): Promise<CloudFrontRequest> };
}

const request = (uri: string): CloudFrontRequest => ({ uri, method: 'GET', querystring: {}, headers: {} });

const CASES: [string, string][] = [
  ['/', `/versions/${VERSION}/index.html`],
  ['/index.html', `/versions/${VERSION}/index.html`],
  ['/data/figures.csv', `/versions/${VERSION}/data/figures.csv`],
  ['/datapackage.json', `/versions/${VERSION}/datapackage.json`],
  ['/reports/xiaowangzhuang-2023/', `/versions/${VERSION}/reports/xiaowangzhuang-2023/index.html`],
  ['/manifest.json', '/manifest.json'],
  ['/feed.atom', '/feed.atom'],
  [`/versions/${VERSION}/data/figures.csv`, `/versions/${VERSION}/data/figures.csv`],
  ['/versions/20200101T000000Z-000000000000/feed.atom', '/versions/20200101T000000Z-000000000000/feed.atom'],
];

describe('the CloudFront function (lambda/serve/version-pointer.js in node:vm)', () => {
  it.each(CASES)('rewrites %s to %s', async (uri, rewritten) => {
    const cf = await loadFunction(new Map([[KVS_POINTER_KEY, VERSION]]));
    const out = await cf.handler({ request: request(uri) });
    expect(out.uri).toBe(rewritten);
    expect(out.method).toBe('GET');
  });

  it('follows the pointer when it moves', async () => {
    const keys = new Map([[KVS_POINTER_KEY, VERSION]]);
    const cf = await loadFunction(keys);
    keys.set(KVS_POINTER_KEY, '20261128T000000Z-aaaaaaaaaaaa');
    expect((await cf.handler({ request: request('/data/figures.csv') })).uri).toBe(
      '/versions/20261128T000000Z-aaaaaaaaaaaa/data/figures.csv',
    );
  });

  it.each([
    ['there is no pointer yet', new Map<string, string>()],
    ['the pointer is not a version id', new Map([[KVS_POINTER_KEY, '../../etc']])],
  ])('leaves the path as it is when %s', async (_name, keys) => {
    const cf = await loadFunction(keys);
    expect((await cf.handler({ request: request('/data/figures.csv') })).uri).toBe('/data/figures.csv');
  });
});

describe('routeRequest (the same rules for opendata serve)', () => {
  it.each(CASES)('routes %s to %s', (uri, rewritten) => {
    expect(routeRequest(uri, VERSION).path).toBe(rewritten);
  });

  it('marks only versioned paths immutable, and serves stable paths as they are without a pointer', () => {
    expect(routeRequest(`/versions/${VERSION}/index.html`, VERSION).immutable).toBe(true);
    expect(routeRequest('/data/figures.csv', VERSION)).toEqual({
      path: `/versions/${VERSION}/data/figures.csv`,
      immutable: false,
    });
    expect(routeRequest('/data/figures.csv', undefined)).toEqual({
      path: '/data/figures.csv',
      immutable: false,
    });
  });
});
