import { describe, expect, it } from 'vitest';
import { isSameContent, validatorsFor, withValidators } from '../../lambda/fetch/state.ts';

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
