/**
 * A store could not be read or written (S3 down, a timeout, access denied), even after retries: one
 * sentence naming the operation, the object and the cause. The publication it interrupted left the
 * published site as it was; the next run finishes the job, unless `configuration` says that no
 * later run can succeed as the store is set up (no or wrong credentials, a missing bucket).
 */
export class StoreError extends Error {
  override name = 'StoreError';
  readonly operation: string;
  readonly location: string;
  readonly key: string;
  readonly attempts: number;
  /** What to fix when the cause is the store's setup and not a passing failure; undefined otherwise. */
  readonly configuration: string | undefined;

  constructor(input: { operation: string; location: string; key: string; attempts: number; cause: unknown }) {
    const tries = input.attempts === 1 ? '1 try' : `${input.attempts} tries`;
    const configuration = configurationProblem(input.cause);
    super(
      `${input.operation} ${input.location}${input.key} failed after ${tries}: ${describeCause(input.cause)}` +
        (configuration ? `; ${configuration}` : ''),
      { cause: input.cause },
    );
    this.operation = input.operation;
    this.location = input.location;
    this.key = input.key;
    this.attempts = input.attempts;
    this.configuration = configuration;
  }
}

/**
 * The store cannot be used as it is set up: checked before a run starts, so that a wrong endpoint,
 * missing credentials or a missing bucket is one sentence saying what to fix, not a retry loop.
 */
export class StoreConfigurationError extends Error {
  override name = 'StoreConfigurationError';
}

type SdkError = { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };

const CREDENTIAL_REFUSALS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidClientTokenId',
  'ExpiredToken',
  'TokenRefreshRequired',
]);

/** What the operator must change when the cause is the store's setup; undefined for failures that pass. */
function configurationProblem(cause: unknown): string | undefined {
  const e = cause as SdkError;
  const name = e?.name ?? '';
  if (name === 'CredentialsProviderError')
    return 'no credentials were found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE)';
  if (CREDENTIAL_REFUSALS.has(name))
    return 'the credentials were refused: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';
  if (name === 'NoSuchBucket')
    return 'the bucket does not exist: create it, or check --bucket and --endpoint';
  if (name === 'AccessDenied' || e?.$metadata?.httpStatusCode === 403)
    return 'access was denied: the credentials may not use this bucket';
  if (name === 'PermanentRedirect' || e?.$metadata?.httpStatusCode === 301)
    return 'the bucket is in another region: set --region or AWS_REGION';
  return undefined;
}

function describeCause(error: unknown): string {
  const e = error as SdkError;
  const status = e?.$metadata?.httpStatusCode;
  const name = e?.code ?? e?.name ?? 'Error';
  const message = e?.message && e.message !== name && e.message !== 'UnknownError' ? `: ${e.message}` : '';
  return `${name}${status ? ` (HTTP ${status})` : ''}${message}`;
}
