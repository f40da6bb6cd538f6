import type { Report } from '../report/index.ts';
import { ENTITY_FIELD, PARENT_FIELD, reportPageUrl, YEAR_FIELD } from './dataset-fields.ts';
import { type Dataset, defineDataset, type FieldSpec, type RowOf } from './datasets.ts';

const REPORT_FIELDS = [
  {
    name: 'id',
    type: 'string',
    title: 'Report id',
    titleZh: '报告编号',
    description: 'Slug of the report (entity and year).',
    descriptionZh: '报告编号（主体与年度）。',
  },
  {
    name: 'title',
    type: 'string',
    title: 'Title',
    titleZh: '标题',
    description: 'Title of the report as written.',
    descriptionZh: '报告原标题。',
  },
  ENTITY_FIELD,
  PARENT_FIELD,
  YEAR_FIELD,
  {
    name: 'kind',
    type: 'string',
    title: 'Kind of report',
    titleZh: '报告类型',
    description: 'Kind of report as named in its title.',
    descriptionZh: '标题中的报告类型。',
  },
  {
    name: 'publisher',
    type: 'string',
    title: 'Publisher',
    titleZh: '发布单位',
    description: 'Who published the report (the footer’s 主办单位 unless the metadata says otherwise).',
    descriptionZh: '报告的发布单位（默认取页脚的主办单位）。',
  },
  {
    name: 'license',
    type: 'string',
    title: 'License',
    titleZh: '许可',
    description: 'License of the published data.',
    descriptionZh: '所发布数据的许可。',
  },
  {
    name: 'source_url',
    type: 'string',
    title: 'Source URL',
    titleZh: '来源链接',
    description: 'Where the report was published, when known.',
    descriptionZh: '报告的原始发布地址（如已知）。',
  },
  {
    name: 'retrieved_from',
    type: 'string',
    title: 'Retrieved from',
    titleZh: '文本取自',
    description:
      'Where the text was taken from when that is not the page it was published on (a library’s or an archive’s copy), when known.',
    descriptionZh: '文本的获取地址（非原始发布页面时，如图书馆或档案馆的副本）。',
  },
  {
    name: 'sha256',
    type: 'string',
    title: 'SHA-256',
    titleZh: 'SHA-256',
    description: 'SHA-256 of the report file as read.',
    descriptionZh: '所读取报告文件的 SHA-256。',
  },
  {
    name: 'figures',
    type: 'integer',
    title: 'Figures',
    titleZh: '数字个数',
    description: 'Number of figures extracted.',
    descriptionZh: '提取出的数字个数。',
    unit: '个 figures',
  },
  {
    name: 'url',
    type: 'string',
    title: 'Page',
    titleZh: '页面',
    description: 'The report page with its figures highlighted.',
    descriptionZh: '高亮全部数字的报告页面。',
  },
] as const satisfies readonly FieldSpec[];

const REPORTS = defineDataset({
  name: 'reports',
  title: 'Reports',
  titleZh: '报告',
  description: 'One row per report: where it came from and how many figures it gave.',
  descriptionZh: '每份报告一行：来源与提取出的数字个数。',
  fields: REPORT_FIELDS,
  primaryKey: ['id'],
});

export type ReportRow = RowOf<typeof REPORT_FIELDS>;

export function reportsDataset(reports: readonly Report[], baseUrl: string): Dataset<ReportRow> {
  return REPORTS.withRows(
    reports.map(
      (report): ReportRow => ({
        id: report.id,
        title: report.title,
        entity: report.entity,
        parent: report.parent,
        year: report.year,
        kind: report.kind,
        publisher: report.publisher,
        license: report.license,
        source_url: report.source.url,
        retrieved_from: report.source.retrievedFrom ?? '',
        sha256: report.source.sha256,
        figures: report.figures.length,
        url: reportPageUrl(baseUrl, report.id),
      }),
    ),
  );
}
