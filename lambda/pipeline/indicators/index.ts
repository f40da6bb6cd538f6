/**
 * The indicators room: the reviewed catalog (data/indicators.json) and the matching of a
 * report's figures to its indicators; a figure that matches none or more than one stays
 * unmatched, and a report that states an indicator twice is ambiguous, not guessed.
 */

export type { Indicator, IndicatorCatalog } from './indicator-catalog.ts';
export { EMPTY_CATALOG, indicatorCatalogFrom, parseIndicatorCatalog } from './indicator-catalog.ts';
export type {
  CoverageStatus,
  IndicatorMatch,
  IndicatorStatements,
  IndicatorValue,
  ReportIndicators,
  ReportStatements,
  SeriesKind,
} from './indicators.ts';
export {
  headlinePeriod,
  indicatorNumber,
  indicatorValues,
  matchIndicators,
  periodYear,
} from './indicators.ts';
