import { datasetToCsv, datasetToJson } from './csv.ts';
import type { ResourceFile } from './datapackage.ts';
import { type Dataset, figuresDataset, reportsDataset } from './datasets.ts';
import { indexPage, reportPage, SITE_CSS, SITE_JS } from './pages.ts';
import { type Report, sha256Hex } from './report.ts';
import type { SiteSettings } from './settings.ts';
import { datasetToXlsx } from './xlsx.ts';

/** One file of the published site, with the Content-Type it must be served with. */
export interface SiteFile {
  path: string;
  body: Uint8Array;
  contentType: string;
  /** For the files of a dataset (CSV, JSON, XLSX): which dataset, in which format. */
  dataset?: Dataset;
  format?: string;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const encoder = new TextEncoder();

function file(path: string, text: string, contentType: string): SiteFile {
  return { path, body: encoder.encode(text), contentType };
}

/** Every file of the site for these reports. Pure and deterministic: same reports, same bytes. */
export function buildSite(settings: SiteSettings, unsorted: readonly Report[]): SiteFile[] {
  const reports = [...unsorted].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [
    ...aggregateFiles(settings, reports),
    ...reports.flatMap((report) => reportFiles(settings, report)),
  ];
}

/** The files of one report, which depend on nothing else: written as each report is read. */
export function reportFiles(settings: SiteSettings, report: Report): SiteFile[] {
  return [
    file(`reports/${report.id}/source.txt`, report.text, CONTENT_TYPES.txt),
    file(`reports/${report.id}/index.html`, reportPage(settings, report), CONTENT_TYPES.html),
  ];
}

/**
 * The files built from all reports (portal, datasets). The metadata that names a publication
 * (datapackage.json, catalog.jsonld, feed.atom) is added by lambda/pipeline/publication-files.ts.
 */
export function aggregateFiles(settings: SiteSettings, unsorted: readonly Report[]): SiteFile[] {
  const reports = [...unsorted].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const datasets = [figuresDataset(reports, settings.baseUrl), reportsDataset(reports, settings.baseUrl)];
  const resources = datasets.flatMap(resourceFiles);
  const spreadsheets = datasets.map(spreadsheetFile);
  return [
    file(
      'index.html',
      indexPage(settings, reports, datasets, { files: [...resources, ...spreadsheets] }),
      CONTENT_TYPES.html,
    ),
    file('assets/site.css', SITE_CSS, CONTENT_TYPES.css),
    file('assets/site.js', SITE_JS, CONTENT_TYPES.js),
    ...[...resources, ...spreadsheets].map((r) => ({
      path: r.path,
      body: r.bytes,
      contentType: CONTENT_TYPES[r.format as 'csv' | 'json' | 'xlsx'],
      dataset: r.dataset,
      format: r.format,
    })),
  ];
}

function resourceFiles(dataset: Dataset): ResourceFile[] {
  return (['csv', 'json'] as const).map((format) => {
    const bytes = encoder.encode(format === 'csv' ? datasetToCsv(dataset) : datasetToJson(dataset));
    return { dataset, path: `data/${dataset.name}.${format}`, format, bytes, sha256: sha256Hex(bytes) };
  });
}

/** The dataset as an Excel workbook; kept out of the Data Package, which describes CSV and JSON only. */
function spreadsheetFile(dataset: Dataset) {
  return { dataset, path: `data/${dataset.name}.xlsx`, format: 'xlsx', bytes: datasetToXlsx(dataset) };
}
