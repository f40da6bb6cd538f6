import { RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, BucketEncryption, type BucketProps, type IBucket } from 'aws-cdk-lib/aws-s3';

export interface PrivateBucketOptions {
  /** Keep the bucket and its objects when the stack is deleted. */
  readonly retain: boolean;
  /** Where its S3 server access logs go, under `<logPrefix>/`; none for the log bucket itself. */
  readonly accessLogs?: { bucket: IBucket; prefix: string };
}

/**
 * What every bucket of the stack has in common: no public access, encrypted, TLS only, and retained
 * or emptied on delete as the deploy asks. Each construct adds what makes its bucket its own.
 */
export function privateBucketProps({ retain, accessLogs }: PrivateBucketOptions): BucketProps {
  return {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    ...(accessLogs
      ? { serverAccessLogsBucket: accessLogs.bucket, serverAccessLogsPrefix: accessLogs.prefix }
      : {}),
    removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    autoDeleteObjects: !retain,
  };
}
