/**
 * A page that could not be fetched: one sentence for the report, whether trying again may help, and
 * the HTTP status when the server answered (so callers decide on it without parsing the sentence).
 */
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
