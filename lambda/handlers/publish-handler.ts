import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { CloudFrontKeyValueStoreClient } from '@aws-sdk/client-cloudfront-keyvaluestore';
import type { S3Client } from '@aws-sdk/client-s3';
import { REPORTS_PREFIX, sha256Hex } from '../contract/index.ts';
import { type FetchSummary, fetchSources } from '../fetch/fetch-sources.ts';
import type { Source } from '../fetch/sources.ts';
import type { SiteSettings } from '../pipeline/report/index.ts';
import type { PublishedCorrections } from '../publish/plan.ts';
import { type PublishSummary, publish } from '../publish/publish.ts';
import { ShrinkRefusedError } from '../publish/shrink-guard.ts';
import { S3Store } from '../stores/s3-store.ts';
import type { PublisherEnvironment } from './environment.ts';
import { classifyEvent, type Trigger } from './events.ts';
import { invalidate, invalidationPaths } from './invalidation.ts';
import { KeyValueStorePointer } from './kvs-pointer.ts';
import { createSiteActions, type SiteActionResult } from './site-actions.ts';

/** The part of a structured logger the handler uses (Powertools Logger in Lambda). */
export interface HandlerLogger {
  info(message: string, extra: Record<string, unknown>): void;
  error(message: string, extra: Record<string, unknown>): void;
}

export interface PublishHandlerDependencies {
  environment: PublisherEnvironment;
  settings: SiteSettings;
  s3: S3Client;
  cloudfront: CloudFrontClient;
  keyValueStore: CloudFrontKeyValueStoreClient;
  logger: HandlerLogger;
  /** The clock, read once per run. @default () => new Date() */
  clock?: () => Date;
  /** Report pages fetched before the schedule's and the manual runs publish (data/sources.json). @default [] */
  sources?: Source[];
  /** Let fetches reach private and loopback addresses: tests only. @default false */
  allowPrivateSources?: boolean;
  /** The publisher's corrections of figures (data/corrections.json, bundled). @default none */
  corrections?: PublishedCorrections;
}

/** What a run did: the fetch (when it fetched), the publication, and the CloudFront paths it invalidated. */
export interface PublishResult extends PublishSummary {
  invalidated: string[];
  fetch?: FetchSummary;
}

/** Some registered report pages could not be fetched; their last good reports were published. */
export class FetchProblemsError extends Error {
  override name = 'FetchProblemsError';
  constructor(readonly fetch: FetchSummary) {
    const sources = fetch.failed.map((f) => `${f.id}: ${f.problem}`).join('; ');
    super(`${fetch.failed.length} source(s) could not be fetched: ${sources}`);
  }
}

/** Some reports could not be published; the others were. Thrown so that the run counts as failed. */
export class ReportProblemsError extends Error {
  override name = 'ReportProblemsError';
  constructor(readonly summary: PublishSummary) {
    const files = summary.problems
      .map((p) => `${p.file}: ${p.problem}${p.kept ? ` (kept at ${p.kept})` : ''}`)
      .join('; ');
    super(`${summary.problems.length} report(s) could not be published as they are now: ${files}`);
  }
}

/**
 * The Lambda handler, given what it works with. Publishes the whole site whatever the trigger,
 * switches the KeyValueStore pointer, invalidates the stable paths that changed, and fails the
 * invocation when a report was left out.
 */
export function createPublishHandler(dependencies: PublishHandlerDependencies) {
  const publisher = publisherOf(dependencies);
  return async function handler(event: unknown): Promise<PublishResult | SiteActionResult> {
    const trigger = classifyEvent(event);
    if (trigger.kind === 'rollback' || trigger.kind === 'release') return publisher.siteActions(trigger);
    return publishSite(publisher, trigger);
  };
}

type PublishTrigger = Exclude<Trigger, { kind: 'rollback' | 'release' }>;

/** What every invocation works with, made once per cold start. */
interface Publisher {
  dependencies: PublishHandlerDependencies;
  /** The bundled settings with the deployed site's URL. */
  settings: SiteSettings;
  clock: () => Date;
  source: S3Store;
  target: S3Store;
  archive: S3Store;
  pointer: KeyValueStorePointer;
  siteActions: ReturnType<typeof createSiteActions>;
}

function publisherOf(dependencies: PublishHandlerDependencies): Publisher {
  const { environment, s3, cloudfront } = dependencies;
  const clock = dependencies.clock ?? (() => new Date());
  const settings: SiteSettings = {
    ...dependencies.settings,
    baseUrl: environment.siteUrl.replace(/\/+$/, ''),
  };
  const source = new S3Store(s3, environment.sourceBucket, REPORTS_PREFIX);
  const target = new S3Store(s3, environment.siteBucket);
  const pointer = new KeyValueStorePointer(dependencies.keyValueStore, environment.versionPointerArn);
  // Originals and the fetch state live beside reports/ in the source bucket, under sources/.
  const archive = new S3Store(s3, environment.sourceBucket);
  const siteActions = createSiteActions({
    target,
    settings,
    pointer,
    logger: dependencies.logger,
    clock,
    invalidate: async (paths) => {
      await invalidate(cloudfront, environment.distributionId, paths);
    },
  });
  return { dependencies, settings, clock, source, target, archive, pointer, siteActions };
}

/** Fetches, publishes and invalidates what changed; throws when a report or a source was left out. */
async function publishSite(publisher: Publisher, trigger: PublishTrigger): Promise<PublishResult> {
  const { logger } = publisher.dependencies;
  const fetched = await fetchRegistered(publisher, trigger);
  if (fetched) logger.info('Fetched', { ...fetched });
  const summary = await publishAll(publisher, trigger);
  if (summary.pinned) {
    logger.info('Pinned', { pinned: summary.pinned, release: 'npm run rollback -- --release' });
    return { ...summary, invalidated: [], ...(fetched ? { fetch: fetched } : {}) };
  }
  const paths = await invalidateChanged(publisher, trigger, summary);
  if (summary.problems.length > 0) {
    logger.error('Reports left out', { problems: summary.problems });
    throw new ReportProblemsError(summary);
  }
  if (fetched && fetched.failed.length > 0) {
    logger.error('Sources not fetched', { failed: fetched.failed });
    throw new FetchProblemsError(fetched);
  }
  return { ...summary, invalidated: paths, ...(fetched ? { fetch: fetched } : {}) };
}

/**
 * The registered report pages, fetched before publishing. S3 events only republish: the fetch itself
 * writes under reports/, which would loop.
 */
async function fetchRegistered(
  publisher: Publisher,
  trigger: PublishTrigger,
): Promise<FetchSummary | undefined> {
  const { dependencies } = publisher;
  const sources = dependencies.sources ?? [];
  if (trigger.kind === 's3' || sources.length === 0) return undefined;
  return fetchSources({
    sources,
    reports: publisher.source,
    archive: publisher.archive,
    now: publisher.clock,
    allowPrivate: dependencies.allowPrivateSources ?? false,
  });
}

/**
 * Where the function keeps its result cache: its ephemeral storage (4 GiB, lib/constructs/publisher.ts),
 * a folder a site, so that two sites (or two tests) never collect each other's entries.
 */
function cacheFolderOf(target: { location: string }): string {
  return join(tmpdir(), 'opendata-cache', sha256Hex(target.location).slice(0, 16));
}

/** The publication, with a refusal to drop most reports logged with what to do about it. */
async function publishAll(publisher: Publisher, trigger: PublishTrigger): Promise<PublishSummary> {
  const { logger, environment } = publisher.dependencies;
  const { source, target } = publisher;
  logger.info('Publishing', { trigger, source: source.location, target: target.location });
  return publish({
    source,
    target,
    settings: publisher.settings,
    ...(publisher.dependencies.corrections ? { corrections: publisher.dependencies.corrections } : {}),
    now: publisher.clock(),
    pointers: [publisher.pointer],
    archive: publisher.archive,
    // One process: the function has about one core, and its bundle carries no worker entry. Its
    // /tmp outlives a run while the function stays warm, so the next run finds what this one made.
    workers: 1,
    cacheFolder: cacheFolderOf(target),
    cacheMaxBytes: 3 * 1024 ** 3,
    allowShrink: environment.allowShrink === true || (trigger.kind === 'manual' && trigger.allowShrink),
  }).catch((error: unknown) => {
    if (error instanceof ShrinkRefusedError)
      logger.error('Publication refused', {
        problem: error.message,
        live: error.live,
        dropped: error.dropped,
        fix: 'if intended, invoke once with {"allowShrink": true}, or deploy with -c allowShrink=true',
      });
    throw error;
  });
}

/** Invalidates the stable paths that changed (all of them when forced) and logs the run; gives the paths. */
async function invalidateChanged(
  publisher: Publisher,
  trigger: PublishTrigger,
  summary: PublishSummary,
): Promise<string[]> {
  const { logger, cloudfront, environment } = publisher.dependencies;
  const paths = invalidationPaths(summary.changed, trigger.kind === 'manual' && trigger.force);
  const invalidationId =
    paths.length > 0 ? await invalidate(cloudfront, environment.distributionId, paths) : undefined;
  logger.info('Published', {
    version: summary.version,
    newVersion: summary.newVersion,
    reports: summary.reports.length,
    figures: summary.figures,
    written: summary.written.length,
    copied: summary.copied,
    unchanged: summary.unchanged,
    invalidation: invalidationId ? { id: invalidationId, paths } : null,
  });
  return paths;
}
