import { fileURLToPath } from 'node:url';
import { Duration, Size } from 'aws-cdk-lib';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag-acknowledgements.ts';
import { HouseNodejsFunction } from './house-function.ts';

export interface PublisherProps {
  /**
   * Environment of the handler (lambda/contract/publisher-environment.ts names the variables; lambda/handlers/environment.ts reads them).
   */
  readonly environment: Readonly<Record<string, string>>;
  /**
   * Path to the handler file.
   * @default lambda/handlers/publish.ts
   */
  readonly entry?: string;
  /**
   * How often a failed asynchronous invocation is retried before it goes to the dead-letter queue.
   * @default 2
   */
  readonly retryAttempts?: number;
  /**
   * How long failed invocations stay in the dead-letter queue.
   * @default Duration.days(14)
   */
  readonly deadLetterRetention?: Duration;
}

const PUBLISHER_ENTRY = fileURLToPath(new URL('../../lambda/handlers/publish.ts', import.meta.url));

/** Where the portal's stylesheets and script are, from the project root (esbuild's input dir). */
const PORTAL_ASSETS = 'lambda/pipeline/portal/assets';

/**
 * The portal's assets are files that the handler reads at run time (lambda/publish/portal-assets.ts),
 * not modules esbuild follows: they are copied beside the bundled index.mjs, as `portal-assets/`.
 */
const PORTAL_ASSETS_HOOKS: ICommandHooks = {
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (inputDir, outputDir) => [
    `cp -R "${inputDir}/${PORTAL_ASSETS}" "${outputDir}/portal-assets"`,
  ],
};

/**
 * The publisher function, one run at a time (reserved concurrency 1: two runs writing the same
 * site would race), with the events of failed asynchronous invocations kept in a dead-letter queue.
 */
export class Publisher extends Construct {
  readonly function: HouseNodejsFunction;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: PublisherProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: props.deadLetterRetention ?? Duration.days(14),
    });
    acknowledge(
      this.deadLetterQueue,
      'AwsSolutions-SQS3',
      'This queue is the dead-letter queue (the on-failure destination of the function and of the schedule).',
    );
    this.function = new HouseNodejsFunction(this, 'Function', {
      entry: props.entry ?? PUBLISHER_ENTRY,
      description: 'Publishes the figures of the reports in the source bucket to the site bucket',
      reservedConcurrentExecutions: 1,
      // The result cache lives in /tmp between warm invocations (about 220 MB a thousand reports).
      ephemeralStorageSize: Size.gibibytes(4),
      environment: { ...props.environment },
      retryAttempts: props.retryAttempts ?? 2,
      // Throttled events (a run is already going) wait and retry for up to this long.
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetterQueue),
      bundling: { commandHooks: PORTAL_ASSETS_HOOKS },
    });
  }
}
