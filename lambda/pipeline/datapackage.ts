import type { Dataset, FieldSpec } from './datasets.ts';
import type { Report } from './report.ts';
import type { SiteSettings } from './settings.ts';

/** A file of the published site as the Data Package describes it. */
export interface ResourceFile {
  dataset: Dataset;
  path: string;
  format: 'csv' | 'json';
  bytes: Uint8Array;
  sha256: string;
}

const LICENSE_URLS: Record<string, string> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'ODbL-1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
};

/** Frictionless Data Package v2 describing every dataset file, with Table Schemas and checksums. */
export function dataPackage(
  settings: SiteSettings,
  reports: readonly Report[],
  files: readonly ResourceFile[],
): string {
  const descriptor = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'opendata-publisher',
    title: settings.titleEn,
    description: `${settings.descriptionEn}\n\n${settings.description}`,
    homepage: `${settings.baseUrl}/`,
    licenses: [license(settings.license)],
    contributors: [{ title: settings.publisher, roles: ['publisher'] }],
    sources: reports.map((report) => ({
      title: report.title || report.id,
      path: report.source.url || `${settings.baseUrl}/reports/${report.id}/source.txt`,
    })),
    resources: files.map(resource),
  };
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}

function license(id: string): { name: string; path?: string } {
  const path = LICENSE_URLS[id];
  return path ? { name: id, path } : { name: id };
}

function resource(file: ResourceFile) {
  const { dataset } = file;
  return {
    name: file.format === 'csv' ? dataset.name : `${dataset.name}-json`,
    type: 'table',
    path: file.path,
    title: dataset.title,
    description: dataset.description,
    format: file.format,
    mediatype: file.format === 'csv' ? 'text/csv' : 'application/json',
    encoding: 'utf-8',
    bytes: file.bytes.byteLength,
    hash: `sha256:${file.sha256}`,
    ...(file.format === 'csv' ? { dialect: { header: true, lineTerminator: '\r\n' } } : {}),
    schema: { fields: dataset.fields.map(tableField), primaryKey: dataset.primaryKey },
  };
}

function tableField(field: FieldSpec) {
  return {
    name: field.name,
    type: field.type,
    title: field.title,
    description: field.description,
    'title:zh': field.titleZh,
    ...(field.values ? { constraints: { enum: [...field.values] } } : {}),
  };
}
