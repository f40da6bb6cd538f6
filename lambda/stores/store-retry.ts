import { type RetryPolicy, retry } from '../retry.ts';
import { StoreError } from './store-error.ts';

/** 4 tries, waits under 200, 400 and 800 ms: a passing fault costs at most 1.4 s, a lasting one fails soon. */
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
function isTransient(error: unknown): boolean {
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
export function withRetries<T>(
  what: { operation: string; location: string; key: string },
  policy: RetryPolicy,
  run: () => Promise<T>,
): Promise<T> {
  return retry(run, policy, {
    isTransient,
    failure: (cause, attempts) => new StoreError({ ...what, attempts, cause }),
  });
}
