/** A page that could not be fetched: one sentence for the report, and whether trying again may help. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}
