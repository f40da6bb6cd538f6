import { CONTENT_TYPES } from '../../contract/index.ts';
import { EMPTY_CATALOG, type IndicatorCatalog } from '../indicators/index.ts';
import type { PortalAssets } from '../portal/index.ts';
import type { Report, SiteSettings } from '../report/index.ts';
import { reportPages, type WholeFile } from './report-pages.ts';
import { type ReportRows, reportRows, SITE_DATASETS, type SiteDatasetName } from './report-rows.ts';
import {
  aggregatePages,
  crossReportChecks,
  datasetShells,
  digestStatements,
  figureTableIndices,
} from './site-aggregates.ts';
import { DatasetFiles, datasetFileSpecs, FigureRowPicker } from './site-datasets.ts';

/**
 * Every file of the site for these reports, in memory: each report's pages and shares, then the
 * files of all reports put together from them, exactly as a publication does it a report at a time
 * (lambda/publish/reduce.ts). Pure and deterministic: same reports and assets, same bytes. The
 * metadata that names a publication (datapackage.json, catalog.jsonld, feed.atom) is added by
 * lambda/pipeline/metadata/publication-files.ts.
 */
export function buildSite(
  settings: SiteSettings,
  unsorted: readonly Report[],
  assets: PortalAssets,
  catalog: IndicatorCatalog = EMPTY_CATALOG,
): WholeFile[] {
  const reports = [...unsorted].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = reports.map((report) => reportRows(settings, report, catalog));
  const pages = reports.flatMap((report) => reportPages(settings, report, catalog));
  return [...aggregateFiles(settings, rows, assets, catalog), ...pages];
}

/** The files made of all reports (datasets, home and indicators pages, assets) from every report's rows. */
function aggregateFiles(
  settings: SiteSettings,
  reports: readonly ReportRows[],
  assets: PortalAssets,
  catalog: IndicatorCatalog,
): WholeFile[] {
  const statements = reports.map((report) => digestStatements(report.digest, catalog));
  const cross = crossReportChecks(settings, statements);
  const counts = datasetRowCounts(reports.map((report) => report.digest.rows));
  counts.checks += cross.share.rows;
  const specs = datasetFileSpecs(datasetShells(settings, catalog, counts));
  const chunks = new Map(specs.map((spec) => [spec.path, [] as Uint8Array[]]));
  // A chunk is valid until the assembler's next call (the Assembler's contract): kept, it is copied.
  const files = new DatasetFiles(specs, (spec) => (chunk) => chunks.get(spec.path)?.push(chunk.slice()));
  const picker = new FigureRowPicker(figureTableIndices(counts.figures));
  for (const report of reports) {
    files.add(report.shares);
    if (report.shares[0]) picker.add(report.shares[0]);
  }
  files.end({ dataset: SITE_DATASETS.indexOf('checks'), share: cross.share });
  const datasetFiles = specs.map((spec) => ({
    ...spec,
    contentType: CONTENT_TYPES[spec.format],
    body: joined(chunks.get(spec.path) ?? []),
  }));
  const pages = aggregatePages({
    settings,
    catalog,
    assets,
    reports: statements,
    checks: [...reports.flatMap((report) => report.digest.checks), ...cross.checks],
    datasets: [...new Set(specs.map((spec) => spec.dataset))],
    files: datasetFiles.map((file) => ({ ...file, bytes: file.body.byteLength })),
    figureRows: picker.rows,
  });
  return [...pages, ...datasetFiles];
}

/** Rows of each dataset across reports, from each report's counts in SITE_DATASETS order. */
export function datasetRowCounts(reports: readonly (readonly number[])[]): Record<SiteDatasetName, number> {
  const counts = Object.fromEntries(SITE_DATASETS.map((name) => [name, 0])) as Record<
    SiteDatasetName,
    number
  >;
  for (const report of reports)
    for (const [i, name] of SITE_DATASETS.entries()) counts[name] += report[i] ?? 0;
  return counts;
}

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
