import type { Indicator } from '../../indicators/index.ts';
import {
  type IndicatorValue,
  indicatorValues,
  periodYear,
  type ReportStatements,
} from '../../indicators/index.ts';
import { formatNumber, reportName } from '../format.ts';
import { Bilingual } from './bilingual.tsx';
import { chartPoints, indicatorRows, type Said } from './indicator-bounds.tsx';
import { IndicatorChart } from './indicator-chart.tsx';
import { QualifierName } from './qualifier.tsx';
import { TableScroll } from './table-scroll.tsx';

const ROOT = '../';

export interface ThemeSectionProps {
  theme: { name: string; nameEn: string };
  indicators: readonly Indicator[];
  results: readonly ReportStatements[];
  saidBy: ReadonlyMap<ReportStatements, (indicatorId: string) => IndicatorValue>;
}

/** A theme's indicators that any report mentions, each as a table and a chart; nothing if none is. */
export function ThemeSection({ theme, indicators, results, saidBy }: ThemeSectionProps) {
  const sections = indicators.flatMap((indicator) => {
    const said = results.map((result) => ({
      result,
      value: (saidBy.get(result) ?? indicatorValues(result))(indicator.id),
    }));
    return said.some((s) => s.value.status !== 'not_mentioned')
      ? [<IndicatorSection indicator={indicator} said={said} />]
      : [];
  });
  if (sections.length === 0) return null;
  return (
    <>
      <h3 class="theme">
        <Bilingual zh={theme.name} en={theme.nameEn} />
      </h3>
      {sections}
    </>
  );
}

function IndicatorSection({ indicator, said }: { indicator: Indicator; said: readonly Said[] }) {
  const anchor = `i-${indicator.id.replace(/[^a-z0-9]+/g, '-')}`;
  const shown = indicatorRows(said);
  const chart = chartPoints(
    said.flatMap(({ result, value }) =>
      value.status === 'found' && value.value !== null
        ? [
            {
              series: result.report.entity || result.report.id,
              label: reportName(result.report),
              value: value.value,
              // The year the value is of (a 2026 work report's results: 2025), else the report's.
              year: periodYear(value.period) ?? result.report.year,
            },
          ]
        : [],
    ),
  );
  const median = chart.medians ? ['，各年度中位数', ', median of each year'] : ['', ''];
  const caption = (
    <Bilingual
      zh={`${indicator.name}（${indicator.unit}${median[0]}）`}
      en={`${indicator.nameEn} (${indicator.unit}${median[1]})`}
    />
  );
  const th = (zh: string, en: string, className?: string) => (
    <th scope="col" class={className}>
      <Bilingual zh={zh} en={en} />
    </th>
  );
  return (
    <section class="indicator" id={anchor} aria-labelledby={`${anchor}-title`}>
      {'\n'}
      <h4 id={`${anchor}-title`}>
        <Bilingual zh={indicator.name} en={indicator.nameEn} /> <code>{indicator.id}</code>
      </h4>
      {'\n'}
      <p>
        <Bilingual zh={indicator.description} en={indicator.descriptionEn} />
      </p>
      {'\n'}
      {shown.note}
      <div class="indicator-body">
        <TableScroll labelledBy={`${anchor}-title`}>
          <table>
            {'\n'}
            <thead>
              <tr>
                {th('报告', 'Report')}
                {th('数值', 'Value', 'num')}
                {th('限定', 'Qualifier')}
                {th('状态', 'Status')}
                {th('原文', 'Text')}
              </tr>
            </thead>
            {'\n'}
            <tbody lang="zh-CN">
              {shown.rows.map(({ result, value }) => (
                <IndicatorRow result={result} value={value} />
              ))}
            </tbody>
          </table>
        </TableScroll>
        {'\n'}
        <IndicatorChart anchor={anchor} caption={caption} unit={indicator.unit} points={chart.points} />
      </div>
    </section>
  );
}

const STATUS = {
  found: ['已找到', 'found'],
  not_mentioned: ['未提及', 'not mentioned'],
  ambiguous: ['不明确', 'ambiguous'],
} as const;

function IndicatorRow({ result, value }: Said) {
  const { report } = result;
  const [zh, en] = STATUS[value.status];
  return (
    <tr>
      <td>{reportName(report)}</td>
      <td class="num">{value.value === null ? '—' : formatNumber(value.value)}</td>
      {'\n'}
      <td>{value.qualifier ? <QualifierName qualifier={value.qualifier} /> : null}</td>
      <td class={`status-${value.status}`}>
        <Bilingual zh={zh} en={en} />
      </td>
      <td>
        {value.figures.map((f) => [
          <a href={`${ROOT}reports/${report.id}/index.html#f-${f.id}`}>{f.text}</a>,
          ' ',
        ])}
      </td>
    </tr>
  );
}
