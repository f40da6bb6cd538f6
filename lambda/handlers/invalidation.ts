import { randomUUID } from 'node:crypto';
import { type CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { INDEX_PAGE } from '../contract/index.ts';

/** Beyond this many paths one wildcard is cheaper (CloudFront bills a wildcard as one path). */
export const MAX_LISTED_PATHS = 100;

/**
 * The viewer paths to invalidate after these keys were written: `/` + key, and `/` for the index
 * page the distribution serves as its default root object. `force` clears everything.
 */
export function invalidationPaths(writtenKeys: readonly string[], force = false): string[] {
  if (force) return ['/*'];
  const paths = new Set<string>();
  for (const key of writtenKeys) {
    if (key === INDEX_PAGE) paths.add('/');
    paths.add(`/${key.split('/').map(encodeURIComponent).join('/')}`);
  }
  if (paths.size > MAX_LISTED_PATHS) return ['/*'];
  return [...paths].sort();
}

/** Asks CloudFront to drop these paths from its caches; returns the invalidation id. */
export async function invalidate(
  client: CloudFrontClient,
  distributionId: string,
  paths: readonly string[],
): Promise<string | undefined> {
  const out = await client.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: {
        CallerReference: randomUUID(),
        Paths: { Quantity: paths.length, Items: [...paths] },
      },
    }),
  );
  return out.Invalidation?.Id;
}
