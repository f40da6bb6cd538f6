import { Logger } from '@aws-lambda-powertools/logger';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudFrontKeyValueStoreClient } from '@aws-sdk/client-cloudfront-keyvaluestore';
import correctionsJson from '../../data/corrections.json' with { type: 'json' };
import siteJson from '../../data/site.json' with { type: 'json' };
import sourcesJson from '../../data/sources.json' with { type: 'json' };
import { parseSources } from '../fetch/sources.ts';
import { parseCorrections, parseSiteSettings } from '../pipeline/report/index.ts';
import { createS3Client } from '../stores/s3-client.ts';
import { readPublisherEnvironment } from './environment.ts';
import { createPublishHandler } from './publish-handler.ts';

// Read once per cold start: a misconfigured function fails before it handles any event.
const environment = readPublisherEnvironment(process.env);
// Bundled into the function; the deployed site URL replaces its baseUrl.
const settings = parseSiteSettings(new TextEncoder().encode(JSON.stringify(siteJson)), 'data/site.json');
// The registry of report pages the schedule fetches, bundled like the settings: edit it and deploy.
const sources = parseSources(new TextEncoder().encode(JSON.stringify(sourcesJson)), 'data/sources.json');
// The publisher's corrections of figures, bundled like the settings: edit data/corrections.json and deploy.
const corrections = {
  file: 'corrections.json',
  corrections: parseCorrections(
    new TextEncoder().encode(JSON.stringify(correctionsJson)),
    'data/corrections.json',
  ),
};

export const handler = createPublishHandler({
  environment,
  settings,
  // One attempt per request in the SDK: S3Store retries with backoff itself (lambda/stores/store-retry.ts).
  s3: createS3Client(),
  cloudfront: new CloudFrontClient({}),
  keyValueStore: new CloudFrontKeyValueStoreClient({}),
  logger: new Logger({ serviceName: 'opendata-publisher' }),
  sources,
  corrections,
});
