import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';

const HSTS = /^max-age=(\d+)(; includeSubDomains)?(; preload)?$/;

/**
 * CloudFront's form of the headers `opendata serve` sends (lambda/contract/http-headers.ts), so that local
 * and cloud agree. A header CloudFront's security-headers policy cannot express fails synth.
 */
export function securityHeadersBehavior(
  headers: Readonly<Record<string, string>>,
): ResponseSecurityHeadersBehavior {
  const behavior: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    switch (name.toLowerCase()) {
      case 'strict-transport-security': {
        const match = HSTS.exec(value);
        if (!match) throw unsupported(name, value);
        behavior.strictTransportSecurity = {
          accessControlMaxAge: Duration.seconds(Number(match[1])),
          includeSubdomains: Boolean(match[2]),
          preload: Boolean(match[3]),
          override: true,
        };
        break;
      }
      case 'x-content-type-options':
        if (value !== 'nosniff') throw unsupported(name, value);
        behavior.contentTypeOptions = { override: true };
        break;
      case 'x-frame-options':
        behavior.frameOptions = {
          frameOption: enumValue(HeadersFrameOption, name, value, value.toUpperCase()),
          override: true,
        };
        break;
      case 'referrer-policy':
        behavior.referrerPolicy = {
          referrerPolicy: enumValue(HeadersReferrerPolicy, name, value),
          override: true,
        };
        break;
      case 'content-security-policy':
        behavior.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
        break;
      default:
        throw unsupported(name, value);
    }
  }
  return behavior as ResponseSecurityHeadersBehavior;
}

function enumValue<T extends Record<string, string>>(
  values: T,
  name: string,
  value: string,
  normalized = value,
): T[keyof T] {
  const found = Object.values(values).find((candidate) => candidate === normalized);
  if (found === undefined) throw unsupported(name, value);
  return found as T[keyof T];
}

function unsupported(name: string, value: string): Error {
  return new Error(
    `Security header ${name}: ${JSON.stringify(value)} has no CloudFront response-headers policy form`,
  );
}

/**
 * CloudFront path patterns for the paths `isCorsPath` accepts (lambda/contract/http-headers.ts); the infra
 * tests check that the two agree.
 */
export const CORS_PATH_PATTERNS = ['/data/*', '*.json', '*.jsonld', '*.csv', '*.atom'] as const;
