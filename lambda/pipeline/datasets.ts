import type { Report } from './report.ts';

/** A column of a published dataset: one definition drives the CSV header, the JSON keys and the Table Schema. */
export interface FieldSpec {
  name: string;
  type: 'string' | 'integer' | 'number';
  title: string;
  titleZh: string;
  description: string;
  /** Allowed values, for Table Schema `constraints.enum`. */
  values?: readonly string[];
}

export type Row = Record<string, string | number | null>;

export interface Dataset {
  name: string;
  title: string;
  titleZh: string;
  description: string;
  fields: readonly FieldSpec[];
  primaryKey: string[];
  rows: Row[];
}

const figureFields: readonly FieldSpec[] = [
  {
    name: 'id',
    type: 'string',
    title: 'Figure id',
    titleZh: '数字编号',
    description: 'Stable id of the figure, unchanged while its sentence is unchanged.',
  },
  {
    name: 'report_id',
    type: 'string',
    title: 'Report',
    titleZh: '报告',
    description: 'Id of the report the figure came from.',
  },
  {
    name: 'entity',
    type: 'string',
    title: 'Entity',
    titleZh: '主体',
    description: 'The town, street, county or department that reports.',
  },
  { name: 'year', type: 'integer', title: 'Year', titleZh: '年度', description: 'Reporting year.' },
  {
    name: 'section',
    type: 'string',
    title: 'Section',
    titleZh: '章节',
    description: "Heading path of the figure's section, joined with ' › '.",
  },
  {
    name: 'label',
    type: 'string',
    title: 'Label',
    titleZh: '指标',
    description: "What is counted, in the report's own words.",
  },
  {
    name: 'value',
    type: 'number',
    title: 'Value',
    titleZh: '数值',
    description: 'The number, magnitudes (万, 亿) multiplied out; percentages in percent points.',
  },
  {
    name: 'unit',
    type: 'string',
    title: 'Unit',
    titleZh: '单位',
    description: 'Base unit or measure word (元, 件, 人次, %, 个百分点).',
  },
  {
    name: 'qualifier',
    type: 'string',
    title: 'Qualifier',
    titleZh: '限定',
    description: 'exact; over (余, 多, 超过); under (近, 不足); approx (约, 左右).',
    values: ['exact', 'over', 'under', 'approx'],
  },
  {
    name: 'text',
    type: 'string',
    title: 'Text',
    titleZh: '原文',
    description: 'The figure as written in the report.',
  },
  {
    name: 'sentence',
    type: 'string',
    title: 'Sentence',
    titleZh: '原句',
    description: 'The whole sentence the figure came from.',
  },
  {
    name: 'start',
    type: 'integer',
    title: 'Start',
    titleZh: '起始位置',
    description: 'Offset of the first character in source.txt (UTF-16 code units).',
  },
  {
    name: 'end',
    type: 'integer',
    title: 'End',
    titleZh: '结束位置',
    description: 'Offset just past the last character in source.txt (UTF-16 code units).',
  },
  {
    name: 'url',
    type: 'string',
    title: 'Link',
    titleZh: '链接',
    description: 'The figure highlighted in its report page.',
  },
];

const reportFields: readonly FieldSpec[] = [
  {
    name: 'id',
    type: 'string',
    title: 'Report id',
    titleZh: '报告编号',
    description: 'Slug of the report (entity and year).',
  },
  {
    name: 'title',
    type: 'string',
    title: 'Title',
    titleZh: '标题',
    description: 'Title of the report as written.',
  },
  {
    name: 'entity',
    type: 'string',
    title: 'Entity',
    titleZh: '主体',
    description: 'The town, street, county or department that reports.',
  },
  {
    name: 'parent',
    type: 'string',
    title: 'Parent region',
    titleZh: '上级行政区',
    description: 'The region the entity belongs to.',
  },
  { name: 'year', type: 'integer', title: 'Year', titleZh: '年度', description: 'Reporting year.' },
  {
    name: 'kind',
    type: 'string',
    title: 'Kind of report',
    titleZh: '报告类型',
    description: 'Kind of report as named in its title.',
  },
  {
    name: 'publisher',
    type: 'string',
    title: 'Publisher',
    titleZh: '发布单位',
    description: 'Who published the report (the footer’s 主办单位 unless the metadata says otherwise).',
  },
  {
    name: 'license',
    type: 'string',
    title: 'License',
    titleZh: '许可',
    description: 'License of the published data.',
  },
  {
    name: 'source_url',
    type: 'string',
    title: 'Source URL',
    titleZh: '来源链接',
    description: 'Where the report was published, when known.',
  },
  {
    name: 'sha256',
    type: 'string',
    title: 'SHA-256',
    titleZh: 'SHA-256',
    description: 'SHA-256 of the report file as read.',
  },
  {
    name: 'figures',
    type: 'integer',
    title: 'Figures',
    titleZh: '数字个数',
    description: 'Number of figures extracted.',
  },
  {
    name: 'url',
    type: 'string',
    title: 'Page',
    titleZh: '页面',
    description: 'The report page with its figures highlighted.',
  },
];

export function reportPageUrl(baseUrl: string, reportId: string): string {
  return `${baseUrl}/reports/${reportId}/index.html`;
}

export function figuresDataset(reports: readonly Report[], baseUrl: string): Dataset {
  const rows = reports.flatMap((report) =>
    report.figures.map((figure) => ({
      id: figure.id,
      report_id: report.id,
      entity: report.entity,
      year: report.year,
      section: figure.section,
      label: figure.label,
      value: figure.value,
      unit: figure.unit,
      qualifier: figure.qualifier,
      text: figure.text,
      sentence: figure.sentence,
      start: figure.start,
      end: figure.end,
      url: `${reportPageUrl(baseUrl, report.id)}#f-${figure.id}`,
    })),
  );
  return {
    name: 'figures',
    title: 'Figures',
    titleZh: '数字',
    description: 'Every figure of every report, with the sentence and section it came from.',
    fields: figureFields,
    primaryKey: ['report_id', 'id'],
    rows,
  };
}

export function reportsDataset(reports: readonly Report[], baseUrl: string): Dataset {
  return {
    name: 'reports',
    title: 'Reports',
    titleZh: '报告',
    description: 'One row per report: where it came from and how many figures it gave.',
    fields: reportFields,
    primaryKey: ['id'],
    rows: reports.map((report) => ({
      id: report.id,
      title: report.title,
      entity: report.entity,
      parent: report.parent,
      year: report.year,
      kind: report.kind,
      publisher: report.publisher,
      license: report.license,
      source_url: report.source.url,
      sha256: report.source.sha256,
      figures: report.figures.length,
      url: reportPageUrl(baseUrl, report.id),
    })),
  };
}
