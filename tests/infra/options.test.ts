import { App, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from './synth.ts';

/** cdk-nag on the default stack, and the stack with every context option set. */
describe('cdk-nag AwsSolutions', () => {
  it('finds nothing that is not acknowledged with a reason', () => {
    const report = new AwsSolutionsChecks().validateScope(synthStack().stack);
    expect(report.violations).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('does report findings on a construct nobody acknowledged (the check is live)', () => {
    const app = new App();
    const bare = new Stack(app, 'Bare');
    new Bucket(bare, 'Bucket');
    const ruleNames = new AwsSolutionsChecks().validateScope(bare).violations.map((v) => v.ruleName);
    expect(ruleNames).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });
});

describe('with every option set', () => {
  let custom: ReturnType<typeof synthStack>;
  beforeAll(() => {
    custom = synthStack({
      schedule: 'rate(6 hours)',
      scheduleTimeZone: 'UTC',
      siteName: 'tianjin',
      alarmEmail: 'ops@example.org',
      domainName: 'data.example.org',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012',
      retainData: 'false',
    });
  });

  it('serves the custom domain over TLS 1.2 and tells the function its URL', () => {
    custom.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['data.example.org'],
        ViewerCertificate: Match.objectLike({
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        }),
      }),
    });
    custom.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ SITE_URL: 'https://data.example.org' }) },
    });
    custom.template.hasOutput('SiteUrl', { Value: 'https://data.example.org' });
  });

  it('uses the schedule, e-mails the alarms and deletes the buckets with the stack', () => {
    custom.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(6 hours)',
      ScheduleExpressionTimezone: 'UTC',
    });
    custom.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
    custom.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'tianjin-publisher-errors',
    });
    for (const bucket of Object.values(custom.template.findResources('AWS::S3::Bucket')))
      expect(bucket.DeletionPolicy).toBe('Delete');
  });

  it('passes cdk-nag too', () => {
    expect(new AwsSolutionsChecks().validateScope(custom.stack).violations).toEqual([]);
  });
});
