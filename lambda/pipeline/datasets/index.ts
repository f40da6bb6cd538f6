/**
 * The datasets room: the six published tables (figures, reports, indicators, indicators-wide,
 * indicator-coverage, checks), each declared once with defineDataset so that its rows' keys are
 * its field names at compile time, with bilingual titles and descriptions for the metadata.
 */
export { checksDataset } from './checks-dataset.ts';
export type { AnyRow, Cell, Dataset, FieldName, FieldSpec } from './datasets.ts';
export { figuresDataset } from './figures-dataset.ts';
export { coverageDataset } from './indicator-coverage.ts';
export { indicatorsDataset, indicatorsWideDataset } from './indicator-datasets.ts';
export type { ReportRow } from './reports-dataset.ts';
export { reportsDataset } from './reports-dataset.ts';
export { SCHEMA_VERSION } from './schema-version.ts';
