/**
 * Trying again what failed in a way that may pass, one way for every part that does: S3 requests,
 * report pages and the KeyValueStore pointer. p-retry counts the attempts and stops on what the
 * caller's classifier calls final. The wait is ours, for two reasons: p-retry's jitter only
 * stretches a wait by 1–2×, where full jitter (a random wait under a ceiling that doubles each retry)
 * keeps clients that failed together from retrying together; and it waits with its own setTimeout,
 * where tests pass a sleep that only records. So p-retry's own delay is kept at zero and the wait is
 * slept in `shouldRetry`, the one hook it calls only when another attempt will follow.
 */
import pRetry from 'p-retry';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The ceiling of the first wait; each next one doubles it. */
  baseDelayMs: number;
  /** No wait is longer. */
  maxDelayMs: number;
  /** How to wait; tests may pass a fake clock. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** Picks the wait under the ceiling, in [0, 1). @default Math.random */
  random?: () => number;
}

export interface RetryRules {
  /** Whether another try may succeed (a timeout, throttling, a server error, a conflict). */
  isTransient(error: unknown): boolean;
  /** A wait the failure itself asks for (an HTTP Retry-After), instead of the backoff. */
  waitFor?(error: unknown): number | undefined;
  /** What to throw once it is given up, after `attempts` tries. @default the last error */
  failure?(error: unknown, attempts: number): unknown;
}

/** The ceiling of the wait before retry number `retry` (0-based): base·2^retry, capped. */
function backoffCeiling(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
}

/** The ceilings of every wait a policy allows, one per retry. */
export function backoffCeilings(policy: Omit<RetryPolicy, 'sleep' | 'random'>): number[] {
  return Array.from({ length: Math.max(0, policy.attempts - 1) }, (_, retry) =>
    backoffCeiling(retry, policy),
  );
}

/**
 * Runs `run` (which makes its request afresh each time: a streamed body cannot be sent twice) until
 * it succeeds, fails for good, or has been tried `policy.attempts` times.
 */
export async function retry<T>(
  run: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  rules: RetryRules,
): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = policy.random ?? Math.random;
  let attempts = 0;
  try {
    return await pRetry(
      (attempt) => {
        attempts = attempt;
        return run(attempt);
      },
      {
        retries: Math.max(0, policy.attempts - 1),
        minTimeout: 0,
        maxTimeout: 0,
        shouldRetry: async ({ error, retriesConsumed }) => {
          if (!rules.isTransient(error)) return false;
          await sleep(rules.waitFor?.(error) ?? random() * backoffCeiling(retriesConsumed, policy));
          return true;
        },
      },
    );
  } catch (error) {
    throw rules.failure ? rules.failure(error, attempts) : error;
  }
}
