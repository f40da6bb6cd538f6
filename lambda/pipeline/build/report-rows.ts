import { type Check, type RestatementClaim, reportChecks, restatementClaims } from '../checks/index.ts';
import {
  checksDataset,
  coverageDataset,
  type Dataset,
  figuresDataset,
  indicatorsDataset,
  indicatorsWideDataset,
  reportsDataset,
} from '../datasets/index.ts';
import {
  csvCellsFragment,
  datasetCells,
  jsonCellsFragment,
  utf8,
  xlsxCellsFragment,
} from '../formats/index.ts';
import { type IndicatorCatalog, matchIndicators, type ReportIndicators } from '../indicators/index.ts';
import type { Figure, Report, SiteSettings } from '../report/index.ts';

/**
 * The datasets of the site, in the order their files are listed: each is the concatenation of every
 * report's share (`DatasetShare`), in report id order, between a header and a footer; `checks` ends
 * with the checks across reports (restatements), which the reduce makes from the digests.
 */
export const SITE_DATASETS = [
  'figures',
  'reports',
  'indicators',
  'indicators-wide',
  'indicator-coverage',
  'checks',
] as const;

export type SiteDatasetName = (typeof SITE_DATASETS)[number];

/** One report's rows of one dataset, in each format the site publishes, and how many rows they are. */
export interface DatasetShare {
  rows: number;
  csv: Uint8Array;
  json: Uint8Array;
  xlsx: Uint8Array;
}

/**
 * What the reduce keeps of a report once its shares are made: its metadata, counts, and the few
 * figures the pages across reports show (matched to an indicator, ambiguous, checked), without
 * their sentences. A few hundred bytes a report where the report itself is tens of kilobytes.
 */
export interface ReportDigest {
  report: ReportMetadata;
  figures: number;
  /** Rows of each dataset it has, in SITE_DATASETS order. */
  rows: number[];
  matches: { indicator: string; figure: Figure }[];
  ambiguous: { figure: Figure; indicators: string[] }[];
  unmatched: number;
  checks: Check[];
  claims: { indicator: string; figure: Figure; restated: { figure: Figure; value: number } }[];
  /** The figure ids its corrections name that it has not (corrections.ts); absent when none. */
  staleCorrections?: string[];
}

/** A report without its text, structure and figures. */
export type ReportMetadata = Omit<Report, 'text' | 'structure' | 'figures'>;

/** A report's share of every dataset, and its digest: the rows stage of the per-report work. */
export interface ReportRows {
  shares: DatasetShare[];
  digest: ReportDigest;
}

/**
 * One report's rows of the six datasets, made by the same dataset builders given this report alone,
 * and rendered in each format as the file of all reports writes them; with the report's digest.
 */
export function reportRows(settings: SiteSettings, report: Report, catalog: IndicatorCatalog): ReportRows {
  const matched = matchIndicators(report, catalog);
  return rowsOf(settings, matched, reportChecks(matched), catalog);
}

/** The rows of a report whose indicators are matched and checks made. */
export function rowsOf(
  settings: SiteSettings,
  matched: ReportIndicators,
  checks: Check[],
  catalog: IndicatorCatalog,
): ReportRows {
  const datasets = datasetsOf(settings, matched, checks, catalog);
  const shares = datasets.map(shareOf);
  const digest = digestOf(matched, checks, restatementClaims(matched));
  return { shares, digest: { ...digest, rows: shares.map((share) => share.rows) } };
}

/** One report's rows of the six datasets, in SITE_DATASETS order, as the dataset builders make them. */
export function reportDatasets(settings: SiteSettings, report: Report, catalog: IndicatorCatalog): Dataset[] {
  const matched = matchIndicators(report, catalog);
  return datasetsOf(settings, matched, reportChecks(matched), catalog);
}

function datasetsOf(
  settings: SiteSettings,
  matched: ReportIndicators,
  checks: readonly Check[],
  catalog: IndicatorCatalog,
): Dataset[] {
  return [
    figuresDataset([matched.report], settings.baseUrl),
    reportsDataset([matched.report], settings.baseUrl),
    indicatorsDataset([matched], settings.baseUrl),
    indicatorsWideDataset([matched], catalog),
    coverageDataset([matched], catalog),
    checksDataset(checks, settings.baseUrl),
  ];
}

/** A dataset's share in each format, its rows made and read into cells once for all three. */
function shareOf(dataset: Dataset): DatasetShare {
  const cells = datasetCells(dataset);
  return {
    rows: cells.rows.length,
    csv: utf8(csvCellsFragment(cells)),
    json: utf8(jsonCellsFragment(cells)),
    xlsx: xlsxCellsFragment(cells),
  };
}

function digestOf(
  matched: ReportIndicators,
  checks: Check[],
  claims: RestatementClaim[],
): Omit<ReportDigest, 'rows'> {
  const { text: _text, structure: _structure, figures, ...report } = matched.report;
  return {
    report,
    figures: figures.length,
    matches: matched.matches.map(({ indicator, figure }) => ({
      indicator: indicator.id,
      figure: lean(figure),
    })),
    ambiguous: matched.ambiguous.map(({ figure, indicators }) => ({ figure: lean(figure), indicators })),
    unmatched: matched.unmatched.length,
    checks: checks.map((check) => ({ ...check, figures: check.figures.map(lean) })),
    claims: claims.map(({ match, restated }) => ({
      indicator: match.indicator.id,
      figure: lean(match.figure),
      restated: { figure: lean(restated.figure), value: restated.value },
    })),
  };
}

/** A figure without its sentence and excerpt, which only its report's page and rows show. */
function lean(figure: Figure): Figure {
  return { ...figure, sentence: '', excerpt: '' };
}
