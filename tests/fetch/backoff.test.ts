import { describe, expect, it } from 'vitest';
import { isRetryableStatus, retryAfterMs } from '../../lambda/fetch/backoff.ts';

describe('backoff', () => {
  it.each([
    [500, true],
    [502, true],
    [503, true],
    [429, true],
    [404, false],
    [403, false],
    [400, false],
    [200, false],
  ])('status %i retryable: %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });

  it('honours Retry-After in seconds, capped, and ignores dates', () => {
    expect(retryAfterMs('3', 10_000)).toBe(3000);
    expect(retryAfterMs('120', 10_000)).toBe(10_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', 10_000)).toBeNull();
    expect(retryAfterMs(undefined, 10_000)).toBeNull();
  });
});
