/**
 * The response headers the site is served with, locally by `serve` and on AWS by CloudFront's
 * response-headers policy, so that pages behave the same in both places.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/** Content types by file extension; text is always UTF-8. */
export const CONTENT_TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.atom': 'application/atom+xml',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Archived originals (`/reports/<id>/original.<ext>`) are government pages as fetched: served as
 * downloads, never rendered, so that no script in them runs on the site's origin.
 */
export const ARCHIVED_COPY = /^\/(?:versions\/[^/]+\/)?reports\/[^/]+\/original\.[a-z0-9]+$/;
export const ARCHIVED_COPY_TYPE = 'application/octet-stream';

/** The content type a published file is served with, from its path (`reports/x/index.html`, no leading slash). */
export function contentTypeOf(path: string): string {
  if (ARCHIVED_COPY.test(`/${path}`)) return ARCHIVED_COPY_TYPE;
  const extension = /\.[a-z0-9]+$/i.exec(path)?.[0]?.toLowerCase() ?? '.html';
  return CONTENT_TYPE_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/** Data and metadata may be fetched by any web page (open data); pages may not be framed. */
export function isCorsPath(pathname: string): boolean {
  return pathname.startsWith('/data/') || /\.(json|jsonld|csv|atom)$/.test(pathname);
}
