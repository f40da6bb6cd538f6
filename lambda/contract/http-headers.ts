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

/** Data and metadata may be fetched by any web page (open data); pages may not be framed. */
export function isCorsPath(pathname: string): boolean {
  return pathname.startsWith('/data/') || /\.(json|jsonld|csv|atom)$/.test(pathname);
}
