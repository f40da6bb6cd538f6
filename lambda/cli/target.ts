import { basename, dirname, join, resolve } from 'node:path';
import { MANIFEST_KEY } from '../contract/index.ts';
import { lockFolder } from '../publish/lock.ts';
import { FsStore } from '../stores/fs-store.ts';
import type { S3Store } from '../stores/s3-store.ts';
import type { Store } from '../stores/store.ts';
import { StoreConfigurationError, StoreError } from '../stores/store-error.ts';
import type { TargetOptions } from './target-options.ts';
import { UsageError } from './usage.ts';

/** A published site to read or write, and how to hold it while writing. */
interface SiteTarget {
  store: Store;
  /** Where a publication keeps each report's results between runs (`--cache`, else beside the site). */
  cacheFolder: string;
  /** Takes the folder's lock (a bucket has none here: on AWS one function runs at a time). */
  lock(): Promise<() => Promise<void>>;
}

/**
 * The site the options name. A bucket is checked with one request before anything is built, so a
 * server that is not running, missing credentials or a missing bucket are told as such (exit 4).
 * The S3 client is loaded only for a bucket: a folder's commands do without the AWS SDK.
 */
export async function openTarget(options: TargetOptions): Promise<SiteTarget> {
  if (Boolean(options.out) === Boolean(options.bucket))
    throw new UsageError('give either --out <dir> or --bucket <name>');
  if (options.out) {
    const dir = options.out;
    return { store: new FsStore(dir), cacheFolder: defaultCacheFolder(dir), lock: () => lockFolder(dir) };
  }
  if (options.endpoint !== undefined && !/^https?:\/\/[^/]/.test(options.endpoint))
    throw new UsageError(`--endpoint must be an http(s) URL, got "${options.endpoint}"`);
  const [{ createS3Client }, { S3Store }] = await Promise.all([
    import('../stores/s3-client.ts'),
    import('../stores/s3-store.ts'),
  ]);
  const client = createS3Client({
    endpoint: options.endpoint,
    region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
  });
  const store = new S3Store(client, options.bucket as string, options.prefix);
  await checkBucket(store, options.endpoint);
  const cacheFolder = join(resolve('.opendata-cache'), 's3', options.bucket as string, options.prefix);
  return { store, cacheFolder, lock: async () => async () => {} };
}

/**
 * Where the results of a site folder's reports are kept between runs: beside it, in
 * `.opendata-cache/<its name>`, never inside it (the folder is the site, and is served and copied
 * as it is). Each site has its own, which its lock covers.
 */
export function defaultCacheFolder(siteFolder: string): string {
  const site = resolve(siteFolder);
  return join(dirname(site), '.opendata-cache', basename(site));
}

const UNREACHABLE = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|TimeoutError)\b/;

async function checkBucket(store: S3Store, endpoint: string | undefined): Promise<void> {
  try {
    await store.checkAccess(MANIFEST_KEY);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    if (error.configuration) {
      const local =
        endpoint && /credentials/.test(error.configuration) ? ' (s3rver takes S3RVER / S3RVER)' : '';
      throw new StoreConfigurationError(`${store.location}: ${error.configuration}${local}`);
    }
    const unreachable = UNREACHABLE.exec(error.message)?.[1];
    if (!unreachable) throw error;
    throw new StoreConfigurationError(
      `cannot reach the S3 endpoint ${endpoint ?? 'of AWS'} (${unreachable}): is the server running, and is --endpoint right?`,
    );
  }
}
