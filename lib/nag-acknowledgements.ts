import { type CfnElement, DefaultStackSynthesizer, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Acknowledges one cdk-nag finding on a construct and everything below it, with the reason. */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** How cdk-nag names a wildcard resource finding: `<LogicalId.Arn>` + the suffix. */
export function arnWildcard(resource: IConstruct, suffix: string): string {
  const cfn = resource.node.defaultChild as CfnElement;
  return `AwsSolutions-IAM5[Resource::<${Stack.of(resource).getLogicalId(cfn)}.Arn>${suffix}]`;
}

/** The CDK assets bucket's objects, as cdk-nag names them in an env-agnostic stack. */
export const ASSETS_BUCKET_OBJECTS = `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-<AWS::Region>/*]`;

const BASIC_EXECUTION_ROLE =
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';

/**
 * Singleton helpers that aws-cdk-lib adds at the stack's top level (we cannot pass them props):
 * acknowledged here, one finding at a time, each with its reason.
 */
export function acknowledgeCdkInternals(stack: Stack): void {
  for (const child of stack.node.children) {
    if (child.node.id.startsWith('BucketNotificationsHandler')) {
      acknowledge(
        child,
        BASIC_EXECUTION_ROLE,
        'aws-cdk-lib helper that configures the source bucket notifications once per deploy; the managed policy only lets it write its own logs.',
      );
    }
    if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
      acknowledge(
        child,
        'AwsSolutions-L1',
        'aws-cdk-lib BucketDeployment handler: its Python runtime is chosen by aws-cdk-lib and upgraded with it.',
      );
    }
  }
}
