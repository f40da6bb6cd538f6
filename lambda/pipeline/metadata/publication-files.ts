import { CONTENT_TYPES } from '../../contract/index.ts';
import { Chunked, type FileBody, type FileEntry } from '../formats/index.ts';
import type { SiteSettings } from '../report/index.ts';
import { type DatasetFile, dataPackage, type ReportSummary } from './datapackage.ts';
import { dcatCatalog } from './dcat.ts';
import { atomFeed } from './feed.ts';
import type { Publication, VersionRecord } from './publication.ts';
import type { SiteFile } from './site-file.ts';

/** The files that name their publication (version, date, history): built once its content is known. */
export const PUBLICATION_FILES = ['datapackage.json', 'catalog.jsonld', 'feed.atom'] as const;

const PUBLICATION_CONTENT_TYPES: Readonly<Record<(typeof PUBLICATION_FILES)[number], string>> = {
  'datapackage.json': CONTENT_TYPES.json,
  'catalog.jsonld': CONTENT_TYPES.jsonld,
  'feed.atom': CONTENT_TYPES.atom,
};

interface PublicationInput {
  settings: SiteSettings;
  reports: readonly ReportSummary[];
  /** The dataset files (CSV, JSON, XLSX) with their sizes and hashes. */
  datasetFiles: readonly DatasetFile[];
  /** Every other file of the publication by path (report pages and sources among them). */
  files: ReadonlyMap<string, FileEntry>;
  publication: Publication;
  /** The version history including this publication, newest first. */
  history: readonly VersionRecord[];
}

const encoder = new TextEncoder();

/**
 * datapackage.json, catalog.jsonld and feed.atom of one publication. Pure: same input, same bytes.
 * The two that list every report are made in chunks, afresh each time they are read (hashed, then
 * written), so that neither is ever whole in memory.
 */
export function publicationFiles(input: PublicationInput): SiteFile[] {
  const { settings, reports, datasetFiles, files, publication, history } = input;
  const bodies: Record<(typeof PUBLICATION_FILES)[number], FileBody> = {
    'datapackage.json': Chunked.ofText(() => dataPackage(settings, reports, datasetFiles, publication)),
    'catalog.jsonld': Chunked.ofText(() => dcatCatalog(settings, reports, datasetFiles, files, publication)),
    'feed.atom': encoder.encode(atomFeed(settings, history)),
  };
  return PUBLICATION_FILES.map((path) => ({
    path,
    body: bodies[path],
    contentType: PUBLICATION_CONTENT_TYPES[path],
  }));
}
