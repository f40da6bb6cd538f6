import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Effect, PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Construct } from 'constructs';
import {
  ALLOW_SHRINK_ENV,
  PUBLISHER_ENV,
  REPORTS_PREFIX,
  SOURCES_PREFIX,
  VERSIONS_PREFIX,
} from '../lambda/contract/index.ts';
import type { AppConfig } from './config.ts';
import { AccessLogs } from './constructs/access-logs.ts';
import { PublishSchedule } from './constructs/publish-schedule.ts';
import { Publisher } from './constructs/publisher.ts';
import { PublisherAlarms } from './constructs/publisher-alarms.ts';
import { ReportSource } from './constructs/report-source.ts';
import { StaticSite } from './constructs/static-site.ts';
import { acknowledge, acknowledgeCdkInternals, arnWildcard } from './nag-acknowledgements.ts';

export interface OpendataStackProps extends StackProps {
  /**
   * The validated deploy settings (lib/config.ts).
   */
  readonly config: AppConfig;
}

/** The whole AWS half: constructs wired together, and the access each gets to the others. */
export class OpendataStack extends Stack {
  readonly source: ReportSource;
  readonly site: StaticSite;
  readonly publisher: Publisher;
  readonly schedule: PublishSchedule;
  readonly alarms: PublisherAlarms;

  constructor(scope: Construct, id: string, props: OpendataStackProps) {
    super(scope, id, props);
    const { config } = props;
    const retain = config.retainData;
    Tags.of(this).add('site', config.siteName);
    const logs = new AccessLogs(this, 'AccessLogs', { retain });
    this.source = new ReportSource(this, 'Source', { accessLogs: logs.bucket, retain });
    this.site = this.createSite(config, logs);
    this.publisher = this.createPublisher(config);
    this.grantPublisherAccess();
    this.publishOnReportChanges();
    this.schedule = new PublishSchedule(this, 'Schedule', {
      target: this.publisher.function,
      expression: config.schedule,
      timeZone: config.scheduleTimeZone,
      deadLetterQueue: this.publisher.deadLetterQueue,
    });
    this.alarms = new PublisherAlarms(this, 'Alarms', {
      function: this.publisher.function,
      deadLetterQueue: this.publisher.deadLetterQueue,
      namePrefix: config.siteName,
      ...(config.alarmEmail ? { email: config.alarmEmail } : {}),
    });
    acknowledgeCdkInternals(this);
    this.addOutputs();
  }

  /** The site bucket and distribution, on the custom domain when one is configured. */
  private createSite(config: AppConfig, logs: AccessLogs): StaticSite {
    const domain = config.customDomain;
    return new StaticSite(this, 'Site', {
      accessLogs: logs.bucket,
      comment: `${config.siteName} open data`,
      retain: config.retainData,
      ...(domain
        ? {
            customDomain: {
              domainName: domain.domainName,
              certificate: Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn),
            },
          }
        : {}),
    });
  }

  /** The publisher function, told through its environment where the buckets, distribution and pointer are. */
  private createPublisher(config: AppConfig): Publisher {
    return new Publisher(this, 'Publisher', {
      environment: {
        [PUBLISHER_ENV.sourceBucket]: this.source.bucket.bucketName,
        [PUBLISHER_ENV.siteBucket]: this.site.bucket.bucketName,
        [PUBLISHER_ENV.distributionId]: this.site.distribution.distributionId,
        [PUBLISHER_ENV.siteUrl]: this.site.url,
        [PUBLISHER_ENV.versionPointerArn]: this.site.versionPointer.keyValueStoreArn,
        [ALLOW_SHRINK_ENV]: String(config.allowShrink),
      },
    });
  }

  /** A report added or removed under reports/ starts a publication. */
  private publishOnReportChanges(): void {
    const fn = this.publisher.function;
    for (const event of [EventType.OBJECT_CREATED, EventType.OBJECT_REMOVED]) {
      this.source.bucket.addEventNotification(event, new LambdaDestination(fn), { prefix: REPORTS_PREFIX });
    }
    // Seed only once the notifications are on, so that the first deploy's reports start the first publication.
    this.source.seed.node.addDependency(this.source.bucket.node.findChild('Notifications'));
  }

  /**
   * Written out rather than `grantRead`/`grantReadWrite`: the function reads only `reports/`, deletes
   * nothing in the source bucket, and lists only to tell a missing key (404) from a forbidden one (403).
   * In the site bucket it deletes its run marker (`publishing.json`) at the end of every publication
   * and the stable copy of a file that went away, but never a version: that is denied outright.
   */
  private grantPublisherAccess(): void {
    this.grantSourceAccess();
    this.grantSiteAccess();
    this.grantPointerAccess();
    this.acknowledgeObjectWildcards();
  }

  private grantSourceAccess(): void {
    const source = this.source.bucket;
    // Unconditioned: S3 answers a GetObject of a missing key with 404 only to a caller that may list
    // the bucket (a prefix condition does not count there), and the publisher and the scheduled fetch
    // both probe for keys that may not exist yet (a sidecar, a first report, the fetch state).
    this.publisher.function.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:ListBucket'],
        resources: [source.bucketArn],
      }),
    );
    // Reports are read by publish and written by the scheduled fetch; sources/ holds the fetched
    // originals and the fetch state. Nothing is ever deleted.
    this.publisher.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [source.arnForObjects(`${REPORTS_PREFIX}*`), source.arnForObjects(`${SOURCES_PREFIX}*`)],
      }),
    );
  }

  private grantSiteAccess(): void {
    const fn = this.publisher.function;
    const site = this.site.bucket;
    fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [site.bucketArn] }));
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [site.arnForObjects('*')],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        actions: ['s3:DeleteObject'],
        resources: [site.arnForObjects(`${VERSIONS_PREFIX}*`)],
      }),
    );
    this.site.distribution.grantCreateInvalidation(fn);
  }

  /** KeyValueStore has no grant methods: the publisher reads its ETag and switches its one key. */
  private grantPointerAccess(): void {
    this.publisher.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['cloudfront-keyvaluestore:DescribeKeyValueStore', 'cloudfront-keyvaluestore:PutKey'],
        resources: [this.site.versionPointer.keyValueStoreArn],
      }),
    );
  }

  private acknowledgeObjectWildcards(): void {
    const role = this.publisher.function.role as Role;
    const source = this.source.bucket;
    acknowledge(
      role,
      arnWildcard(source, `/${REPORTS_PREFIX}*`),
      'The publisher reads every report and the scheduled fetch writes them: the objects under reports/.',
    );
    acknowledge(
      role,
      arnWildcard(source, `/${SOURCES_PREFIX}*`),
      'The scheduled fetch archives every fetched original and keeps its state under sources/ and nowhere else.',
    );
    acknowledge(
      role,
      arnWildcard(this.site.bucket, '/*'),
      'The publisher writes the whole site: every object of the site bucket, which holds nothing else.',
    );
  }

  private addOutputs(): void {
    const outputs: Record<string, [string, string]> = {
      SiteUrl: [this.site.url, 'Where the published open data is served'],
      SourceBucketName: [this.source.bucket.bucketName, `Upload reports under s3://<this>/${REPORTS_PREFIX}`],
      SiteBucketName: [this.site.bucket.bucketName, 'The published files (served only through CloudFront)'],
      DistributionId: [this.site.distribution.distributionId, 'The CloudFront distribution'],
      VersionPointerArn: [
        this.site.versionPointer.keyValueStoreArn,
        'The KeyValueStore whose key "current" names the version the stable URLs serve',
      ],
      FunctionName: [
        this.publisher.function.functionName,
        'Invoke with {"force": true} to republish by hand',
      ],
    };
    for (const [id, [value, description]] of Object.entries(outputs))
      new CfnOutput(this, id, { value, description });
  }
}
