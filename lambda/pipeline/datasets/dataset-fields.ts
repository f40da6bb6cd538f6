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
