import { describe, expect, it } from 'vitest';
import { isCorsPath, SECURITY_HEADERS } from '../../lambda/contract/index.ts';
import { CORS_PATH_PATTERNS, securityHeadersBehavior } from '../../lib/constructs/response-headers.ts';

/** CloudFront path patterns: `*` matches any characters (including `/`), `?` exactly one. */
function matchesPattern(pattern: string, path: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(path);
}

describe('CORS_PATH_PATTERNS', () => {
  it.each([
    '/data/figures.csv',
    '/data/reports.json',
    '/data/anything.txt',
    '/datapackage.json',
    '/reports/a-2023/figures.csv',
    '/feed.atom',
    '/context.jsonld',
    '/index.html',
    '/reports/a-2023/index.html',
    '/reports/a-2023/source.txt',
    '/assets/site.css',
    '/database.html',
  ])('agree with isCorsPath on %s', (path) => {
    expect(CORS_PATH_PATTERNS.some((pattern) => matchesPattern(pattern, path))).toBe(isCorsPath(path));
  });
});

describe('securityHeadersBehavior', () => {
  it('expresses every header that opendata serve sends', () => {
    const behavior = securityHeadersBehavior(SECURITY_HEADERS);
    expect(Object.keys(behavior).sort()).toEqual([
      'contentSecurityPolicy',
      'contentTypeOptions',
      'frameOptions',
      'referrerPolicy',
      'strictTransportSecurity',
    ]);
    expect(behavior.strictTransportSecurity?.accessControlMaxAge.toSeconds()).toBe(63072000);
  });

  it.each([
    [
      { 'Permissions-Policy': 'camera=()' },
      'Security header Permissions-Policy: "camera=()" has no CloudFront',
    ],
    [
      { 'X-Frame-Options': 'ALLOW-FROM https://a.example' },
      'Security header X-Frame-Options: "ALLOW-FROM https://a.example"',
    ],
    [
      { 'Strict-Transport-Security': 'max-age=1; bogus' },
      'Security header Strict-Transport-Security: "max-age=1; bogus"',
    ],
  ])('refuses %j, which CloudFront could not send', (headers, message) => {
    expect(() => securityHeadersBehavior(headers)).toThrow(message);
  });
});
