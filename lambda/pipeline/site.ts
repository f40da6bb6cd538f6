import { datasetToCsv, datasetToJson } from './csv.ts';
import { dataPackage, type ResourceFile } from './datapackage.ts';
import { type Dataset, figuresDataset, reportsDataset } from './datasets.ts';
import { indexPage, reportPage, SITE_CSS } from './pages.ts';
import { type Report, sha256Hex } from './report.ts';
import type { SiteSettings } from './settings.ts';

/** One file of the published site, with the Content-Type it must be served with. */
export interface SiteFile {
  path: string;
  body: Uint8Array;
  contentType: string;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  css: 'text/css; charset=utf-8',
} as const;

const encoder = new TextEncoder();

function file(path: string, text: string, contentType: string): SiteFile {
  return { path, body: encoder.encode(text), contentType };
}

/** Every file of the site for these reports. Pure and deterministic: same reports, same bytes. */
export function buildSite(settings: SiteSettings, unsorted: readonly Report[]): SiteFile[] {
  const reports = [...unsorted].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const datasets = [figuresDataset(reports, settings.baseUrl), reportsDataset(reports, settings.baseUrl)];
  const resources = datasets.flatMap(resourceFiles);
  return [
    file('index.html', indexPage(settings, reports, datasets), CONTENT_TYPES.html),
    file('assets/site.css', SITE_CSS, CONTENT_TYPES.css),
    ...resources.map((r) => ({ path: r.path, body: r.bytes, contentType: CONTENT_TYPES[r.format] })),
    file('datapackage.json', dataPackage(settings, reports, resources), CONTENT_TYPES.json),
    ...reports.flatMap((report) => [
      file(`reports/${report.id}/source.txt`, report.text, CONTENT_TYPES.txt),
      file(`reports/${report.id}/index.html`, reportPage(settings, report), CONTENT_TYPES.html),
    ]),
  ];
}

function resourceFiles(dataset: Dataset): ResourceFile[] {
  return (['csv', 'json'] as const).map((format) => {
    const bytes = encoder.encode(format === 'csv' ? datasetToCsv(dataset) : datasetToJson(dataset));
    return { dataset, path: `data/${dataset.name}.${format}`, format, bytes, sha256: sha256Hex(bytes) };
  });
}
