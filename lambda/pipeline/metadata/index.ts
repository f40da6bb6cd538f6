/**
 * The metadata room: what describes a publication. The Frictionless Data Package, the DCAT
 * catalog (JSON-LD), schema.org Dataset markup, the Atom feed of versions, the version and site
 * manifests and the figures that changed between two publications.
 */
export type { DatasetFile, ReportSummary } from './datapackage.ts';
export { atomFeed } from './feed.ts';
export { figureChanges } from './figure-changes.ts';
export type {
  FigureChange,
  Publication,
  PublicationChanges,
  SiteEvent,
  SiteManifest,
  SitePin,
  VersionManifest,
  VersionRecord,
} from './publication.ts';
export { MAX_LISTED_CHANGES } from './publication.ts';
export { PUBLICATION_FILES, publicationFiles } from './publication-files.ts';
export type { DownloadFile } from './schema-org.ts';
export { datasetJsonLd } from './schema-org.ts';
export type { SiteFile } from './site-file.ts';
