import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  type IOrigin,
  KeyValueStore,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  INDEX_PAGE,
  SECURITY_HEADERS,
  STABLE_CACHE_CONTROL,
  VERSIONS_PREFIX,
} from '../../lambda/contract/index.ts';
import { acknowledge } from '../nag-acknowledgements.ts';
import { privateBucketProps } from './private-bucket.ts';
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

/** The CloudFront Function that serves stable URLs from the current version (cloudfront-js-2.0). */
export const VERSION_POINTER_FUNCTION = fileURLToPath(
  new URL('../../lambda/serve/version-pointer.js', import.meta.url),
);

/** Immutable snapshots: no function, and the objects' own one-year Cache-Control. */
export const VERSIONS_PATH_PATTERN = `/${VERSIONS_PREFIX}*`;

/** Open data may be read by any web page: GET from any origin, no credentials. */
const OPEN_DATA_CORS = {
  accessControlAllowOrigins: ['*'],
  accessControlAllowMethods: ['GET', 'HEAD', 'OPTIONS'],
  accessControlAllowHeaders: ['*'],
  accessControlAllowCredentials: false,
  accessControlMaxAge: Duration.days(1),
  originOverride: true,
};

/**
 * The published site: a private, versioned bucket readable only by its CloudFront distribution.
 * Stable URLs go through a viewer-request function that rewrites them to the current version named
 * in a KeyValueStore, so a publication switches every stable URL at once.
 */
export class StaticSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** Security headers for every response (pages and data). */
  readonly pagesHeaders: ResponseHeadersPolicy;
  /** The same security headers plus CORS GET from any origin, for data and metadata. */
  readonly dataHeaders: ResponseHeadersPolicy;
  /** Immutable versioned files: security headers and CORS, the objects' own long Cache-Control. */
  readonly versionsHeaders: ResponseHeadersPolicy;
  /** Holds `current`: the version the stable URLs are served from. The publisher switches it. */
  readonly versionPointer: KeyValueStore;
  /** Rewrites stable paths to `/versions/<current>/…` (lambda/serve/version-pointer.js). */
  readonly pointerFunction: CloudFrontFunction;
  /** `https://` + the domain the site is served from, without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: StaticSiteProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      ...privateBucketProps({
        retain: props.retain ?? true,
        accessLogs: { bucket: props.accessLogs, prefix: 'site-bucket/' },
      }),
      versioned: true,
      // Old versions only matter for rolling back a bad publication soon after it happened.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
    });
    [this.pagesHeaders, this.dataHeaders, this.versionsHeaders] = this.createHeaderPolicies();
    this.versionPointer = new KeyValueStore(this, 'VersionPointer', {
      comment: 'current: the version the stable URLs are served from',
    });
    this.pointerFunction = new CloudFrontFunction(this, 'PointerFunction', {
      comment: 'Serves stable URLs from the current version',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromFile({ filePath: VERSION_POINTER_FUNCTION }),
      keyValueStore: this.versionPointer,
    });
    this.distribution = this.createDistribution(props);
    this.acknowledgeFindings(props.customDomain === undefined);
    this.url = `https://${props.customDomain?.domainName ?? this.distribution.distributionDomainName}`;
  }

  /** Pages, data (CORS) and versions: the contract's security headers on all, the stable Cache-Control on the first two. */
  private createHeaderPolicies(): [ResponseHeadersPolicy, ResponseHeadersPolicy, ResponseHeadersPolicy] {
    const securityHeaders = securityHeadersBehavior(SECURITY_HEADERS);
    // Stable URLs are served from immutable objects: their one-year Cache-Control must not reach browsers.
    const stableCache = {
      customHeaders: [{ header: 'Cache-Control', value: STABLE_CACHE_CONTROL, override: true }],
    };
    const pages = new ResponseHeadersPolicy(this, 'PagesHeaders', {
      comment: 'Security headers, as lambda/contract/http-headers.ts, and the stable Cache-Control',
      securityHeadersBehavior: securityHeaders,
      customHeadersBehavior: stableCache,
    });
    const data = new ResponseHeadersPolicy(this, 'DataHeaders', {
      comment: 'Security headers, CORS GET for open data and the stable Cache-Control',
      securityHeadersBehavior: securityHeaders,
      corsBehavior: OPEN_DATA_CORS,
      customHeadersBehavior: stableCache,
    });
    const versions = new ResponseHeadersPolicy(this, 'VersionsHeaders', {
      comment: 'Security headers and CORS GET for the immutable versions',
      securityHeadersBehavior: securityHeaders,
      corsBehavior: OPEN_DATA_CORS,
    });
    return [pages, data, versions];
  }

  /** Versioned paths first, so that `*.json` and the like do not catch them; then data, then pages. */
  private createDistribution(props: StaticSiteProps): Distribution {
    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    return new Distribution(this, 'Distribution', {
      comment: props.comment ?? 'opendata site',
      defaultBehavior: this.behavior(origin, this.pagesHeaders),
      additionalBehaviors: {
        [VERSIONS_PATH_PATTERN]: this.behavior(origin, this.versionsHeaders, false),
        ...Object.fromEntries(
          CORS_PATH_PATTERNS.map((pattern) => [pattern, this.behavior(origin, this.dataHeaders)]),
        ),
      },
      defaultRootObject: INDEX_PAGE,
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
  }

  /** A behaviour of the bucket; stable paths go through the pointer function. */
  private behavior(
    origin: IOrigin,
    responseHeadersPolicy: ResponseHeadersPolicy,
    stable = true,
  ): BehaviorOptions {
    return {
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      compress: true,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy,
      ...(stable
        ? {
            functionAssociations: [
              { function: this.pointerFunction, eventType: FunctionEventType.VIEWER_REQUEST },
            ],
          }
        : {}),
    };
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
