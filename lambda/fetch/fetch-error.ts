/**
 * A page that could not be fetched: one sentence for the report, whether trying again may help, and
 * the HTTP status when the server answered (so callers decide on it without parsing the sentence).
 */
import { ReportError } from '../pipeline/report/index.ts';
import { StoreConfigurationError, StoreError } from '../stores/store-error.ts';

export class FetchError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    /** How long the server asked us to wait before trying again (its Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** Whether the server said the page is not there (404) or gone (410), as opposed to failing. */
export function isNotFound(error: unknown): error is FetchError {
  return error instanceof FetchError && (error.status === 404 || error.status === 410);
}

/**
 * The one sentence for a failure: the URL first (unless the message starts with one), then what went
 * wrong. Any other error is a fault of this code or its machine met on one page (a parser that threw,
 * a folder where a report should be): it stays that page's problem, so the other sources are still
 * fetched, but it is named an internal error, so nobody reads it as a bad page and the run still
 * fails. A store that fails after its retries is the whole run's problem and goes on up (exit 3 or 4).
 */
export function problemOf(error: unknown, url: string): string {
  if (error instanceof FetchError)
    return error.message.startsWith('http') ? error.message : `${url}: ${error.message}`;
  if (error instanceof ReportError) return error.message;
  if (error instanceof StoreError || error instanceof StoreConfigurationError) throw error;
  return `${url}: internal error: ${describeError(error)}`;
}

function describeError(error: unknown): string {
  return error instanceof Error
    ? `${error.name}: ${error.message}`
    : `${typeof error} thrown: ${String(error)}`;
}
