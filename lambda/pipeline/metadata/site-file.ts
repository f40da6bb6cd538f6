import type { Dataset } from '../datasets/index.ts';
import type { FileBody } from '../formats/index.ts';

/** One file of the published site, with the Content-Type it must be served with. */
export interface SiteFile {
  path: string;
  /** Whole, or made in chunks for the aggregates (see chunks.ts). */
  body: FileBody;
  contentType: string;
  /** For the files of a dataset (CSV, JSON, XLSX): which dataset, in which format. */
  dataset?: Dataset;
  format?: string;
}
