import type { Report } from '../report/report.ts';
import { ENTITY_FIELD, PARENT_FIELD, YEAR_FIELD } from './dataset-fields.ts';

/** A column of a published dataset: one definition drives the CSV header, the JSON keys and the Table Schema. */
export interface FieldSpec {
  name: string;
  type: 'string' | 'integer' | 'number';
  title: string;
  titleZh: string;
  description: string;
  /** Chinese description (the English one when absent). */
  descriptionZh?: string;
  /** The unit every value of the column is in, when there is one (Table Schema has no unit property: published as `unit`). */
  unit?: string;
  /** Allowed values, for Table Schema `constraints.enum`. */
  values?: readonly string[];
}

export type Row = Record<string, string | number | null>;

/**
 * A dataset's rows: an array, or rows made afresh on each pass (`lazyRows`) for the big aggregates
 * (10,000 reports × 53 indicators is 530,000 coverage rows), so they are never held at once.
 */
export interface Rows extends Iterable<Row> {
  readonly length: number;
}

/** `length` rows, made by `make` each time they are iterated. */
export function lazyRows(length: number, make: () => Iterable<Row>): Rows {
  return { length, [Symbol.iterator]: () => make()[Symbol.iterator]() };
}

export interface Dataset {
  name: string;
  title: string;
  titleZh: string;
  description: string;
  /** Chinese description (the English one when absent). */
  descriptionZh?: string;
  fields: readonly FieldSpec[];
  primaryKey: string[];
  rows: Rows;
}

const figureFields: readonly FieldSpec[] = [
  {
    name: 'id',
    type: 'string',
    title: 'Figure id',
    titleZh: '数字编号',
    description: 'Stable id of the figure, unchanged while its sentence is unchanged.',
    descriptionZh: '数字的稳定编号，原句不变则编号不变。',
  },
  {
    name: 'report_id',
    type: 'string',
    title: 'Report',
    titleZh: '报告',
    description: 'Id of the report the figure came from.',
    descriptionZh: '数字所在报告的编号。',
  },
  ENTITY_FIELD,
  YEAR_FIELD,
  {
    name: 'section',
    type: 'string',
    title: 'Section',
    titleZh: '章节',
    description: "Heading path of the figure's section, joined with ' › '.",
    descriptionZh: '数字所在章节的标题路径，以“ › ”连接。',
  },
  {
    name: 'label',
    type: 'string',
    title: 'Label',
    titleZh: '指标',
    description: "What is counted, in the report's own words.",
    descriptionZh: '所计数的事项，用报告原文的措辞。',
  },
  {
    name: 'value',
    type: 'number',
    title: 'Value',
    titleZh: '数值',
    description: 'The number, magnitudes (万, 亿) multiplied out; percentages in percent points.',
    descriptionZh: '数值；万、亿已乘出，百分比以百分点计。',
  },
  {
    name: 'unit',
    type: 'string',
    title: 'Unit',
    titleZh: '单位',
    description: 'Base unit or measure word (元, 件, 人次, %, 个百分点).',
    descriptionZh: '基本单位或量词（元、件、人次、%、个百分点）。',
  },
  {
    name: 'qualifier',
    type: 'string',
    title: 'Qualifier',
    titleZh: '限定',
    description: 'exact; over (余, 多, 超过); under (近, 不足); approx (约, 左右).',
    values: ['exact', 'over', 'under', 'approx'],
    descriptionZh: 'exact 确数；over 余、多、超过；under 近、不足；approx 约、左右。',
  },
  {
    name: 'text',
    type: 'string',
    title: 'Text',
    titleZh: '原文',
    description: 'The figure as written in the report.',
    descriptionZh: '报告中数字的原文写法。',
  },
  {
    name: 'sentence',
    type: 'string',
    title: 'Sentence',
    titleZh: '原句',
    description:
      'The sentence the figure came from: whole when it has at most 60 characters on either side of the figure; a longer side is cut after the clause mark (，,；;。：:、！!？?) farthest from the figure within 60 characters, or at 60 characters when there is none, and … marks the cut. The report page has the whole text.',
    descriptionZh:
      '数字所在的原句：数字两侧各不超过60个字符时为整句；超过的一侧在距数字60个字符以内、离数字最远的分句标点（，,；;。：:、！!？?）处截断，没有标点时截在第60个字符处，截断处以“…”标出。报告页面有全文。',
  },
  {
    name: 'start',
    type: 'integer',
    title: 'Start',
    titleZh: '起始位置',
    description: 'Offset of the first character in source.txt (UTF-16 code units).',
    descriptionZh: '数字首字符在 source.txt 中的位置（UTF-16 码元）。',
    unit: 'UTF-16 code units',
  },
  {
    name: 'end',
    type: 'integer',
    title: 'End',
    titleZh: '结束位置',
    description: 'Offset just past the last character in source.txt (UTF-16 code units).',
    descriptionZh: '数字末字符之后在 source.txt 中的位置（UTF-16 码元）。',
    unit: 'UTF-16 code units',
  },
  {
    name: 'url',
    type: 'string',
    title: 'Link',
    titleZh: '链接',
    description: 'The figure highlighted in its report page.',
    descriptionZh: '在报告页面中高亮该数字的链接。',
  },
];

const reportFields: readonly FieldSpec[] = [
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
];

export function reportPageUrl(baseUrl: string, reportId: string): string {
  return `${baseUrl}/reports/${reportId}/index.html`;
}

/** Every figure, a row each, made afresh on each pass (263,000 rows at 10,000 reports). */
export function figuresDataset(reports: readonly Report[], baseUrl: string): Dataset {
  const count = reports.reduce((sum, report) => sum + report.figures.length, 0);
  const rows = lazyRows(count, function* () {
    for (const report of reports)
      yield* report.figures.map((figure) => ({
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
        sentence: figure.excerpt,
        start: figure.start,
        end: figure.end,
        url: `${reportPageUrl(baseUrl, report.id)}#f-${figure.id}`,
      }));
  });
  return {
    name: 'figures',
    title: 'Figures',
    titleZh: '数字',
    description: 'Every figure of every report, with the sentence and section it came from.',
    descriptionZh: '每份报告中的每个数字，附其所在原句与章节。',
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
    descriptionZh: '每份报告一行：来源与提取出的数字个数。',
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
      retrieved_from: report.source.retrievedFrom ?? '',
      sha256: report.source.sha256,
      figures: report.figures.length,
      url: reportPageUrl(baseUrl, report.id),
    })),
  };
}
