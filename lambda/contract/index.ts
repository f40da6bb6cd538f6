/**
 * The contract: the facts that the pipeline, the publisher, `opendata serve`, the Lambda handlers
 * and the CDK stack must agree on, each spelled once: storage keys, content types, cache-control,
 * security headers, licences, the report-id and version-id rules, the sha256 helper and the
 * publisher's environment. It is pure (no file system, no environment, no SDK) and imports nothing
 * else from lambda/, so every room, lib/ and bin/ can depend on it and it on none of them.
 */
export * from './cache-control.ts';
export * from './content-types.ts';
export * from './http-headers.ts';
export * from './licences.ts';
export * from './publisher-environment.ts';
export * from './report-id.ts';
export * from './sha256.ts';
export * from './storage-keys.ts';
export * from './version-id.ts';
