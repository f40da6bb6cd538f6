import type { IndicatorCatalog } from '../indicators/index.ts';
import {
  headlinePeriod,
  indicatorNumber,
  indicatorValues,
  type ReportIndicators,
  type SeriesKind,
} from '../indicators/index.ts';
import type { Report } from '../report/index.ts';
import {
  CHANGE_FIELD,
  field,
  PERIOD_FIELD,
  REPORT_COLUMNS,
  reportPageUrl,
  STATUS_FIELD,
} from './dataset-fields.ts';
import { type Cell, type Dataset, defineDataset, lazyRows, type RowOf } from './datasets.ts';

const QUALIFIERS = ['exact', 'over', 'under', 'approx'] as const;

const INDICATOR_FIELDS = [
  ...REPORT_COLUMNS,
  field(
    'indicator_id',
    'string',
    ['Indicator', '指标编号'],
    ['Stable id of the indicator in data/indicators.json.', '指标目录中的稳定编号。'],
  ),
  field('theme', 'string', ['Theme', '领域'], ['Theme of the indicator.', '指标所属领域。']),
  field(
    'name_zh',
    'string',
    ['Name (Chinese)', '指标名称'],
    ['Name of the indicator in Chinese.', '指标的中文名称。'],
  ),
  field(
    'name_en',
    'string',
    ['Name (English)', '英文名称'],
    ['Name of the indicator in English.', '指标的英文名称。'],
  ),
  field(
    'value',
    'number',
    ['Value', '数值'],
    [
      'The number, magnitudes multiplied out; percentages in percent points; a fall is negative (下降2.1% is -2.1).',
      '数值；万、亿已乘出，百分比以百分点计；下降为负数（“下降2.1%”为-2.1）。',
    ],
  ),
  field(
    'unit',
    'string',
    ['Unit', '单位'],
    ['Base unit or measure word as written.', '报告原文的基本单位或量词。'],
  ),
  field(
    'qualifier',
    'string',
    ['Qualifier', '限定'],
    [
      'exact; over (余, 多); under (近, 不足); approx (约).',
      'exact 确数；over 余、多；under 近、不足；approx 约。',
    ],
    { values: QUALIFIERS },
  ),
  PERIOD_FIELD,
  STATUS_FIELD,
  CHANGE_FIELD,
  field(
    'figure_id',
    'string',
    ['Figure id', '数字编号'],
    ['Id of the figure in the figures dataset.', 'figures 数据集中的数字编号。'],
  ),
  field(
    'text',
    'string',
    ['Text', '原文'],
    ['The figure as written in the report.', '报告中数字的原文写法。'],
  ),
  field(
    'url',
    'string',
    ['Link', '链接'],
    ['The figure highlighted in its report page.', '在报告页面中高亮该数字的链接。'],
  ),
] as const;

const INDICATORS = defineDataset({
  name: 'indicators',
  title: 'Indicators',
  titleZh: '指标',
  description:
    'Figures matched to the indicator catalog (one row a figure), so towns and years can be compared: compare rows of the same indicator, period and status (a target is no result).',
  descriptionZh:
    '与指标目录对应的数字（每个数字一行），便于跨地区、跨年度比较：同一指标、时期与性质的行才可比较（目标值不是结果）。',
  fields: INDICATOR_FIELDS,
  primaryKey: ['report_id', 'figure_id'],
});

type IndicatorRow = RowOf<typeof INDICATOR_FIELDS>;

/**
 * Long form: one row per figure matched to an indicator. Like the other indicator datasets its rows
 * are made afresh on each pass over them (`lazyRows`), never held.
 */
export function indicatorsDataset(
  results: readonly ReportIndicators[],
  baseUrl: string,
): Dataset<IndicatorRow> {
  const count = results.reduce((sum, result) => sum + result.matches.length, 0);
  return INDICATORS.withRows(
    lazyRows(count, function* () {
      for (const { report, matches } of results)
        yield* matches.map(
          ({ indicator, figure }): IndicatorRow => ({
            report_id: report.id,
            entity: report.entity,
            parent: report.parent,
            year: report.year,
            indicator_id: indicator.id,
            theme: indicator.theme,
            name_zh: indicator.name,
            name_en: indicator.nameEn,
            value: indicatorNumber(figure, indicator),
            unit: figure.unit,
            qualifier: figure.qualifier,
            period: figure.period,
            status: figure.status,
            change: figure.change,
            figure_id: figure.id,
            text: figure.text,
            url: `${reportPageUrl(baseUrl, report.id)}#f-${figure.id}`,
          }),
        );
    }),
  );
}

/** The columns of REPORT_COLUMNS for one report. */
function reportCells(report: Report): RowOf<typeof REPORT_COLUMNS> {
  return { report_id: report.id, entity: report.entity, parent: report.parent, year: report.year };
}

/**
 * The column of an indicator in the wide form: its id, which the catalog requires to be
 * `<area>.<what>` (indicator-catalog.ts), so no indicator column is ever named like a report column;
 * its targets' column is `<id>:target`, a colon no id may hold.
 */
type IndicatorColumn = `${string}.${string}`;

/**
 * A row of the wide form: the report columns, the periods, then one value per indicator of the
 * catalog for results and one for targets. Which indicators is known only when the catalog is read,
 * so that part is typed by the shape of its keys.
 */
export type WideRow = RowOf<
  readonly [...typeof REPORT_COLUMNS, ...typeof WIDE_PERIODS, ...ReturnType<typeof indicatorField>[]]
>;

const WIDE_PERIODS = [
  field(
    'period',
    'string',
    ['Period of results', '结果时期'],
    [
      "The period the results columns are of: the latest year of the report's matched results (a 2026 work report: 2025).",
      '结果各列所属的时期：报告中已对应指标的结果数字的最晚年份（2026年政府工作报告为2025）。',
    ],
  ),
  field(
    'target_period',
    'string',
    ['Period of targets', '目标时期'],
    [
      'The period the target columns are set for: the earliest year of its matched targets (a 2026 work report: 2026); empty when the report sets none.',
      '目标各列所针对的时期：已对应指标的目标的最早年份（2026年政府工作报告为2026）；报告未提出目标时为空。',
    ],
  ),
] as const;

function indicatorColumn(id: string): IndicatorColumn {
  if (isIndicatorColumn(id)) return id;
  throw new Error(
    `Indicator id ${JSON.stringify(id)} is not <area>.<what>: the catalog should have refused it`,
  );
}

function isIndicatorColumn(id: string): id is IndicatorColumn {
  return id.includes('.');
}

function indicatorField(indicator: IndicatorCatalog['indicators'][number], kind: SeriesKind) {
  const target = kind === 'target';
  return field(
    indicatorColumn(target ? `${indicator.id}:target` : indicator.id),
    'number',
    target
      ? [`${indicator.nameEn} (target)`, `${indicator.name}（目标）`]
      : [indicator.nameEn, indicator.name],
    target
      ? [
          `Target set for target_period. ${indicator.descriptionEn}`,
          `target_period 的目标值。${indicator.description}`,
        ]
      : [`Result in period. ${indicator.descriptionEn}`, `period 时期的结果。${indicator.description}`],
    { unit: indicator.unit },
  );
}

/**
 * Wide form for spreadsheets: one row per report; one column per indicator of the catalog for its
 * results (actuals and estimates) in the report's period, then one per indicator for its targets, so
 * that a target never sits in a result's cell.
 */
export function indicatorsWideDataset(
  results: readonly ReportIndicators[],
  catalog: IndicatorCatalog,
): Dataset<WideRow> {
  const resultFields = catalog.indicators.map((indicator) => indicatorField(indicator, 'result'));
  const targetFields = catalog.indicators.map((indicator) => indicatorField(indicator, 'target'));
  const wide = defineDataset({
    name: 'indicators-wide',
    title: 'Indicators by report',
    titleZh: '指标宽表',
    description:
      "One row per report, one column per indicator for its results in the report's period and one for its targets; empty where the report does not say or is ambiguous.",
    descriptionZh: '每份报告一行；每个指标一列为报告时期的结果，另一列为目标值；报告未提及或说法不一的为空。',
    fields: [...REPORT_COLUMNS, ...WIDE_PERIODS, ...resultFields, ...targetFields],
    primaryKey: ['report_id'],
  });
  return wide.withRows(
    lazyRows(results.length, function* () {
      for (const result of results) {
        const period = headlinePeriod(result, 'result');
        const targetPeriod = headlinePeriod(result, 'target');
        const said = indicatorValues(result, 'result', period);
        const set = indicatorValues(result, 'target', targetPeriod);
        // One object, its columns added in order: spreading a hundred columns into it was 6 times slower.
        const row: { [column: string]: Cell } = reportCells(result.report);
        row.period = period;
        row.target_period = targetPeriod;
        for (const indicator of catalog.indicators) row[indicator.id] = said(indicator.id).value;
        for (const indicator of catalog.indicators) row[`${indicator.id}:target`] = set(indicator.id).value;
        yield row as WideRow;
      }
    }),
  );
}
