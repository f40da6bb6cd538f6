import { describe, expect, it } from 'vitest';
import {
  type FetchState,
  forgetRemoved,
  isSameContent,
  type PageState,
  validatorsFor,
  withValidators,
} from '../../lambda/fetch/fetch-state.ts';
import type { Source } from '../../lambda/fetch/sources.ts';

const previous = {
  url: 'https://a.example.org/r.html',
  etag: '"v1"',
  lastModified: 'Tue, 18 Feb 2025 01:30:00 GMT',
  sha256: 'ab',
};

describe('fetch state', () => {
  it('sends the last validators for the same URL while its report exists', () => {
    expect(validatorsFor(previous, previous.url, true)).toEqual({
      etag: '"v1"',
      lastModified: previous.lastModified,
    });
  });

  it.each([
    ['no earlier fetch', undefined, previous.url, true],
    ['the registry now names another URL', previous, 'https://a.example.org/moved.html', true],
    ['the report file is gone', previous, previous.url, false],
  ])('asks unconditionally when there is %s', (_why, state, url, present) => {
    expect(validatorsFor(state, url, present)).toEqual({});
  });

  it('calls a 200 with the same bytes unchanged only while the report exists', () => {
    expect(isSameContent(previous, 'ab', true)).toBe(true);
    expect(isSameContent(previous, 'cd', true)).toBe(false);
    expect(isSameContent(previous, 'ab', false)).toBe(false);
    expect(isSameContent(undefined, 'ab', true)).toBe(false);
  });

  it('replaces validators, dropping ones the server no longer sends', () => {
    expect(withValidators(previous, { etag: '"v2"' })).toEqual({
      url: previous.url,
      sha256: 'ab',
      etag: '"v2"',
    });
  });
});

describe('forgetRemoved', () => {
  const report = { entity: '青石镇', kind: '法治政府建设情况报告' };
  const listing = { url: 'https://a.example.org/list/', pattern: '(?<year>\\d{4})' };
  const source = (id: string, year: number, more: Partial<Source> = {}): Source => ({
    ...report,
    id,
    year,
    url: `https://a.example.org/${id}.html`,
    ...more,
  });
  const pageState = (id: string): PageState => ({
    url: `https://a.example.org/${id}.html`,
    retrieved: '2025-03-01T08:00:00.000Z',
    sha256: 'a'.repeat(64),
    archive: `sources/${id}/${'a'.repeat(64)}.html`,
  });
  const listingState = (found: Source[]) => ({ url: listing.url, sha256: 'b', found });
  const state: FetchState = {
    pages: Object.fromEntries(
      ['qingshi-2024', 'qingshi-2025', 'baisha-2024', 'baisha-2025', 'old-2020'].map((id) => [
        id,
        pageState(id),
      ]),
    ),
    listings: {
      'qingshi-2024': listingState([source('qingshi-2025', 2025), source('qingshi-2026', 2026)]),
      'baisha-2024': listingState([source('baisha-2025', 2025)]),
    },
  };

  it.each([
    [
      'keeps everything the registry still names',
      [
        source('qingshi-2024', 2024, { listing }),
        source('baisha-2024', 2024, { listing }),
        source('old-2020', 2020),
      ],
      ['qingshi-2024', 'qingshi-2025', 'baisha-2024', 'baisha-2025', 'old-2020'],
      ['qingshi-2024', 'baisha-2024'],
    ],
    [
      'drops a source gone from the registry, with its listing and what it found',
      [source('qingshi-2024', 2024, { listing })],
      ['qingshi-2024', 'qingshi-2025'],
      ['qingshi-2024'],
    ],
    [
      'drops a listing the registry entry no longer has, keeping the entry',
      [source('qingshi-2024', 2024), source('baisha-2024', 2024, { listing })],
      ['qingshi-2024', 'baisha-2024', 'baisha-2025'],
      ['baisha-2024'],
    ],
    ['forgets all for an empty registry', [], [], []],
  ])('%s', (_why, registry, pages, listings) => {
    const kept = forgetRemoved(state, registry);
    expect(Object.keys(kept.pages)).toEqual(pages);
    expect(Object.keys(kept.listings)).toEqual(listings);
    for (const id of listings) expect(kept.listings[id]).toEqual(state.listings[id]);
  });
});
