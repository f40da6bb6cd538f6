import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createPublishHandler,
  type HandlerLogger,
  type PublishHandlerDependencies,
} from '../../lambda/handlers/publish-handler.ts';
import { parseSiteSettings } from '../../lambda/pipeline/report/settings.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';
import { PROJECT_ROOT } from '../support/temp.ts';
import { type FakeCloudFront, startFakeCloudFront } from './fake-cloudfront.ts';
import { type FakeKeyValueStore, KVS_ARN, startFakeKeyValueStore } from './fake-kvs.ts';

export const SITE_URL = 'https://d111111abcdef8.cloudfront.net';
export const DISTRIBUTION_ID = 'E2EXAMPLE';

/** What the publisher talks to on AWS, on 127.0.0.1: s3rver with a source and a site bucket, fake CloudFront and KVS. */
export interface LocalAws {
  s3: LocalS3;
  cloudfront: FakeCloudFront;
  kvs: FakeKeyValueStore;
  close(): Promise<void>;
}

export async function startLocalAws(): Promise<LocalAws> {
  const directory = await mkdtemp(join(tmpdir(), 's3rver-handler-'));
  const s3 = await startLocalS3(directory, ['source', 'site']);
  const cloudfront = await startFakeCloudFront();
  const kvs = await startFakeKeyValueStore();
  return {
    s3,
    cloudfront,
    kvs,
    close: async () => {
      await cloudfront.close();
      await kvs.close();
      await s3.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

const settings = parseSiteSettings(await readFile(new URL('data/site.json', PROJECT_ROOT)), 'data/site.json');

/** The real handler wired to the local services, as the stack wires it to the real ones. */
export function localHandler(
  aws: LocalAws,
  options: {
    logger: HandlerLogger;
    clock: () => Date;
    siteUrl?: string;
    allowShrink?: boolean;
  } & Pick<PublishHandlerDependencies, 'sources' | 'allowPrivateSources'>,
) {
  const { logger, clock, siteUrl = SITE_URL, allowShrink = false, ...rest } = options;
  return createPublishHandler({
    environment: {
      sourceBucket: 'source',
      siteBucket: 'site',
      distributionId: DISTRIBUTION_ID,
      versionPointerArn: KVS_ARN,
      siteUrl,
      allowShrink,
    },
    settings,
    s3: aws.s3.client,
    cloudfront: aws.cloudfront.client,
    keyValueStore: aws.kvs.client,
    logger,
    clock,
    ...rest,
  });
}
