import { CONTENT_TYPES } from '../../contract/index.ts';
import { type Check, type ClaimingReport, compareRestatements } from '../checks/index.ts';
import {
  type AnyRow,
  checksDataset,
  coverageDataset,
  type Dataset,
  figuresDataset,
  indicatorsDataset,
  indicatorsWideDataset,
  reportsDataset,
} from '../datasets/index.ts';
import { csvFragment, jsonFragment, type ShareFormat, xlsxFragment } from '../formats/index.ts';
import type { Indicator, IndicatorCatalog, ReportStatements } from '../indicators/index.ts';
import type { DownloadFile } from '../metadata/index.ts';
import {
  FIGURES_TABLE_LIMIT,
  indexPage,
  indicatorsPage,
  type PortalAssets,
  spreadIndices,
} from '../portal/index.ts';
import type { SiteSettings } from '../report/index.ts';
import type { WholeFile } from './report-pages.ts';
import type { DatasetShare, ReportDigest, SiteDatasetName } from './report-rows.ts';
import { SITE_DATASETS } from './report-rows.ts';

/** A digest as the pages and checks across reports read it: its indicators looked up in the catalog. */
export type DigestStatements = ReportStatements & ClaimingReport;

export function digestStatements(digest: ReportDigest, catalog: IndicatorCatalog): DigestStatements {
  const byId = indicatorsById(catalog);
  const indicator = (id: string): Indicator => {
    const found = byId.get(id);
    if (!found) throw new Error(`Indicator ${JSON.stringify(id)} of a digest is not in the catalog`);
    return found;
  };
  return {
    report: { ...digest.report, figures: { length: digest.figures } },
    matches: digest.matches.map(({ indicator: id, figure }) => ({ indicator: indicator(id), figure })),
    ambiguous: digest.ambiguous,
    unmatched: { length: digest.unmatched },
    claims: digest.claims.map(({ indicator: id, figure, restated }) => ({
      match: { indicator: indicator(id), figure },
      restated,
    })),
  };
}

const catalogIndex = new WeakMap<IndicatorCatalog, Map<string, Indicator>>();

function indicatorsById(catalog: IndicatorCatalog): Map<string, Indicator> {
  let found = catalogIndex.get(catalog);
  if (!found) {
    found = new Map(catalog.indicators.map((indicator) => [indicator.id, indicator]));
    catalogIndex.set(catalog, found);
  }
  return found;
}

/**
 * The six datasets as the metadata and the home page describe them: their fields, made by the
 * builders given no report, and their rows counted, not held (`rows[name]` of each, summed over the
 * reports' shares): a pass over them gives nothing.
 */
export function datasetShells(
  settings: SiteSettings,
  catalog: IndicatorCatalog,
  rows: Readonly<Record<SiteDatasetName, number>>,
): Dataset[] {
  const empty: Record<SiteDatasetName, Dataset> = {
    figures: figuresDataset([], settings.baseUrl),
    reports: reportsDataset([], settings.baseUrl),
    indicators: indicatorsDataset([], settings.baseUrl),
    'indicators-wide': indicatorsWideDataset([], catalog),
    'indicator-coverage': coverageDataset([], catalog),
    checks: checksDataset([], settings.baseUrl),
  };
  return SITE_DATASETS.map((name) => ({
    ...empty[name],
    rows: { length: rows[name], [Symbol.iterator]: noRows },
  }));
}

function* noRows(): Generator<AnyRow> {}

/** The checks across reports (a restatement against the year before's report), and their share of `checks`. */
export function crossReportChecks(
  settings: SiteSettings,
  reports: readonly ClaimingReport[],
): { checks: Check[]; share: DatasetShare } {
  const checks = compareRestatements(reports);
  const dataset = checksDataset(checks, settings.baseUrl);
  const encoder = new TextEncoder();
  return {
    checks,
    share: {
      rows: dataset.rows.length,
      csv: encoder.encode(csvFragment(dataset)),
      json: encoder.encode(jsonFragment(dataset)),
      xlsx: xlsxFragment(dataset),
    },
  };
}

/** Where a dataset's file in a format is published. */
export function datasetPath(name: string, format: ShareFormat): string {
  return `data/${name}.${format}`;
}

/** What the pages across reports are made from, once every report's share is in its dataset file. */
export interface AggregatePagesInput {
  settings: SiteSettings;
  catalog: IndicatorCatalog;
  assets: PortalAssets;
  /** Every report, in id order. */
  reports: readonly DigestStatements[];
  /** Every check: each report's own in report order, then those across reports. */
  checks: readonly Check[];
  datasets: readonly Dataset[];
  /** The dataset files as published, for the sizes the home page shows. */
  files: readonly DownloadFile[];
  /** The rows the home page's figures table shows (`figureTableIndices`), read from the shares. */
  figureRows: readonly AnyRow[];
}

/** The home page, the indicators page and the portal's assets, in the order the site lists them. */
export function aggregatePages(input: AggregatePagesInput): WholeFile[] {
  const { settings, catalog, assets, reports, checks, datasets, files, figureRows } = input;
  const encoder = new TextEncoder();
  const file = (path: string, text: string, contentType: string): WholeFile => ({
    path,
    body: encoder.encode(text),
    contentType,
  });
  const listings = reports.map((report) => report.report);
  return [
    file('index.html', indexPage(settings, listings, datasets, { files, figureRows }), CONTENT_TYPES.html),
    file('assets/site.css', assets.siteCss, CONTENT_TYPES.css),
    file('assets/site.js', assets.siteJs, CONTENT_TYPES.js),
    file('indicators/index.html', indicatorsPage(settings, catalog, reports, checks), CONTENT_TYPES.html),
    file('assets/indicators.css', assets.indicatorsCss, CONTENT_TYPES.css),
  ];
}

/** The indices (in the figures dataset, all reports in id order) of the rows the home page's table shows. */
export function figureTableIndices(totalFigures: number): number[] {
  return spreadIndices(totalFigures, FIGURES_TABLE_LIMIT);
}
