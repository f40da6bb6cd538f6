import type { Report } from '../report/index.ts';
import {
  CHANGE_FIELD,
  ENTITY_FIELD,
  PERIOD_FIELD,
  reportPageUrl,
  STATUS_FIELD,
  YEAR_FIELD,
} from './dataset-fields.ts';
import { type Dataset, defineDataset, type FieldSpec, lazyRows, type RowOf } from './datasets.ts';

const FIGURE_FIELDS = [
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
  PERIOD_FIELD,
  STATUS_FIELD,
  CHANGE_FIELD,
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
  {
    name: 'correction',
    type: 'string',
    title: 'Correction',
    titleZh: '更正',
    description:
      "Why the publisher corrected the figure (data/corrections.json): its value, unit, label, period or status are the publisher's, not the extractor's. Empty when the figure is as extracted.",
    descriptionZh:
      '发布者更正该数字的理由（data/corrections.json）：其数值、单位、指标、时期或性质为发布者所改，非自动提取。未更正时为空。',
  },
] as const satisfies readonly FieldSpec[];

const FIGURES = defineDataset({
  name: 'figures',
  title: 'Figures',
  titleZh: '数字',
  description: 'Every figure of every report, with the sentence and section it came from.',
  descriptionZh: '每份报告中的每个数字，附其所在原句与章节。',
  fields: FIGURE_FIELDS,
  primaryKey: ['report_id', 'id'],
});

export type FigureRow = RowOf<typeof FIGURE_FIELDS>;

/** Every figure, a row each, made afresh on each pass (263,000 rows at 10,000 reports). */
export function figuresDataset(reports: readonly Report[], baseUrl: string): Dataset<FigureRow> {
  const count = reports.reduce((sum, report) => sum + report.figures.length, 0);
  return FIGURES.withRows(
    lazyRows(count, function* () {
      for (const report of reports)
        yield* report.figures.map(
          (figure): FigureRow => ({
            id: figure.id,
            report_id: report.id,
            entity: report.entity,
            year: report.year,
            section: figure.section,
            label: figure.label,
            value: figure.value,
            unit: figure.unit,
            qualifier: figure.qualifier,
            period: figure.period,
            status: figure.status,
            change: figure.change,
            text: figure.text,
            sentence: figure.excerpt,
            start: figure.start,
            end: figure.end,
            url: `${reportPageUrl(baseUrl, report.id)}#f-${figure.id}`,
            correction: figure.correction ?? '',
          }),
        );
    }),
  );
}
