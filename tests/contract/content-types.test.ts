import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, contentTypeHeader, contentTypeOf, MEDIA_TYPES } from '../../lambda/contract/index.ts';

describe('content types', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['reports/qingshi-2024/', 'text/html; charset=utf-8'],
    ['data/figures.csv', 'text/csv; charset=utf-8'],
    ['data/figures.json', 'application/json'],
    ['catalog.jsonld', 'application/ld+json'],
    ['feed.atom', 'application/atom+xml'],
    ['data/figures.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['reports/qingshi-2024/source.txt', 'text/plain; charset=utf-8'],
    ['assets/site.css', 'text/css; charset=utf-8'],
    ['assets/site.js', 'text/javascript; charset=utf-8'],
    ['assets/chart.SVG', 'image/svg+xml'],
    ['reports/qingshi-2024/original.html', 'application/octet-stream'],
    ['versions/20261127T052300Z-3f0c9a1b2c4d/reports/qingshi-2024/original.pdf', 'application/octet-stream'],
    ['data/figures.parquet', 'application/octet-stream'],
    ['data/x.constructor', 'application/octet-stream'],
  ])('%s is served as %s', (path, type) => {
    expect(contentTypeOf(path)).toBe(type);
  });

  it('keeps the bare media type for metadata and adds the charset only to text', () => {
    expect([MEDIA_TYPES.csv, MEDIA_TYPES.json, MEDIA_TYPES.parquet]).toEqual([
      'text/csv',
      'application/json',
      undefined,
    ]);
    expect(contentTypeHeader('text/csv')).toBe('text/csv; charset=utf-8');
    expect(contentTypeHeader('image/svg+xml')).toBe('image/svg+xml');
    expect(CONTENT_TYPES.html).toBe('text/html; charset=utf-8');
  });
});
