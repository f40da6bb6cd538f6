import { allChecks } from '../checks/index.ts';
import type { Dataset } from '../datasets/index.ts';
import {
  checksDataset,
  coverageDataset,
  indicatorsDataset,
  indicatorsWideDataset,
} from '../datasets/index.ts';
import type { IndicatorCatalog } from '../indicators/index.ts';
import { matchIndicators } from '../indicators/index.ts';
import type { Report, SiteSettings } from '../report/index.ts';
import { indicatorsPage } from './pages/indicators.tsx';

/** A page of the indicators part of the site, as text. */
export interface IndicatorPageFile {
  path: string;
  text: string;
  type: 'html';
}

/**
 * What the indicator catalog adds to the site: four datasets (their rows made on each pass), the
 * indicators page (bounded, see components/indicator-bounds.tsx). Its styles, assets/indicators.css,
 * come with the other assets (build-site.ts).
 */
export function indicatorSite(
  settings: SiteSettings,
  reports: readonly Report[],
  catalog: IndicatorCatalog,
): { datasets: Dataset[]; pages: IndicatorPageFile[] } {
  const matched = reports.map((report) => matchIndicators(report, catalog));
  const checks = allChecks(matched);
  // The checks are made: the contexts of every figure (263,000 at 10,000 reports) are let go, since
  // the datasets and the page, which live until the files are written, need the matches only.
  const results = matched.map((result) => ({ ...result, contexts: [] }));
  matched.length = 0;
  return {
    datasets: [
      indicatorsDataset(results, settings.baseUrl),
      indicatorsWideDataset(results, catalog),
      coverageDataset(results, catalog),
      checksDataset(checks, settings.baseUrl),
    ],
    pages: [
      {
        path: 'indicators/index.html',
        text: indicatorsPage(settings, catalog, results, checks),
        type: 'html',
      },
    ],
  };
}
