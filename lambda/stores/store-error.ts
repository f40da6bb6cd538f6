/**
 * A store could not be read or written (S3 down, a timeout, access denied), even after retries: one
 * sentence naming the operation, the object and the cause. The publication it interrupted left the
 * published site as it was; the next run finishes the job.
 */
export class StoreError extends Error {
  override name = 'StoreError';
  readonly operation: string;
  readonly location: string;
  readonly key: string;
  readonly attempts: number;

  constructor(input: { operation: string; location: string; key: string; attempts: number; cause: unknown }) {
    const tries = input.attempts === 1 ? '1 try' : `${input.attempts} tries`;
    super(
      `${input.operation} ${input.location}${input.key} failed after ${tries}: ${describe(input.cause)}`,
      {
        cause: input.cause,
      },
    );
    this.operation = input.operation;
    this.location = input.location;
    this.key = input.key;
    this.attempts = input.attempts;
  }
}

function describe(error: unknown): string {
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = e?.$metadata?.httpStatusCode;
  const name = e?.code ?? e?.name ?? 'Error';
  const message = e?.message && e.message !== name && e.message !== 'UnknownError' ? `: ${e.message}` : '';
  return `${name}${status ? ` (HTTP ${status})` : ''}${message}`;
}
