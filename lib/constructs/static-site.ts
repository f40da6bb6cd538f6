import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SECURITY_HEADERS } from '../../lambda/serve/headers.ts';
import { acknowledge } from '../nag-acknowledgements.ts';
import { CORS_PATH_PATTERNS, securityHeadersBehavior } from './response-headers.ts';

export interface StaticSiteProps {
  /**
   * Bucket that receives the S3 server access logs and the CloudFront standard logs.
   */
  readonly accessLogs: IBucket;
  /**
   * Shown as the distribution's comment in the console.
   * @default 'opendata site'
   */
  readonly comment?: string;
  /**
   * Custom domain name and its certificate (ACM, us-east-1).
   * @default - the distribution's own *.cloudfront.net name and certificate
   */
  readonly customDomain?: { readonly domainName: string; readonly certificate: ICertificate };
  /**
   * Keep the site bucket and its objects when the stack is deleted.
   * @default true
   */
  readonly retain?: boolean;
  /**
   * Edge locations that serve the site.
   * @default PriceClass.PRICE_CLASS_ALL
   */
  readonly priceClass?: PriceClass;
}

/** The published site: a private, versioned bucket readable only by its CloudFront distribution. */
export class StaticSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** Security headers for every response (pages and data). */
  readonly pagesHeaders: ResponseHeadersPolicy;
  /** The same security headers plus CORS GET from any origin, for data and metadata. */
  readonly dataHeaders: ResponseHeadersPolicy;
  /** `https://` + the domain the site is served from, without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: StaticSiteProps) {
    super(scope, id);
    const retain = props.retain ?? true;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'site-bucket/',
      // Old versions only matter for rolling back a bad publication soon after it happened.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !retain,
    });
    const securityHeaders = securityHeadersBehavior(SECURITY_HEADERS);
    this.pagesHeaders = new ResponseHeadersPolicy(this, 'PagesHeaders', {
      comment: 'Security headers, as lambda/serve/headers.ts',
      securityHeadersBehavior: securityHeaders,
    });
    this.dataHeaders = new ResponseHeadersPolicy(this, 'DataHeaders', {
      comment: 'Security headers and CORS GET for open data',
      securityHeadersBehavior: securityHeaders,
      corsBehavior: {
        accessControlAllowOrigins: ['*'],
        accessControlAllowMethods: ['GET', 'HEAD', 'OPTIONS'],
        accessControlAllowHeaders: ['*'],
        accessControlAllowCredentials: false,
        accessControlMaxAge: Duration.days(1),
        originOverride: true,
      },
    });
    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const behavior = (responseHeadersPolicy: ResponseHeadersPolicy): BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      compress: true,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: props.comment ?? 'opendata site',
      defaultBehavior: behavior(this.pagesHeaders),
      additionalBehaviors: Object.fromEntries(
        CORS_PATH_PATTERNS.map((pattern) => [pattern, behavior(this.dataHeaders)]),
      ),
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: props.priceClass ?? PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
      ...(props.customDomain
        ? {
            domainNames: [props.customDomain.domainName],
            certificate: props.customDomain.certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.acknowledgeFindings(props.customDomain === undefined);
    this.url = `https://${props.customDomain?.domainName ?? this.distribution.distributionDomainName}`;
  }

  private acknowledgeFindings(defaultCertificate: boolean): void {
    const distribution = this.distribution;
    acknowledge(distribution, 'AwsSolutions-CFR1', 'Open data for everyone: no country is to be kept out.');
    acknowledge(
      distribution,
      'AwsSolutions-CFR2',
      'Static, read-only files behind a cache with no forms or logins; WAF would cost more than the site. Add a web ACL if abuse appears.',
    );
    if (defaultCertificate) {
      acknowledge(
        distribution,
        'AwsSolutions-CFR4',
        'Without a custom domain the *.cloudfront.net certificate is used, whose TLS policy CloudFront fixes; give domainName and certificateArn to enforce TLS 1.2.',
      );
    }
  }
}
