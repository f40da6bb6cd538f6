/**
 * Writing what a fetch brought: the original bytes archived under their sha256, the report text as
 * `<id>.txt` and the sidecar `<id>.meta.json` with the registry's metadata and the fetch provenance.
 * The sidecar is read and checked before anything is written, so a bad one stops the write whole.
 */

import { archiveKey, CONTENT_TYPES } from '../contract/index.ts';
import { parseReportMeta, type ReportSidecar } from '../pipeline/report/index.ts';
import type { Store } from '../stores/store.ts';
import { definedOnly, type PageState } from './fetch-state.ts';
import type { PageFormat } from './page-text.ts';
import type { Source } from './sources.ts';

export interface FetchedReport {
  source: Source;
  /** The URL the bytes came from, after redirects. */
  url: string;
  contentType: string;
  etag?: string;
  lastModified?: string;
  body: Uint8Array;
  sha256: string;
  format: PageFormat;
  text: string;
  /** ISO 8601 time of the fetch. */
  retrieved: string;
}

const PROVENANCE_KEYS = ['retrieved', 'fetchedUrl', 'etag', 'lastModified', 'sha256', 'archive'] as const;

/** Writes archive, text and sidecar; returns the page state to remember. */
export async function writeReport(
  reports: Store,
  archive: Store,
  fetched: FetchedReport,
): Promise<PageState> {
  const { source } = fetched;
  const metaKey = `${source.id}.meta.json`;
  const existingBytes = await reports.get(metaKey);
  const existing = existingBytes ? parseReportMeta(existingBytes, `${reports.location}/${metaKey}`) : {};
  const key = archiveKey(source.id, fetched.sha256, fetched.format);
  if (!(await archive.get(key))) await archive.put(key, fetched.body, { contentType: fetched.contentType });
  await reports.put(`${source.id}.txt`, new TextEncoder().encode(fetched.text), {
    contentType: CONTENT_TYPES.txt,
  });
  const sidecar = { ...withoutProvenance(existing), ...sidecarFor(fetched, key) };
  await reports.put(metaKey, new TextEncoder().encode(`${JSON.stringify(sidecar, null, 2)}\n`), {
    contentType: CONTENT_TYPES.json,
  });
  return {
    url: source.url,
    retrieved: fetched.retrieved,
    ...definedOnly({ etag: fetched.etag, lastModified: fetched.lastModified }),
    sha256: fetched.sha256,
    archive: key,
  };
}

/** Pure: the sidecar fields one fetch determines. */
function sidecarFor(fetched: FetchedReport, archived: string): ReportSidecar {
  const { source } = fetched;
  return definedOnly({
    entity: source.entity,
    parent: source.parent,
    year: source.year,
    kind: source.kind,
    license: source.license,
    sourceUrl: source.url,
    retrieved: fetched.retrieved,
    fetchedUrl: fetched.url,
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    sha256: fetched.sha256,
    archive: archived,
  }) as ReportSidecar;
}

function withoutProvenance(sidecar: ReportSidecar): ReportSidecar {
  const copy: Record<string, unknown> = { ...sidecar };
  for (const key of PROVENANCE_KEYS) delete copy[key];
  return copy as ReportSidecar;
}
