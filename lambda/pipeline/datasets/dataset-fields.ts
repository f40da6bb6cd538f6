import type { FieldSpec, FieldType } from './datasets.ts';

/** What a column may have beside its name, type, titles and descriptions. */
type FieldExtra = Pick<FieldSpec, 'unit' | 'values'>;

/**
 * A column definition in one line: name, type, English and Chinese title and description. Its name,
 * type and allowed values keep their literal types, from which the dataset's row type is made.
 */
export function field<
  const Name extends string,
  const Type extends FieldType,
  const Extra extends FieldExtra = FieldExtra,
>(
  name: Name,
  type: Type,
  [title, titleZh]: [string, string],
  [description, descriptionZh]: [string, string],
  extra?: Extra,
): FieldSpec<Name, Type> & Extra {
  return { name, type, title, titleZh, description, descriptionZh, ...(extra as Extra) };
}

export const ENTITY_FIELD = field(
  'entity',
  'string',
  ['Entity', '主体'],
  ['The town, street, county or department that reports.', '发布报告的镇、街道、区县或部门。'],
);

export const PARENT_FIELD = field(
  'parent',
  'string',
  ['Parent region', '上级行政区'],
  ['The region the entity belongs to.', '主体所属的上级行政区。'],
);

export const YEAR_FIELD = field('year', 'integer', ['Year', '年度'], ['Reporting year.', '报告年度。'], {
  unit: '年 year',
});

/** What a figure means (docs/meaning.md), in every dataset that has figures: figures and indicators. */
export const PERIOD_FIELD = {
  name: 'period',
  type: 'string',
  title: 'Period',
  titleZh: '时期',
  description:
    "The time the figure covers: a year (2023), whole years (2021/2025), since a year or with no start said (../2025), months (2023-01/2023-06); empty when neither the text nor the report's year says. Not the report's year: a 2026 work report's results are of 2025.",
  descriptionZh:
    '数字所指的时间：一年（2023）、若干整年（2021/2025）、未说起点的累计（../2025）、月份（2023-01/2023-06）；原文与报告年度都未说明时为空。不同于报告年度：2026年政府工作报告的成绩属于2025年。',
} as const;

export const STATUS_FIELD = {
  name: 'status',
  type: 'string',
  title: 'Status',
  titleZh: '性质',
  description:
    'actual: it happened or exists; estimate: a preliminary result (预计, 初步核算); target: a goal or expected value, not a result (预期目标, 力争, 计划).',
  values: ['actual', 'estimate', 'target'],
  descriptionZh:
    'actual 实际数；estimate 预计数（预计、初步核算）；target 目标值（预期目标、力争、计划），不是结果。',
} as const;

export const CHANGE_FIELD = {
  name: 'change',
  type: 'string',
  title: 'Change',
  titleZh: '增减',
  description:
    'none: a level (an amount, a count, a rate); up or down: a change against an earlier value (增长, 提高 / 下降, 减少). The value stays as written: 下降2.1% is 2.1 with change down.',
  values: ['none', 'up', 'down'],
  descriptionZh:
    'none 水平值（总量、数量、比率）；up 增加、down 减少：相对于此前数值的变化（增长、提高／下降、减少）。数值照原文：“下降2.1%”为2.1，增减为down。',
} as const;

/** The columns that say which report a row is about, shared by the indicator datasets. */
export const REPORT_COLUMNS = [
  field('report_id', 'string', ['Report', '报告'], ['Id of the report.', '报告编号。']),
  ENTITY_FIELD,
  PARENT_FIELD,
  YEAR_FIELD,
] as const;

export function reportPageUrl(baseUrl: string, reportId: string): string {
  return `${baseUrl}/reports/${reportId}/index.html`;
}
