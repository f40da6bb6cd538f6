/**
 * The build room, the top of the pipeline: buildReport composes report → structure → extract for
 * one report's bytes; reportPages and reportRows make one report's own files and its share of every
 * dataset (and its digest); the aggregates put the files of all reports together from those shares
 * and digests. buildSite does it all in memory. publish/ calls only this room and the rooms' public
 * types.
 */
export { buildReport } from './build-report.ts';
export { datasetRowCounts } from './build-site.ts';
export { reportMade } from './report-made.ts';
export type { WholeFile } from './report-pages.ts';
export type { DatasetShare, ReportDigest, ReportMetadata } from './report-rows.ts';
export { SITE_DATASETS } from './report-rows.ts';
export {
  aggregatePages,
  crossReportChecks,
  datasetShells,
  digestStatements,
  figureTableIndices,
} from './site-aggregates.ts';
export {
  type DatasetFileSpec,
  DatasetFiles,
  datasetFileSpecs,
  FigureRowPicker,
  figureTableReports,
} from './site-datasets.ts';
