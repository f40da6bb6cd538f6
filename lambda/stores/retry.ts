import { StoreError } from './store-error.ts';

/** How a store retries a request that failed in a way that may pass: exponential backoff, full jitter. */
export interface RetryPolicy {
  /** Tries in all, the first included. @default 4 */
  attempts: number;
  /** The first backoff's ceiling; each next one doubles it. @default 200 */
  baseDelayMs: number;
  /** No backoff is longer. @default 5000 */
  maxDelayMs: number;
  /** How to wait; tests may pass a fake clock. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 200, maxDelayMs: 5_000 };

/** HTTP statuses worth another try: throttling and server-side failures. */
const TRANSIENT_STATUS = new Set([429, 500, 502, 503, 504]);
const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'SlowDown',
  'ThrottlingException',
  'InternalError',
  'ServiceUnavailable',
]);
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** A failure another try may not meet: a server error, throttling, a timeout, a dropped connection. */
export function isTransient(error: unknown): boolean {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const status = e?.$metadata?.httpStatusCode;
  return (
    (status !== undefined && TRANSIENT_STATUS.has(status)) ||
    TRANSIENT_NAMES.has(e?.name ?? '') ||
    TRANSIENT_CODES.has(e?.code ?? '')
  );
}

/**
 * Runs a request, again after a backoff while it fails transiently; then throws one StoreError that
 * says what failed, where, after how many tries and why. `run` makes its request afresh each time
 * (a streamed body cannot be sent twice).
 */
export async function withRetries<T>(
  what: { operation: string; location: string; key: string },
  policy: RetryPolicy,
  run: () => Promise<T>,
): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= policy.attempts || !isTransient(error))
        throw new StoreError({ ...what, attempts: attempt, cause: error });
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await sleep(Math.random() * ceiling);
    }
  }
}
