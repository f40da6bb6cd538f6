import { describe, expect, it } from 'vitest';
import { backoffCeilings, type RetryPolicy, retry } from '../lambda/retry.ts';

class Flaky extends Error {
  constructor(readonly transient: boolean) {
    super(transient ? 'try again' : 'final');
  }
}

/** A run that fails `failures` times (transiently unless told), then answers 'ok'. */
function flaky(failures: number, transient = true) {
  const calls: number[] = [];
  const run = async (attempt: number) => {
    calls.push(attempt);
    if (calls.length <= failures) throw new Flaky(transient);
    return 'ok';
  };
  return { run, calls };
}

const waits: number[] = [];
// Ceilings of an hour: were p-retry (or anything else) to wait for real, the test would time out.
const policy = (attempts: number, random = 0.5): RetryPolicy => ({
  attempts,
  baseDelayMs: 3_600_000,
  maxDelayMs: 4 * 3_600_000,
  random: () => random,
  sleep: async (ms) => {
    waits.push(ms);
  },
});
const rules = { isTransient: (error: unknown) => error instanceof Flaky && error.transient };

describe('retry', () => {
  it('tries again after each transient failure, waiting a random share of a doubling ceiling', async () => {
    waits.length = 0;
    const { run, calls } = flaky(3);
    expect(await retry(run, policy(4), rules)).toBe('ok');
    expect(calls).toEqual([1, 2, 3, 4]);
    expect(waits).toEqual([1_800_000, 3_600_000, 7_200_000]);
  });

  it.each([
    [0, [0, 0, 0]],
    [0.999, [3_596_400, 7_192_800, 14_385_600]],
  ])('full jitter: with random() = %d the waits are %j', async (random, expected) => {
    waits.length = 0;
    await expect(retry(flaky(9).run, policy(4, random), rules)).rejects.toThrow('try again');
    expect(waits).toEqual(expected);
  });

  it('gives up after the last attempt and throws what `failure` makes of the last error', async () => {
    waits.length = 0;
    const { run, calls } = flaky(9);
    const failure = (error: unknown, attempts: number) =>
      new Error(`${(error as Error).message} × ${attempts}`);
    await expect(retry(run, policy(4), { ...rules, failure })).rejects.toThrow('try again × 4');
    expect(calls).toHaveLength(4);
    expect(waits).toHaveLength(3);
  });

  it('does not try again what the classifier calls final, nor wait', async () => {
    waits.length = 0;
    const { run, calls } = flaky(1, false);
    const error = await retry(run, policy(4), {
      ...rules,
      failure: (e, attempts) => ({ e, attempts }),
    }).catch((e: unknown) => e);
    expect(error).toEqual({ e: expect.any(Flaky), attempts: 1 });
    expect(calls).toEqual([1]);
    expect(waits).toEqual([]);
  });

  it('waits what the failure asks for (Retry-After) instead of the backoff', async () => {
    waits.length = 0;
    expect(await retry(flaky(2).run, policy(3), { ...rules, waitFor: () => 1234 })).toBe('ok');
    expect(waits).toEqual([1234, 1234]);
  });

  it('with one attempt, tries once', async () => {
    const { run, calls } = flaky(1);
    await expect(retry(run, policy(1), rules)).rejects.toThrow('try again');
    expect(calls).toEqual([1]);
  });
});

describe('backoffCeilings', () => {
  it('doubles from the base and stops at the cap', () => {
    expect(backoffCeilings({ attempts: 7, baseDelayMs: 1000, maxDelayMs: 10_000 })).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    expect(backoffCeilings({ attempts: 1, baseDelayMs: 1000, maxDelayMs: 10_000 })).toEqual([]);
  });
});
