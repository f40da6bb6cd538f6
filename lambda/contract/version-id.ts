/**
 * A version id sorts by time and ends with a hash of its content: `20261127T052300Z-3f0c9a1b2c4d`.
 * The CloudFront function (lambda/serve/version-pointer.js) spells the same pattern; a test holds it to this one.
 */
export const VERSION_ID = /^\d{8}T\d{6}Z-[0-9a-f]{12}$/;

export function isVersionId(value: unknown): value is string {
  return typeof value === 'string' && VERSION_ID.test(value);
}

/** `2026-11-27T05:23:00.123Z` + hash → `20261127T052300Z-<first 12 hex of the hash>`. */
export function versionId(created: string, contentHash: string): string {
  const time = created.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
  const id = `${time}-${contentHash.slice(0, 12)}`;
  if (!VERSION_ID.test(id)) throw new Error(`Cannot make a version id from ${JSON.stringify(created)}`);
  return id;
}
