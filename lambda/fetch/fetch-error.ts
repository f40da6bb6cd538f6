/**
 * A page that could not be fetched: one sentence for the report, whether trying again may help, and
 * the HTTP status when the server answered (so callers decide on it without parsing the sentence).
 */
import { ReportError } from '../pipeline/errors.ts';

export class FetchError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** Whether the server said the page is not there (404) or gone (410), as opposed to failing. */
export function isNotFound(error: unknown): error is FetchError {
  return error instanceof FetchError && (error.status === 404 || error.status === 410);
}

/** The one sentence for a failure: the URL first (unless the message starts with one), then what went wrong. */
export function problemOf(error: unknown, url: string): string {
  if (error instanceof FetchError)
    return error.message.startsWith('http') ? error.message : `${url}: ${error.message}`;
  if (error instanceof ReportError) return error.message;
  throw error;
}
