import { describe, expect, it } from 'vitest';
import { readPublisherEnvironment } from '../../lambda/handlers/environment.ts';
import { invalidationPaths, MAX_LISTED_PATHS } from '../../lambda/handlers/invalidation.ts';

describe('invalidationPaths', () => {
  it.each<[string, string[], boolean, string[]]>([
    ['nothing written', [], false, []],
    ['nothing written, forced', [], true, ['/*']],
    ['the index page, also served at /', ['index.html'], false, ['/', '/index.html']],
    [
      'data and a report page',
      ['data/figures.csv', 'reports/a-2023/index.html'],
      false,
      ['/data/figures.csv', '/reports/a-2023/index.html'],
    ],
    ['a folder index is not the root', ['reports/a-2023/index.html'], false, ['/reports/a-2023/index.html']],
    ['anything, forced', ['index.html'], true, ['/*']],
  ])('%s', (_name, written, force, paths) => {
    expect(invalidationPaths(written, force)).toEqual(paths);
  });

  it('falls back to one wildcard when more than MAX_LISTED_PATHS changed', () => {
    const written = Array.from({ length: MAX_LISTED_PATHS + 1 }, (_, i) => `reports/r-${i}/index.html`);
    expect(invalidationPaths(written)).toEqual(['/*']);
    expect(invalidationPaths(written.slice(1))).toHaveLength(MAX_LISTED_PATHS);
  });
});

describe('readPublisherEnvironment', () => {
  const complete = {
    SOURCE_BUCKET: 'src',
    SITE_BUCKET: 'site',
    DISTRIBUTION_ID: 'E1',
    SITE_URL: 'https://d1.cloudfront.net',
    VERSION_POINTER_ARN: 'arn:aws:cloudfront::123456789012:key-value-store/abc',
  };

  it('reads the five variables, and ALLOW_SHRINK when it is there', () => {
    const expected = {
      sourceBucket: 'src',
      siteBucket: 'site',
      distributionId: 'E1',
      siteUrl: 'https://d1.cloudfront.net',
      versionPointerArn: 'arn:aws:cloudfront::123456789012:key-value-store/abc',
      allowShrink: false,
    };
    expect(readPublisherEnvironment(complete)).toEqual(expected);
    expect(readPublisherEnvironment({ ...complete, ALLOW_SHRINK: 'true' })).toEqual({
      ...expected,
      allowShrink: true,
    });
  });

  it.each<[Record<string, string>, string]>([
    [
      {},
      'needs the environment variable(s) SOURCE_BUCKET, SITE_BUCKET, DISTRIBUTION_ID, SITE_URL, VERSION_POINTER_ARN',
    ],
    [{ ...complete, SITE_BUCKET: ' ' }, 'needs the environment variable(s) SITE_BUCKET'],
    [
      { ...complete, SITE_URL: 'd1.cloudfront.net' },
      'SITE_URL must be an http(s) URL, got "d1.cloudfront.net"',
    ],
    [{ ...complete, ALLOW_SHRINK: 'yes' }, 'ALLOW_SHRINK must be true or false, got "yes"'],
  ])('refuses %j', (env, message) => {
    expect(() => readPublisherEnvironment(env)).toThrow(message);
  });
});
