import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../lambda/contract/index.ts';
import { CORS_PATH_PATTERNS } from '../../lib/constructs/response-headers.ts';
import { VERSIONS_PATH_PATTERN } from '../../lib/constructs/static-site.ts';
import type { OpendataStack } from '../../lib/opendata-stack.ts';
import { logicalId, stackIds, synthStack } from './synth.ts';

/** The buckets and the distribution of the default stack. */
let stack: OpendataStack;
let template: Template;
let ids: ReturnType<typeof stackIds>;

beforeAll(() => {
  ({ stack, template } = synthStack());
  ids = stackIds(stack, template);
});

describe('buckets', () => {
  it('are three, each with all public access blocked and a TLS-only policy', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(3);
    for (const [id, bucket] of Object.entries(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('keep the source and site versioned, encrypted, access-logged and retained', () => {
    for (const id of [ids.source, ids.site]) {
      const bucket = template.toJSON().Resources[id];
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(
        bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault,
      ).toEqual({
        SSEAlgorithm: 'AES256',
      });
      expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toEqual({
        Ref: expect.stringMatching(/^AccessLogs/),
      });
    }
  });

  it('seed reports/ from data/reports without pruning what users uploaded, once S3 notifies the function', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: ids.source },
      DestinationBucketKeyPrefix: 'reports/',
      Prune: false,
    });
    const seed = logicalId(template, 'Custom::CDKBucketDeployment');
    const notifications = logicalId(template, 'Custom::S3BucketNotifications');
    expect(template.toJSON().Resources[seed].DependsOn).toContain(notifications);
  });
});

describe('distribution', () => {
  it('reads the site bucket through Origin Access Control only', () => {
    const oac = logicalId(template, 'AWS::CloudFront::OriginAccessControl');
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: {
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Origins: [
          Match.objectLike({
            DomainName: { 'Fn::GetAtt': [ids.site, 'RegionalDomainName'] },
            OriginAccessControlId: { 'Fn::GetAtt': [oac, 'Id'] },
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ],
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: ids.site },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 's3:GetObject', Principal: { Service: 'cloudfront.amazonaws.com' } }),
        ]),
      },
    });
  });

  it('redirects to HTTPS, speaks HTTP/2 and 3, compresses, serves index.html at / and logs', () => {
    const config = template.toJSON().Resources[ids.distribution].Properties.DistributionConfig;
    expect(config.HttpVersion).toBe('http2and3');
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [expect.stringMatching(/^AccessLogs/), 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(behavior.Compress).toBe(true);
    }
  });

  it('sends the security headers of lambda/contract/http-headers.ts, and CORS only on data and metadata', () => {
    const pages = stack.getLogicalId(stack.site.pagesHeaders.node.defaultChild as never);
    const data = stack.getLogicalId(stack.site.dataHeaders.node.defaultChild as never);
    const policies = template.findResources('AWS::CloudFront::ResponseHeadersPolicy');
    for (const id of [pages, data]) {
      const headers = policies[id]?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
      expect(headers.ContentSecurityPolicy.ContentSecurityPolicy).toBe(
        SECURITY_HEADERS['Content-Security-Policy'],
      );
      expect(headers.FrameOptions.FrameOption).toBe(SECURITY_HEADERS['X-Frame-Options']);
      expect(headers.ReferrerPolicy.ReferrerPolicy).toBe(SECURITY_HEADERS['Referrer-Policy']);
      expect(`max-age=${headers.StrictTransportSecurity.AccessControlMaxAgeSec}; includeSubDomains`).toBe(
        SECURITY_HEADERS['Strict-Transport-Security'],
      );
      expect(headers.ContentTypeOptions).toEqual({ Override: true });
    }
    expect(policies[pages]?.Properties.ResponseHeadersPolicyConfig.CorsConfig).toBeUndefined();
    expect(policies[data]?.Properties.ResponseHeadersPolicyConfig.CorsConfig).toMatchObject({
      AccessControlAllowOrigins: { Items: ['*'] },
      AccessControlAllowMethods: { Items: ['GET', 'HEAD', 'OPTIONS'] },
      AccessControlAllowCredentials: false,
    });
    const config = template.toJSON().Resources[ids.distribution].Properties.DistributionConfig;
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: pages });
    expect(config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern)).toEqual([
      VERSIONS_PATH_PATTERN,
      ...CORS_PATH_PATTERNS,
    ]);
    const versions = stack.getLogicalId(stack.site.versionsHeaders.node.defaultChild as never);
    expect(config.CacheBehaviors[0].ResponseHeadersPolicyId).toEqual({ Ref: versions });
    for (const behavior of config.CacheBehaviors.slice(1))
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: data });
  });
});
