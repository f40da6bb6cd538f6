import { licenceUrl as licenseUrl, MEDIA_TYPES } from '../../contract/index.ts';
import type { Dataset } from '../datasets/index.ts';
import type { ReportListing, SiteSettings } from '../report/index.ts';

/** A published file as the home page offers it for download. */
export interface DownloadFile {
  dataset: Pick<Dataset, 'name'>;
  path: string;
  format: string;
  /** Size in bytes. */
  bytes: number;
}

/**
 * schema.org `Dataset` for the home page, so search engines (Google Dataset Search) find the data.
 * Only what the inputs say: `dateModified` appears when the publication passes a date in.
 */
export function datasetJsonLd(
  settings: SiteSettings,
  reports: readonly ReportListing[],
  datasets: readonly Dataset[],
  files: readonly DownloadFile[],
  updated?: string,
): Record<string, unknown> {
  const years = reports.map((report) => report.year).filter((year): year is number => year !== null);
  const publishers = [...new Set(reports.map((report) => report.publisher).filter(Boolean))];
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: settings.title,
    alternateName: settings.titleEn,
    description: `${settings.description} ${settings.descriptionEn}`,
    url: `${settings.baseUrl}/`,
    inLanguage: ['zh-CN', 'en'],
    isAccessibleForFree: true,
    license: licenseUrl(settings.license) ?? settings.license,
    publisher: { '@type': 'Organization', name: settings.publisher },
    creator: (publishers.length ? publishers : [settings.publisher]).map((name) => ({
      '@type': 'Organization',
      name,
    })),
    keywords: ['open data', '开放数据', '政府报告', 'government reports', ...datasets.map((d) => d.title)],
    ...(years.length ? { temporalCoverage: temporalCoverage(years) } : {}),
    spatialCoverage: places(reports),
    variableMeasured: datasets.find((d) => d.name === 'figures')?.fields.map((field) => field.name) ?? [],
    distribution: files.map((file) => ({
      '@type': 'DataDownload',
      name: file.path.split('/').pop(),
      contentUrl: `${settings.baseUrl}/${file.path}`,
      encodingFormat: MEDIA_TYPES[file.format] ?? file.format,
      contentSize: `${file.bytes} B`,
    })),
    ...(updated ? { dateModified: updated } : {}),
  };
}

function temporalCoverage(years: readonly number[]): string {
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? String(first) : `${first}/${last}`;
}

function places(reports: readonly ReportListing[]): Record<string, unknown>[] {
  const byName = new Map<string, string>();
  for (const report of reports) if (report.entity) byName.set(report.entity, report.parent);
  return [...byName].map(([name, parent]) => ({
    '@type': 'Place',
    name,
    ...(parent ? { containedInPlace: { '@type': 'Place', name: parent } } : {}),
  }));
}
