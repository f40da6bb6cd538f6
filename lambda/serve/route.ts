import { INDEX_PAGE, SITE_LOG_KEYS, VERSIONS_PREFIX } from '../contract/index.ts';

/** Served as they are, not from the current version: rollbacks and releases change them without a version. */
const SITE_LOG_PATHS = new Set(SITE_LOG_KEYS.map((key) => `/${key}`));

export interface Route {
  /** The path to read. */
  path: string;
  /** A stable URL (short cache) or an immutable versioned one. */
  immutable: boolean;
}

/**
 * Where a request path is served from: stable paths from the current version, versioned paths and
 * the site's log (`manifest.json`, `feed.atom`) as they are. The same rules as the CloudFront
 * function in version-pointer.js.
 */
export function routeRequest(pathname: string, version: string | undefined): Route {
  if (pathname.startsWith(`/${VERSIONS_PREFIX}`)) return { path: pathname, immutable: true };
  if (SITE_LOG_PATHS.has(pathname) || version === undefined) return { path: pathname, immutable: false };
  return {
    path: `/${VERSIONS_PREFIX}${version}${pathname.endsWith('/') ? `${pathname}${INDEX_PAGE}` : pathname}`,
    immutable: false,
  };
}
