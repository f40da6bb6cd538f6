import { reportChecks } from '../checks/index.ts';
import { type IndicatorCatalog, matchIndicators } from '../indicators/index.ts';
import type { Report, SiteSettings } from '../report/index.ts';
import { reportPages, type WholeFile } from './report-pages.ts';
import { type ReportRows, rowsOf } from './report-rows.ts';

/**
 * What the per-report work makes of a report: its own files and its rows, its indicators matched and
 * its checks made once for both.
 */
export function reportMade(
  settings: SiteSettings,
  report: Report,
  catalog: IndicatorCatalog,
): { pages: WholeFile[]; rows: ReportRows } {
  const matched = matchIndicators(report, catalog);
  const checks = reportChecks(matched);
  return {
    pages: reportPages(settings, report, catalog, checks),
    rows: rowsOf(settings, matched, checks, catalog),
  };
}
