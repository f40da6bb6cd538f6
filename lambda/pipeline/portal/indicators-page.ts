import type { Check } from '../checks/check.ts';
import type { Indicator, IndicatorCatalog } from '../indicators/indicator-catalog.ts';
import { type IndicatorValue, indicatorValues, type ReportIndicators } from '../indicators/indicators.ts';
import type { SiteSettings } from '../report/settings.ts';
import { checkItem } from './check-list.ts';
import { formatNumber, LANGUAGE_TOGGLE, qualifierName, reportName } from './format.ts';
import { bilingual, type Html, html, page } from './html.ts';
import { boundedList, chartPoints, indicatorRows, type Said } from './indicator-bounds.ts';
import { indicatorChart } from './indicator-chart.ts';

const ROOT = '../';

/**
 * /indicators/index.html: every report's matched and unmatched figures, each indicator across the
 * reports as a table and a small chart, and every consistency check; bounded at scale (see
 * indicator-bounds.ts), every row staying in the datasets.
 */
export function indicatorsPage(
  settings: SiteSettings,
  catalog: IndicatorCatalog,
  unsorted: readonly ReportIndicators[],
  checks: readonly Check[],
): string {
  const results = [...unsorted].sort(byEntityAndYear);
  const saidBy = new Map(results.map((result) => [result, indicatorValues(result)]));
  const body = html`<header class="site-header"><p class="site-name"><a href="${ROOT}index.html">${bilingual(settings.title, settings.titleEn)}</a></p>${LANGUAGE_TOGGLE}</header>
<main id="main">
<h1>${bilingual('指标对比与一致性核对', 'Indicators compared, and consistency checks')}</h1>
<p>${bilingual(
    '报告中的数字按指标目录（data/indicators.json）的规则对应到稳定的指标编号；不符合任何规则或同时符合多条规则的数字不作猜测，只计数。',
    'Figures are matched to stable indicator ids by the rules of the indicator catalog (data/indicators.json); a figure that matches no rule, or more than one, is counted and never guessed.',
  )}</p>
<p class="metadata">${bilingual('下载', 'Download')}: ${[
    'indicators',
    'indicators-wide',
    'indicator-coverage',
    'checks',
  ].map(
    (name) =>
      html`<a href="${ROOT}data/${name}.csv">${name}.csv</a> <a href="${ROOT}data/${name}.xlsx">${name}.xlsx</a> · `,
  )}</p>
<section aria-labelledby="by-report-title"><h2 id="by-report-title">${bilingual('按报告', 'By report')}</h2>
${reportsTable(results, checks)}</section>
<section aria-labelledby="by-indicator-title"><h2 id="by-indicator-title">${bilingual('按指标', 'By indicator')}</h2>
${catalog.themes.map((theme) =>
  themeSection(
    theme,
    catalog.indicators.filter((i) => i.theme === theme.name),
    results,
    saidBy,
  ),
)}
</section>
<section aria-labelledby="all-checks-title"><h2 id="all-checks-title">${bilingual('全部核对', 'All checks')}</h2>
${checksList(checks)}
</section>
</main>`;
  const head = html`<link rel="stylesheet" href="${ROOT}assets/indicators.css">`;
  return page({ title: `指标 Indicators · ${settings.title}`, root: ROOT, body, head });
}

function byEntityAndYear(a: ReportIndicators, b: ReportIndicators): number {
  const key = (r: ReportIndicators) => `${r.report.entity}\u0000${r.report.year ?? ''}\u0000${r.report.id}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

function checksList(checks: readonly Check[]): Html {
  if (checks.length === 0)
    return html`<p class="muted">${bilingual('暂无可核对的数字。', 'No figures could be checked yet.')}</p>`;
  const { items, note } = boundedList(checks, ['项', '核对', 'checks'], 'checks');
  return html`${note}<ul class="checks">${items.map((check) => checkItem(check, ROOT))}</ul>`;
}

function reportsTable(all: readonly ReportIndicators[], checks: readonly Check[]): Html {
  const counts = new Map<string, number>();
  for (const c of checks)
    counts.set(`${c.reportId}\u0000${c.status}`, (counts.get(`${c.reportId}\u0000${c.status}`) ?? 0) + 1);
  const count = (id: string, status: string) => counts.get(`${id}\u0000${status}`) ?? 0;
  const { items: results, note } = boundedList(all, ['份', '报告', 'reports'], 'indicators-wide');
  const rows = results.map(
    ({
      report,
      matches,
      ambiguous,
      unmatched,
    }) => html`<tr><td><a href="${ROOT}reports/${report.id}/index.html">${reportName(report)}</a></td>
<td class="num">${report.figures.length}</td><td class="num">${matches.length}</td><td class="num">${ambiguous.length}</td><td class="num">${unmatched.length}</td>
<td class="num">${count(report.id, 'pass')}</td><td class="num">${count(report.id, 'fail')}</td><td class="num">${count(report.id, 'cannot_tell')}</td></tr>`,
  );
  const th = (zh: string, en: string) => html`<th scope="col" class="num">${bilingual(zh, en)}</th>`;
  return html`${note}<div class="table-scroll" role="region" aria-labelledby="by-report-title" tabindex="0"><table>
<thead><tr><th scope="col">${bilingual('报告', 'Report')}</th>${th('数字', 'Figures')}${th('已对应', 'Matched')}${th('多义', 'Ambiguous')}${th('未对应', 'Unmatched')}${th('核对一致', 'Checks passed')}${th('不一致', 'Failed')}${th('无法判断', 'Cannot tell')}</tr></thead>
<tbody lang="zh-CN">${rows}</tbody></table></div>`;
}

function themeSection(
  theme: { name: string; nameEn: string },
  indicators: readonly Indicator[],
  results: readonly ReportIndicators[],
  saidBy: ReadonlyMap<ReportIndicators, (indicatorId: string) => IndicatorValue>,
): Html {
  const sections = indicators.flatMap((indicator) => {
    const said = results.map((result) => ({
      result,
      value: (saidBy.get(result) ?? indicatorValues(result))(indicator.id),
    }));
    return said.some((s) => s.value.status !== 'not_mentioned') ? [indicatorSection(indicator, said)] : [];
  });
  if (sections.length === 0) return html``;
  return html`<h3 class="theme">${bilingual(theme.name, theme.nameEn)}</h3>${sections}`;
}

function indicatorSection(indicator: Indicator, said: readonly Said[]): Html {
  const anchor = `i-${indicator.id.replace(/[^a-z0-9]+/g, '-')}`;
  const shown = indicatorRows(said);
  const rows = shown.rows.map(({ result, value }) => indicatorRow(result, value));
  const chart = chartPoints(
    said.flatMap(({ result, value }) =>
      value.status === 'found' && value.value !== null
        ? [
            {
              series: result.report.entity || result.report.id,
              label: reportName(result.report),
              value: value.value,
              year: result.report.year,
            },
          ]
        : [],
    ),
  );
  const median = chart.medians ? ['，各年度中位数', ', median of each year'] : ['', ''];
  const caption = bilingual(
    `${indicator.name}（${indicator.unit}${median[0]}）`,
    `${indicator.nameEn} (${indicator.unit}${median[1]})`,
  );
  return html`<section class="indicator" id="${anchor}" aria-labelledby="${anchor}-title">
<h4 id="${anchor}-title">${bilingual(indicator.name, indicator.nameEn)} <code>${indicator.id}</code></h4>
<p>${bilingual(indicator.description, indicator.descriptionEn)}</p>
${shown.note}<div class="indicator-body"><div class="table-scroll" role="region" aria-labelledby="${anchor}-title" tabindex="0"><table>
<thead><tr><th scope="col">${bilingual('报告', 'Report')}</th><th scope="col" class="num">${bilingual('数值', 'Value')}</th><th scope="col">${bilingual('限定', 'Qualifier')}</th><th scope="col">${bilingual('状态', 'Status')}</th><th scope="col">${bilingual('原文', 'Text')}</th></tr></thead>
<tbody lang="zh-CN">${rows}</tbody></table></div>
${indicatorChart(anchor, caption, indicator.unit, chart.points)}</div></section>`;
}

const STATUS = {
  found: ['已找到', 'found'],
  not_mentioned: ['未提及', 'not mentioned'],
  ambiguous: ['不明确', 'ambiguous'],
} as const;

function indicatorRow(result: ReportIndicators, value: IndicatorValue): Html {
  const { report } = result;
  const [zh, en] = STATUS[value.status];
  const links = value.figures.map(
    (f) => html`<a href="${ROOT}reports/${report.id}/index.html#f-${f.id}">${f.text}</a> `,
  );
  return html`<tr><td>${reportName(report)}</td><td class="num">${value.value === null ? '—' : formatNumber(value.value)}</td>
<td>${value.qualifier ? qualifierName(value.qualifier) : ''}</td><td class="status-${value.status}">${bilingual(zh, en)}</td><td>${links}</td></tr>`;
}
