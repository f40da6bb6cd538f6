import { licenceUrl, MEDIA_TYPES } from '../../contract/index.ts';
import { type Dataset, type FieldSpec, SCHEMA_VERSION } from '../datasets/index.ts';
import type { Report, SiteSettings } from '../report/index.ts';
import type { Publication } from './publication.ts';
import { streamedJson } from './streamed-json.ts';

/** What the metadata needs to know of a dataset file: which dataset, its format, size and hash. */
export interface DatasetFile {
  dataset: Dataset;
  path: string;
  format: string;
  bytes: number;
  sha256: string;
}

/** The report fields the package metadata needs (no text: the metadata is built after the texts are let go). */
export type ReportSummary = Pick<Report, 'id' | 'title' | 'entity' | 'kind' | 'year' | 'source'>;

/**
 * Frictionless Data Package v2 describing the CSV and JSON files of every dataset, with Table
 * Schemas, sizes and checksums. `version` and `created` are the publication's, so an unchanged
 * publication keeps the same bytes. Given as pieces of text (streamed-json.ts): its sources, one a
 * report, are made one at a time as they are written.
 */
export function dataPackage(
  settings: SiteSettings,
  reports: readonly ReportSummary[],
  files: readonly DatasetFile[],
  publication: Publication,
): Generator<string> {
  const descriptor = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'opendata-publisher',
    title: settings.titleEn,
    'title:zh': settings.title,
    description: `${settings.descriptionEn}\n\n${settings.description}`,
    homepage: `${settings.baseUrl}/`,
    version: publication.version,
    /** The version of the datasets' columns (datasets/schema-version.ts), not of their rows. */
    schemaVersion: SCHEMA_VERSION,
    created: publication.created,
    licenses: [license(settings.license)],
    contributors: [{ title: settings.publisher, roles: ['publisher'] }],
    sources: [],
    resources: files.filter((file) => file.format === 'csv' || file.format === 'json').map(resource),
  };
  function* sources() {
    for (const report of reports)
      yield {
        title: report.title || report.id,
        // The original page, else the copy the text was taken from, else the text as published here.
        path:
          report.source.url ||
          report.source.retrievedFrom ||
          `${settings.baseUrl}/reports/${report.id}/source.txt`,
        hash: `sha256:${report.source.sha256}`,
      };
  }
  return streamedJson(descriptor, 'sources', sources());
}

function license(id: string): { name: string; path?: string } {
  const path = licenceUrl(id);
  return path ? { name: id, path } : { name: id };
}

function resource(file: DatasetFile) {
  const { dataset } = file;
  return {
    name: file.format === 'csv' ? dataset.name : `${dataset.name}-${file.format}`,
    type: 'table',
    path: file.path,
    title: dataset.title,
    'title:zh': dataset.titleZh,
    description: dataset.description,
    'description:zh': dataset.descriptionZh ?? dataset.description,
    format: file.format,
    mediatype: MEDIA_TYPES[file.format],
    encoding: 'utf-8',
    bytes: file.bytes,
    hash: `sha256:${file.sha256}`,
    ...(file.format === 'csv' ? { dialect: { header: true, lineTerminator: '\r\n' } } : {}),
    schema: {
      version: SCHEMA_VERSION,
      fields: dataset.fields.map((field) => tableField(field, dataset.primaryKey.includes(field.name))),
      primaryKey: dataset.primaryKey,
    },
  };
}

function tableField(field: FieldSpec, inPrimaryKey: boolean) {
  const constraints = {
    ...(inPrimaryKey ? { required: true } : {}),
    ...(field.values ? { enum: [...field.values] } : {}),
  };
  return {
    name: field.name,
    type: field.type,
    title: field.title,
    description: field.description,
    'title:zh': field.titleZh,
    'description:zh': field.descriptionZh ?? field.description,
    ...(field.unit ? { unit: field.unit } : {}),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}
