import { CONTENT_TYPES } from '../../contract/index.ts';
import { reportChecks } from '../checks/index.ts';
import type { Dataset } from '../datasets/index.ts';
import {
  checksDataset,
  coverageDataset,
  figuresDataset,
  indicatorsDataset,
  indicatorsWideDataset,
  reportsDataset,
} from '../datasets/index.ts';
import {
  bodyBytes,
  type Chunked,
  datasetCsvChunks,
  datasetJsonChunks,
  datasetXlsxChunks,
} from '../formats/index.ts';
import { EMPTY_CATALOG, type IndicatorCatalog, matchIndicators } from '../indicators/index.ts';
import type { SiteFile } from '../metadata/index.ts';
import { indexPage, indicatorSite, type PortalAssets, reportPage } from '../portal/index.ts';
import type { Report, SiteSettings } from '../report/index.ts';

const encoder = new TextEncoder();

function file(path: string, text: string, contentType: string): SiteFile {
  return { path, body: encoder.encode(text), contentType };
}

/**
 * Every file of the site for these reports. Pure and deterministic: same reports and assets, same
 * bytes. The portal's assets are read at the edge (lambda/publish/portal-assets.ts) and passed in.
 */
export function buildSite(
  settings: SiteSettings,
  unsorted: readonly Report[],
  assets: PortalAssets,
  catalog: IndicatorCatalog = EMPTY_CATALOG,
): (SiteFile & { body: Uint8Array })[] {
  const reports = [...unsorted].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [
    ...aggregateFiles(settings, reports, assets, catalog),
    ...reports.flatMap((report) => reportFiles(settings, report, catalog)),
  ].map((file) => ({ ...file, body: bodyBytes(file.body) }));
}

/** The files of one report, which depend on nothing else: written as each report is read. */
function reportFiles(
  settings: SiteSettings,
  report: Report,
  catalog: IndicatorCatalog = EMPTY_CATALOG,
): SiteFile[] {
  return reportBuild(settings, report, catalog).files;
}

/**
 * One report's files and its share of the datasets: the rows the aggregates make for it (its
 * figures, indicators, coverage and own checks), by the same builders given this report alone.
 */
export function reportBuild(
  settings: SiteSettings,
  report: Report,
  catalog: IndicatorCatalog = EMPTY_CATALOG,
): { files: SiteFile[]; datasets: Dataset[] } {
  const matched = matchIndicators(report, catalog);
  const checks = reportChecks(matched);
  const files = [
    file(`reports/${report.id}/source.txt`, report.text, CONTENT_TYPES.txt),
    file(`reports/${report.id}/index.html`, reportPage(settings, report, checks), CONTENT_TYPES.html),
  ];
  const datasets = [
    figuresDataset([report], settings.baseUrl),
    indicatorsDataset([matched], settings.baseUrl),
    indicatorsWideDataset([matched], catalog),
    coverageDataset([matched], catalog),
    checksDataset(checks, settings.baseUrl),
  ];
  return { files, datasets };
}

/**
 * The files built from all reports (portal, its assets, datasets). The metadata that names a
 * publication (datapackage.json, catalog.jsonld, feed.atom) is added by
 * lambda/pipeline/metadata/publication-files.ts.
 */
export function aggregateFiles(
  settings: SiteSettings,
  unsorted: readonly Report[],
  assets: PortalAssets,
  catalog: IndicatorCatalog = EMPTY_CATALOG,
): SiteFile[] {
  const reports = [...unsorted].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const indicators = indicatorSite(settings, reports, catalog);
  const datasets = [
    figuresDataset(reports, settings.baseUrl),
    reportsDataset(reports, settings.baseUrl),
    ...indicators.datasets,
  ];
  const resources = datasets.flatMap(resourceFiles);
  const spreadsheets = datasets.map(spreadsheetFile);
  return [
    file(
      'index.html',
      indexPage(settings, reports, datasets, {
        files: [...resources, ...spreadsheets].map((r) => ({ ...r, bytes: r.body.entry.bytes })),
      }),
      CONTENT_TYPES.html,
    ),
    file('assets/site.css', assets.siteCss, CONTENT_TYPES.css),
    file('assets/site.js', assets.siteJs, CONTENT_TYPES.js),
    ...indicators.pages.map((page) => file(page.path, page.text, CONTENT_TYPES[page.type])),
    file('assets/indicators.css', assets.indicatorsCss, CONTENT_TYPES.css),
    ...[...resources, ...spreadsheets].map((r) => ({
      path: r.path,
      body: r.body,
      contentType: CONTENT_TYPES[r.format as 'csv' | 'json' | 'xlsx'],
      dataset: r.dataset,
      format: r.format,
    })),
  ];
}

/** A dataset file, made in chunks as it is hashed and written: the aggregates are never held whole. */
interface DatasetBody {
  dataset: Dataset;
  path: string;
  format: string;
  body: Chunked;
}

function resourceFiles(dataset: Dataset): DatasetBody[] {
  return (['csv', 'json'] as const).map((format) => ({
    dataset,
    path: `data/${dataset.name}.${format}`,
    format,
    body: format === 'csv' ? datasetCsvChunks(dataset) : datasetJsonChunks(dataset),
  }));
}

/** The dataset as an Excel workbook; kept out of the Data Package, which describes CSV and JSON only. */
function spreadsheetFile(dataset: Dataset): DatasetBody {
  return { dataset, path: `data/${dataset.name}.xlsx`, format: 'xlsx', body: datasetXlsxChunks(dataset) };
}
