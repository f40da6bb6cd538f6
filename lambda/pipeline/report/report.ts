import type { Figure, ReportMeta, ReportStructure } from './types.ts';

/** A report ready to publish: its text, its metadata (text overridden by the sidecar) and its figures. */
export interface Report {
  id: string;
  title: string;
  entity: string;
  parent: string;
  year: number | null;
  kind: string;
  publisher: string;
  license: string;
  /** Where the text came from: the original URL when known, the file it was read from, its sha256. */
  source: {
    file: string;
    url: string;
    sha256: string;
    /** The copy the text was taken from, when not the original page (a library's or an archive's). */
    retrievedFrom?: string;
    /** Key of the fetched original in the archive, from the sidecar `opendata fetch` wrote. */
    archive?: string;
    /** The published copy of that original (`original.html`, `.pdf`, `.txt` beside the page), if any. */
    archivedCopy?: string;
  };
  /** The decoded text: every offset indexes it. */
  text: string;
  structure: ReportStructure;
  figures: Figure[];
}

/**
 * A report as the pages across reports list it: its metadata and how many figures it has. A whole
 * Report is one; so is what the reduce keeps of a report once its own files are made (a digest).
 */
export type ReportListing = Omit<Report, 'text' | 'structure' | 'figures'> & {
  figures: { readonly length: number };
};

export interface ReportInput {
  id: string;
  /** Name of the file the bytes came from, for error messages and provenance. */
  file: string;
  bytes: Uint8Array;
  meta?: ReportMeta;
  /** License of the published data when the sidecar does not name one. */
  defaultLicense: string;
}
