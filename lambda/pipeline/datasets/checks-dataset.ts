import { CHECK_KINDS, CHECK_STATUSES, type Check } from '../checks/index.ts';
import { field, reportPageUrl } from './dataset-fields.ts';
import { type Dataset, defineDataset, lazyRows, type RowOf } from './datasets.ts';

const CHECK_FIELDS = [
  field(
    'id',
    'string',
    ['Check id', '核对编号'],
    ['Stable id: the kind and the figures checked.', '稳定编号：核对类型与所涉数字。'],
  ),
  field(
    'report_id',
    'string',
    ['Report', '报告'],
    ['The report checked (for a restatement, the later one).', '被核对的报告（上年复述为较新的报告）。'],
  ),
  field(
    'kind',
    'string',
    ['Kind', '类型'],
    [
      'rate, total, repeat, approx or restatement.',
      'rate 比率；total 合计；repeat 重复；approx 约数；restatement 上年复述。',
    ],
    { values: CHECK_KINDS },
  ),
  field(
    'status',
    'string',
    ['Status', '结果'],
    ['pass, fail or cannot_tell.', 'pass 一致；fail 不一致；cannot_tell 无法判断。'],
    { values: CHECK_STATUSES },
  ),
  field(
    'indicator_id',
    'string',
    ['Indicator', '指标编号'],
    ['The indicator checked, when there is one.', '所核对的指标（如有）。'],
  ),
  field(
    'figure_ids',
    'string',
    ['Figures', '所涉数字'],
    [
      'Ids of the figures involved, space-separated; the tested one first.',
      '所涉数字的编号，以空格分隔，被核对的数字在前。',
    ],
  ),
  field(
    'expected',
    'number',
    ['Expected', '应为'],
    ['What the other figures say the value should be.', '按其他数字推算的应有数值。'],
  ),
  field(
    'actual',
    'number',
    ['Actual', '实为'],
    ['The value the report states (or implies).', '报告所述（或推算）的数值。'],
  ),
  field(
    'explanation_zh',
    'string',
    ['Explanation (Chinese)', '说明'],
    ['One line in Chinese.', '中文说明。'],
  ),
  field(
    'explanation_en',
    'string',
    ['Explanation (English)', '英文说明'],
    ['One line in English.', '英文说明。'],
  ),
  field(
    'url',
    'string',
    ['Link', '链接'],
    ['The tested figure in its report page.', '在报告页面中高亮被核对数字的链接。'],
  ),
] as const;

const CHECKS = defineDataset({
  name: 'checks',
  title: 'Checks',
  titleZh: '一致性核对',
  description:
    'Figures checked against each other: rates against counts, parts against totals, repeats, approximations, restated previous-year values.',
  descriptionZh: '数字之间的相互核对：比率与计数、分项与合计、重复出现、约数与确数、上年数据复述。',
  fields: CHECK_FIELDS,
  primaryKey: ['id'],
});

export type CheckRow = RowOf<typeof CHECK_FIELDS>;

/** Every consistency check with its figures, values, status and explanation; rows made on each pass. */
export function checksDataset(checks: readonly Check[], baseUrl: string): Dataset<CheckRow> {
  return CHECKS.withRows(
    lazyRows(checks.length, function* () {
      for (const check of checks) yield checkRow(check, baseUrl);
    }),
  );
}

function checkRow(check: Check, baseUrl: string): CheckRow {
  const [figure] = check.figures;
  return {
    id: check.id,
    report_id: check.reportId,
    kind: check.kind,
    status: check.status,
    indicator_id: check.indicatorId,
    figure_ids: check.figures.map((f) => f.id).join(' '),
    expected: check.expected,
    actual: check.actual,
    explanation_zh: check.explanation,
    explanation_en: check.explanationEn,
    url: figure ? `${reportPageUrl(baseUrl, check.figureReports[0] ?? check.reportId)}#f-${figure.id}` : '',
  };
}
