import { describe, expect, it } from 'vitest';
import { parseRequestPath, type RequestPath } from '../../lambda/serve/request-path.ts';

const path = (pathname: string): RequestPath => ({ kind: 'path', pathname });
const bad: RequestPath = { kind: 'bad' };
const refused: RequestPath = { kind: 'refused' };

describe('parseRequestPath', () => {
  it.each<[string | undefined, RequestPath]>([
    ['/', path('/')],
    ['/data/figures.csv?x=1#y', path('/data/figures.csv')],
    ['/reports/a%20b/', path('/reports/a b/')],
    ['/%E6%B1%9F.csv', path('/江.csv')],
    ['http://example.org/data/x.csv?q', path('/data/x.csv')],
    ['HTTP://example.org', path('/')],
    ['http://[', bad],
    ['*', bad],
    ['', bad],
    [undefined, bad],
    ['data/x.csv', bad],
    ['/%zz', bad],
    ['/a%', bad],
    ['/a%00b', bad],
    ['/%C0%AF', bad],
    ['/../x', refused],
    ['/./x', refused],
    ['/%2e%2e/x', refused],
    ['/..%2fx', refused],
    ['/a%5cb', refused],
    ['/a\\b', refused],
    ['//x', refused],
    ['/a//b', refused],
    ['/.git/config', refused],
    ['/%2egit/config', refused],
    ['/.publish.lock', refused],
    ['/versions/v/.env', refused],
    ['/data/figures.csv.tmp-123-4', refused],
    ['/data/figures.tmp-1.csv', path('/data/figures.tmp-1.csv')],
  ])('%j → %j', (target, answer) => {
    expect(parseRequestPath(target)).toEqual(answer);
  });
});
