import type { IndicatorCatalog } from '../indicators/index.ts';
import { type CoverageStatus, indicatorValues, type ReportIndicators } from '../indicators/index.ts';
import { field, REPORT_COLUMNS } from './dataset-fields.ts';
import { type Dataset, defineDataset, lazyRows, type RowOf } from './datasets.ts';

const COVERAGE_STATUSES: readonly CoverageStatus[] = ['found', 'not_mentioned', 'ambiguous'];

const COVERAGE_FIELDS = [
  ...REPORT_COLUMNS,
  field(
    'indicator_id',
    'string',
    ['Indicator', '指标编号'],
    ['Stable id of the indicator.', '指标的稳定编号。'],
  ),
  field(
    'period',
    'string',
    ['Period', '时期'],
    [
      "The period of the report's results that the row is about: the latest year of its matched results (a 2026 work report: 2025).",
      '该行所述结果的时期：报告中已对应指标的结果数字的最晚年份（2026年政府工作报告为2025）。',
    ],
  ),
  field(
    'status',
    'string',
    ['Status', '状态'],
    [
      'found, not_mentioned or ambiguous, for a result (actual or estimate) in period: a target, or a result of another period, is in the indicators dataset only.',
      'found 已找到；not_mentioned 未提及；ambiguous 不明确。只看该时期的结果（实际数或预计数）：目标值及其他时期的数字只在 indicators 数据集中。',
    ],
    { values: COVERAGE_STATUSES },
  ),
  field('value', 'number', ['Value', '数值'], ['The value when found.', '已找到时的数值。']),
  field('unit', 'string', ['Unit', '单位'], ['Unit of the value.', '数值的单位。']),
  field(
    'qualifier',
    'string',
    ['Qualifier', '限定'],
    ['Qualifier of the value when found.', '已找到时数值的限定。'],
  ),
  field(
    'figures',
    'integer',
    ['Figures', '数字个数'],
    ['Figures matched to the indicator in the report.', '报告中对应该指标的数字个数。'],
    { unit: '个 figures' },
  ),
] as const;

const COVERAGE = defineDataset({
  name: 'indicator-coverage',
  title: 'Indicator coverage',
  titleZh: '指标覆盖情况',
  description:
    "For every report and indicator, its result in the report's period: found, not mentioned, or ambiguous (figures that disagree or match several indicators).",
  descriptionZh:
    '每份报告的每个指标在报告时期的结果：已找到、未提及，或不明确（数字不一致或同时符合多个指标）。',
  fields: COVERAGE_FIELDS,
  primaryKey: ['report_id', 'indicator_id'],
});

type CoverageRow = RowOf<typeof COVERAGE_FIELDS>;

/**
 * Report × indicator: found, not mentioned or ambiguous, with the value when found. Complete (every
 * pair has its row, `not_mentioned` included, so a missing row never has to be read as a meaning),
 * and streamed: 10,000 reports make 530,000 rows, made afresh a report at a time on each pass of the
 * chunked writers and never held.
 */
export function coverageDataset(
  results: readonly ReportIndicators[],
  catalog: IndicatorCatalog,
): Dataset<CoverageRow> {
  return COVERAGE.withRows(
    lazyRows(results.length * catalog.indicators.length, function* () {
      for (const result of results) yield* coverageRows(result, catalog);
    }),
  );
}

function* coverageRows(result: ReportIndicators, catalog: IndicatorCatalog): Generator<CoverageRow> {
  const { id, entity, parent, year } = result.report;
  const value = indicatorValues(result);
  for (const indicator of catalog.indicators) {
    const said = value(indicator.id);
    // A literal of fixed shape, not a spread: 530,000 rows a pass.
    yield {
      report_id: id,
      entity,
      parent,
      year,
      indicator_id: indicator.id,
      period: said.period,
      status: said.status,
      value: said.value,
      unit: said.value === null ? '' : indicator.unit,
      qualifier: said.qualifier,
      figures: said.figures.length,
    };
  }
}
