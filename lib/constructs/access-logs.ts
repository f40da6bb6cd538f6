import { Duration, Validations } from 'aws-cdk-lib';
import { Bucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { privateBucketProps } from './private-bucket.ts';

export interface AccessLogsProps {
  /**
   * Keep the log bucket and its objects when the stack is deleted.
   * @default true
   */
  readonly retain?: boolean;
  /**
   * How long access logs are kept.
   * @default Duration.days(90)
   */
  readonly expiration?: Duration;
}

/** One private bucket for the S3 server access logs and the CloudFront standard logs. */
export class AccessLogs extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AccessLogsProps = {}) {
    super(scope, id);
    const retain = props.retain ?? true;
    this.bucket = new Bucket(this, 'Bucket', {
      ...privateBucketProps({ retain }),
      // CloudFront standard logging writes with ACLs, which need object-writer ownership.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: props.expiration ?? Duration.days(90) }],
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket itself; logging it into itself would loop and into another bucket would never end.',
    });
  }
}
