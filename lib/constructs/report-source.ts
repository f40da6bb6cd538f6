import { fileURLToPath } from 'node:url';
import { RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { REPORTS_PREFIX } from '../../lambda/contract/index.ts';
import { ASSETS_BUCKET_OBJECTS, acknowledge, arnWildcard } from '../nag-acknowledgements.ts';
import { privateBucketProps } from './private-bucket.ts';

export interface ReportSourceProps {
  /**
   * Bucket that receives the server access logs.
   */
  readonly accessLogs: IBucket;
  /**
   * Keep the bucket and its reports when the stack is deleted.
   * @default true
   */
  readonly retain?: boolean;
  /**
   * Local folder whose reports seed `reports/` on deploy.
   * @default data/reports
   */
  readonly seedDirectory?: string;
}

const SEED_DIRECTORY = fileURLToPath(new URL('../../data/reports/', import.meta.url));

/** The private bucket users upload reports to, seeded with the reports in the repository. */
export class ReportSource extends Construct {
  readonly bucket: Bucket;
  readonly seed: BucketDeployment;

  constructor(scope: Construct, id: string, props: ReportSourceProps) {
    super(scope, id);
    const retain = props.retain ?? true;
    this.bucket = new Bucket(this, 'Bucket', {
      ...privateBucketProps({ retain, accessLogs: { bucket: props.accessLogs, prefix: 'source-bucket/' } }),
      versioned: true,
    });
    // Our own role and log group, so that the seeding handler gets no managed policy.
    const seedRole = new Role(this, 'SeedRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    const seedLogs = new LogGroup(this, 'SeedLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    seedLogs.grantWrite(seedRole);
    this.seed = new BucketDeployment(this, 'Seed', {
      sources: [Source.asset(props.seedDirectory ?? SEED_DIRECTORY)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: REPORTS_PREFIX,
      // Reports that users uploaded must survive every deploy.
      prune: false,
      retainOnDelete: retain,
      role: seedRole,
      logGroup: seedLogs,
    });
    const copyOnly =
      'BucketDeployment copies the seed reports from the CDK assets bucket into reports/; aws-cdk-lib grants it';
    for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']) {
      acknowledge(
        seedRole,
        `AwsSolutions-IAM5[Action::${action}]`,
        `${copyOnly} ${action} on those two buckets only.`,
      );
    }
    acknowledge(seedRole, ASSETS_BUCKET_OBJECTS, `${copyOnly} read access to the asset objects it unpacks.`);
    acknowledge(
      seedRole,
      arnWildcard(this.bucket, '/*'),
      `${copyOnly} write access to the objects it copies.`,
    );
  }
}
