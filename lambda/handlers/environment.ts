import { ALLOW_SHRINK_ENV, PUBLISHER_ENV } from '../contract/index.ts';

export type PublisherEnvironment = { readonly [K in keyof typeof PUBLISHER_ENV]: string } & {
  /** @default false */
  readonly allowShrink?: boolean;
};

/** Reads every variable at once so that a misconfigured function fails at cold start, naming every missing one. */
export function readPublisherEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): PublisherEnvironment {
  const entries = Object.entries(PUBLISHER_ENV).map(
    ([field, name]) => [field, env[name]?.trim() ?? ''] as const,
  );
  const missing = entries
    .filter(([, value]) => value === '')
    .map(([field]) => PUBLISHER_ENV[field as keyof typeof PUBLISHER_ENV]);
  if (missing.length > 0)
    throw new Error(`The publisher function needs the environment variable(s) ${missing.join(', ')}`);
  const shrink = env[ALLOW_SHRINK_ENV]?.trim() ?? '';
  if (shrink !== '' && shrink !== 'true' && shrink !== 'false')
    throw new Error(`${ALLOW_SHRINK_ENV} must be true or false, got ${JSON.stringify(shrink)}`);
  const environment: PublisherEnvironment = {
    ...(Object.fromEntries(entries) as { [K in keyof typeof PUBLISHER_ENV]: string }),
    allowShrink: shrink === 'true',
  };
  if (!/^https?:\/\/[^/]/.test(environment.siteUrl)) {
    throw new Error(
      `${PUBLISHER_ENV.siteUrl} must be an http(s) URL, got ${JSON.stringify(environment.siteUrl)}`,
    );
  }
  return environment;
}
