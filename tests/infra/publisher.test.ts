import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALLOW_SHRINK_ENV, PUBLISHER_ENV } from '../../lambda/contract/index.ts';
import type { OpendataStack } from '../../lib/opendata-stack.ts';
import { arn, objects, stackIds, synthStack } from './synth.ts';

/** The publisher function of the default stack: what it runs on, may do, and what starts it. */
let stack: OpendataStack;
let template: Template;
let ids: ReturnType<typeof stackIds>;

beforeAll(() => {
  ({ stack, template } = synthStack());
  ids = stackIds(stack, template);
});

describe('publisher function', () => {
  it('runs the newest Node.js on ARM64 with 1 GB, 5 minutes and one run at a time', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: 300,
      ReservedConcurrentExecutions: 1,
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: ids.logGroup } },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('is told both buckets, the distribution id, the site URL, the version pointer and the shrink setting', () => {
    const variables = template.toJSON().Resources[ids.fn].Properties.Environment.Variables;
    expect(variables).toEqual({
      NODE_OPTIONS: '--enable-source-maps',
      [PUBLISHER_ENV.sourceBucket]: { Ref: ids.source },
      [PUBLISHER_ENV.siteBucket]: { Ref: ids.site },
      [PUBLISHER_ENV.distributionId]: { Ref: ids.distribution },
      [PUBLISHER_ENV.siteUrl]: {
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [ids.distribution, 'DomainName'] }]],
      },
      [PUBLISHER_ENV.versionPointerArn]: arn(ids.kvs),
      [ALLOW_SHRINK_ENV]: 'false',
    });
    const shrinking = synthStack({ allowShrink: 'true' });
    const fn = shrinking.stack.getLogicalId(shrinking.stack.publisher.function.node.defaultChild as never);
    expect(shrinking.template.toJSON().Resources[fn].Properties.Environment.Variables[ALLOW_SHRINK_ENV]).toBe(
      'true',
    );
  });

  it('may do exactly this and no more', () => {
    const role = stack.getLogicalId(stack.publisher.function.role?.node.defaultChild as never);
    expect(template.toJSON().Resources[role].Properties.ManagedPolicyArns).toBeUndefined();
    const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: role }] } });
    const statements = Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
        Resource: arn(ids.queue),
      },
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: arn(ids.logGroup) },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: arn(ids.source) },
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: [objects(ids.source, '/reports/*'), objects(ids.source, '/sources/*')],
      },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: arn(ids.site) },
      // It deletes its run marker and stable copies of files that went away, never a version.
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: objects(ids.site, '/*'),
      },
      { Effect: 'Deny', Action: 's3:DeleteObject', Resource: objects(ids.site, '/versions/*') },
      {
        Effect: 'Allow',
        Action: 'cloudfront:CreateInvalidation',
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':cloudfront::',
              { Ref: 'AWS::AccountId' },
              ':distribution/',
              { Ref: ids.distribution },
            ],
          ],
        },
      },
      {
        Effect: 'Allow',
        Action: ['cloudfront-keyvaluestore:DescribeKeyValueStore', 'cloudfront-keyvaluestore:PutKey'],
        Resource: arn(ids.kvs),
      },
    ]);
  });

  it('sends failed asynchronous events to the dead-letter queue after two retries', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: ids.fn },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: arn(ids.queue) } },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });
});

describe('triggers', () => {
  it('run daily at 02:00 Asia/Shanghai with the scheduled event', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: arn(ids.fn),
        Input: '{"trigger":"schedule"}',
        DeadLetterConfig: { Arn: arn(ids.queue) },
      }),
    });
  });

  it('run when an object is created or removed under reports/ in the source bucket', () => {
    const filter = { Key: { FilterRules: [{ Name: 'prefix', Value: 'reports/' }] } };
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: ids.source },
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          { Events: ['s3:ObjectCreated:*'], Filter: filter, LambdaFunctionArn: arn(ids.fn) },
          { Events: ['s3:ObjectRemoved:*'], Filter: filter, LambdaFunctionArn: arn(ids.fn) },
        ],
      },
    });
  });
});

describe('alarms and outputs', () => {
  it('alarm on any function error and any dead letter, to the SNS topic', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    const common = {
      Threshold: 1,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: ids.topic }],
    };
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ...common,
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: ids.fn } }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ...common,
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ids.queue, 'QueueName'] } }],
    });
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('name the site URL, both buckets, the distribution and the function', () => {
    expect(Object.keys(template.toJSON().Outputs).sort()).toEqual([
      'DistributionId',
      'FunctionName',
      'SiteBucketName',
      'SiteUrl',
      'SourceBucketName',
      'VersionPointerArn',
    ]);
    template.hasOutput('FunctionName', { Value: { Ref: ids.fn } });
    template.hasOutput('DistributionId', { Value: { Ref: ids.distribution } });
  });
});
