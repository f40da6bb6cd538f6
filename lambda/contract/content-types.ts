/**
 * Media types by file extension: the one table. The Data Package's `mediatype`, DCAT, schema.org,
 * the Content-Type a file is stored with and the one `opendata serve` sends all come from it.
 */
const MEDIA_TYPE_TABLE = {
  html: 'text/html',
  csv: 'text/csv',
  txt: 'text/plain',
  css: 'text/css',
  js: 'text/javascript',
  json: 'application/json',
  jsonld: 'application/ld+json',
  atom: 'application/atom+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  png: 'image/png',
} as const;

export type Extension = keyof typeof MEDIA_TYPE_TABLE;

/** Known by name (`MEDIA_TYPES.csv`), or looked up by any format (`MEDIA_TYPES[file.format]`, maybe undefined). */
export const MEDIA_TYPES: Readonly<Record<Extension, string>> & Readonly<Record<string, string | undefined>> =
  MEDIA_TYPE_TABLE;

/** The Content-Type header of a media type: text is always UTF-8, and says so. */
export function contentTypeHeader(mediaType: string): string {
  return mediaType.startsWith('text/') ? `${mediaType}; charset=utf-8` : mediaType;
}

/** The Content-Type header by extension (`CONTENT_TYPES.csv` is `text/csv; charset=utf-8`). */
export const CONTENT_TYPES = Object.fromEntries(
  Object.entries(MEDIA_TYPE_TABLE).map(([extension, type]) => [extension, contentTypeHeader(type)]),
) as Readonly<Record<Extension, string>>;

/** Bytes of no known type, and archived originals, which are served as downloads. */
export const OCTET_STREAM = 'application/octet-stream';

/**
 * Archived originals (`/reports/<id>/original.<ext>`) are government pages as fetched: served as
 * downloads, never rendered, so that no script in them runs on the site's origin.
 */
export const ARCHIVED_COPY = /^\/(?:versions\/[^/]+\/)?reports\/[^/]+\/original\.[a-z0-9]+$/;

/** The content type a published file is served with, from its path (`reports/x/index.html`, no leading slash). */
export function contentTypeOf(path: string): string {
  if (ARCHIVED_COPY.test(`/${path}`)) return OCTET_STREAM;
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? 'html';
  return Object.hasOwn(CONTENT_TYPES, extension) ? CONTENT_TYPES[extension as Extension] : OCTET_STREAM;
}
