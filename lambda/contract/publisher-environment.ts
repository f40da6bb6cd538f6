/** The environment variables the publisher function reads; the stack sets them. */
export const PUBLISHER_ENV = {
  sourceBucket: 'SOURCE_BUCKET',
  siteBucket: 'SITE_BUCKET',
  distributionId: 'DISTRIBUTION_ID',
  siteUrl: 'SITE_URL',
  versionPointerArn: 'VERSION_POINTER_ARN',
} as const;

/** Optional: `true` lets every run drop more than half of the live reports (context `allowShrink`). */
export const ALLOW_SHRINK_ENV = 'ALLOW_SHRINK';
