import type { IndicatorCatalog } from '../indicators/index.ts';
import { indicatorValues, type ReportIndicators } from '../indicators/index.ts';
import type { Report } from '../report/index.ts';
import { field, REPORT_COLUMNS, reportPageUrl } from './dataset-fields.ts';
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
      'The number, magnitudes multiplied out; percentages in percent points.',
      '数值；万、亿已乘出，百分比以百分点计。',
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
    'Figures matched to the indicator catalog (one row a figure), so towns and years can be compared.',
  descriptionZh: '与指标目录对应的数字（每个数字一行），便于跨地区、跨年度比较。',
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
            value: figure.value,
            unit: figure.unit,
            qualifier: figure.qualifier,
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
 * `<area>.<what>` (indicator-catalog.ts), so no indicator column is ever named like a report column.
 */
type IndicatorColumn = `${string}.${string}`;

/**
 * A row of the wide form: the report columns, then one value per indicator of the catalog. Which
 * indicators is known only when the catalog is read, so that part is typed by the shape of its keys.
 */
export type WideRow = RowOf<readonly [...typeof REPORT_COLUMNS, ...ReturnType<typeof indicatorField>[]]>;

function indicatorColumn(id: string): IndicatorColumn {
  if (isIndicatorColumn(id)) return id;
  throw new Error(
    `Indicator id ${JSON.stringify(id)} is not <area>.<what>: the catalog should have refused it`,
  );
}

function isIndicatorColumn(id: string): id is IndicatorColumn {
  return id.includes('.');
}

function indicatorField(indicator: IndicatorCatalog['indicators'][number]) {
  return field(
    indicatorColumn(indicator.id),
    'number',
    [indicator.nameEn, indicator.name],
    [indicator.descriptionEn, indicator.description],
    { unit: indicator.unit },
  );
}

/** Wide form for spreadsheets: one row per report, one column per indicator of the catalog. */
export function indicatorsWideDataset(
  results: readonly ReportIndicators[],
  catalog: IndicatorCatalog,
): Dataset<WideRow> {
  const indicatorFields = catalog.indicators.map(indicatorField);
  const wide = defineDataset({
    name: 'indicators-wide',
    title: 'Indicators by report',
    titleZh: '指标宽表',
    description:
      'One row per report, one column per indicator; empty where the report does not say or is ambiguous.',
    descriptionZh: '每份报告一行、每个指标一列；报告未提及或说法不一的为空。',
    fields: [...REPORT_COLUMNS, ...indicatorFields],
    primaryKey: ['report_id'],
  });
  return wide.withRows(
    lazyRows(results.length, function* () {
      for (const result of results) {
        const said = indicatorValues(result);
        // One object, its columns added in order: spreading 53 columns into it was 6 times slower.
        const row: { [column: string]: Cell } = reportCells(result.report);
        for (const { name } of indicatorFields) row[name] = said(name).value;
        yield row as WideRow;
      }
    }),
  );
}
