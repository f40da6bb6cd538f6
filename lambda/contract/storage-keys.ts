/**
 * The keys every part of the house agrees on: the publisher writes them, `opendata serve` and the
 * CloudFront function read them, the stack grants on them. The CloudFront function
 * (lambda/serve/version-pointer.js) cannot import, so a test holds it to these.
 */

/** Source bucket: report inputs are read from keys under this prefix; S3 events are filtered on it too. */
export const REPORTS_PREFIX = 'reports/';

/** Source bucket: fetched originals (`sources/<id>/<sha256>.<ext>`) and the fetch state, beside reports/. */
export const SOURCES_PREFIX = 'sources/';

/** Not a valid report id (it starts with `_`), so it can never collide with `sources/<id>/`. */
export const FETCH_STATE_KEY = `${SOURCES_PREFIX}_state.json`;

/** Where `opendata fetch` archives an original, so that a reader can check the text against it. */
export function archiveKey(id: string, sha256: string, format: string): string {
  return `${SOURCES_PREFIX}${id}/${sha256}.${format}`;
}

/** The extension of an archive key of report `id`, or undefined for any other key. */
export function archiveKeyExtension(key: string, id: string): string | undefined {
  if (!key.startsWith(`${SOURCES_PREFIX}${id}/`)) return undefined;
  return /^sources\/[^/]+\/[0-9a-f]{64}\.([a-z0-9]+)$/.exec(key)?.[1];
}

/** Site: the page a folder's URL (`/`, `/reports/<id>/`) is served from, here, by `serve` and by CloudFront. */
export const INDEX_PAGE = 'index.html';

/** Site: the folder of every immutable version, `versions/<version>/`. */
export const VERSIONS_PREFIX = 'versions/';

/** Where a file of a version lives. */
export function versionedPath(version: string, path: string): string {
  return `${VERSIONS_PREFIX}${version}/${path}`;
}

/** Site: the stable list of versions; written last, it names the last publication that completed. */
export const MANIFEST_KEY = 'manifest.json';

/** A version's own file list has the stable manifest's name: written last, it marks the version complete. */
export function versionManifestPath(version: string): string {
  return versionedPath(version, MANIFEST_KEY);
}

/** Site: the stable feed. With manifest.json it is the site's log, served as it is, not from the current version. */
export const SITE_FEED_KEY = 'feed.atom';

/** The paths served as they are rather than from the current version (see the CloudFront function). */
export const SITE_LOG_KEYS = [MANIFEST_KEY, SITE_FEED_KEY] as const;

/** The pointer file of a published folder or bucket, which `opendata serve` follows. */
export const POINTER_KEY = 'current.json';

/** The key of the version pointer in the CloudFront KeyValueStore. */
export const KVS_POINTER_KEY = 'current';

/** Written before the first object of a new version and deleted when the run completes. */
export const MARKER_KEY = 'publishing.json';

/**
 * A folder: the versions a run is pruning (written before manifest.json marks them, deleted once
 * their folders are gone), so that the next run finishes a prune that was interrupted.
 */
export const PRUNING_KEY = 'pruning.json';

/** Versions an interrupted run left behind and a later run gave up. */
export const ABANDONED_KEY = 'abandoned.json';

/** The reports that failed and what was published for them instead (a file of each version). */
export const PROBLEMS_PATH = 'problems.json';
/** The corrections a publication applied (data/corrections.json less what named no figure). */
export const CORRECTIONS_PATH = 'corrections.json';

/** A file of a report's folder on the site: `reports/<id>/<name>`. */
export function reportPath(id: string, name: string): string {
  return `reports/${id}/${name}`;
}

/** A temporary file beside the file it becomes (`<name>.tmp-<pid>-<n>`): never part of a publication. */
export const TEMPORARY_FILE = /\.tmp-(\d+)-\d+$/;

export function temporaryPath(path: string, pid: number, n: number): string {
  return `${path}.tmp-${pid}-${n}`;
}
