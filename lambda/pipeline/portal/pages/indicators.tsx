import type { Check } from '../../checks/index.ts';
import type { IndicatorCatalog } from '../../indicators/index.ts';
import { indicatorValues, type ReportStatements } from '../../indicators/index.ts';
import type { SiteSettings } from '../../report/index.ts';
import { Bilingual } from '../components/bilingual.tsx';
import { CheckItem } from '../components/check-list.tsx';
import { boundedList } from '../components/indicator-bounds.tsx';
import { ThemeSection } from '../components/indicator-section.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { TitledSection } from '../components/titled-section.tsx';
import { reportName } from '../format.ts';
import { Layout } from '../layout/layout.tsx';
import { renderPage } from '../render.ts';

const ROOT = '../';
const DOWNLOADS = ['indicators', 'indicators-wide', 'indicator-coverage', 'checks'];

/**
 * /indicators/index.html: every report's matched and unmatched figures, each indicator across the
 * reports as a table and a small chart, and every consistency check; bounded at scale (see
 * indicator-bounds.tsx), every row staying in the datasets.
 */
export function indicatorsPage(
  settings: SiteSettings,
  catalog: IndicatorCatalog,
  unsorted: readonly ReportStatements[],
  checks: readonly Check[],
): string {
  const results = [...unsorted].sort(byEntityAndYear);
  const saidBy = new Map(results.map((result) => [result, indicatorValues(result)]));
  return renderPage(
    <Layout
      settings={settings}
      title={`指标 Indicators · ${settings.title}`}
      root={ROOT}
      linkHome
      head={<link rel="stylesheet" href={`${ROOT}assets/indicators.css`} />}
    >
      <main id="main">
        {'\n'}
        <h1>
          <Bilingual zh="指标对比与一致性核对" en="Indicators compared, and consistency checks" />
        </h1>
        {'\n'}
        <p>
          <Bilingual
            zh="报告中的数字按指标目录（data/indicators.json）的规则对应到稳定的指标编号；不符合任何规则或同时符合多条规则的数字不作猜测，只计数。"
            en="Figures are matched to stable indicator ids by the rules of the indicator catalog (data/indicators.json); a figure that matches no rule, or more than one, is counted and never guessed."
          />
        </p>
        {'\n'}
        <p class="metadata">
          <Bilingual zh="下载" en="Download" />:{' '}
          {DOWNLOADS.map((name) => [
            <a href={`${ROOT}data/${name}.csv`}>{name}.csv</a>,
            ' ',
            <a href={`${ROOT}data/${name}.xlsx`}>{name}.xlsx</a>,
            ' · ',
          ])}
        </p>
        {'\n'}
        <TitledSection titleId="by-report-title" zh="按报告" en="By report">
          <ReportsTable all={results} checks={checks} />
        </TitledSection>
        {'\n'}
        <TitledSection titleId="by-indicator-title" zh="按指标" en="By indicator">
          {catalog.themes.map((theme) => (
            <ThemeSection
              theme={theme}
              indicators={catalog.indicators.filter((i) => i.theme === theme.name)}
              results={results}
              saidBy={saidBy}
            />
          ))}
          {'\n'}
        </TitledSection>
        {'\n'}
        <TitledSection titleId="all-checks-title" zh="全部核对" en="All checks">
          <ChecksList checks={checks} />
          {'\n'}
        </TitledSection>
        {'\n'}
      </main>
    </Layout>,
  );
}

function byEntityAndYear(a: ReportStatements, b: ReportStatements): number {
  const key = (r: ReportStatements) => `${r.report.entity}\u0000${r.report.year ?? ''}\u0000${r.report.id}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

function ChecksList({ checks }: { checks: readonly Check[] }) {
  if (checks.length === 0)
    return (
      <p class="muted">
        <Bilingual zh="暂无可核对的数字。" en="No figures could be checked yet." />
      </p>
    );
  const { items, note } = boundedList(checks, ['项', '核对', 'checks'], 'checks');
  return (
    <>
      {note}
      <ul class="checks">
        {items.map((check) => (
          <CheckItem check={check} root={ROOT} />
        ))}
      </ul>
    </>
  );
}

function ReportsTable({ all, checks }: { all: readonly ReportStatements[]; checks: readonly Check[] }) {
  const counts = new Map<string, number>();
  for (const c of checks)
    counts.set(`${c.reportId}\u0000${c.status}`, (counts.get(`${c.reportId}\u0000${c.status}`) ?? 0) + 1);
  const count = (id: string, status: string) => counts.get(`${id}\u0000${status}`) ?? 0;
  const { items: results, note } = boundedList(all, ['份', '报告', 'reports'], 'indicators-wide');
  const th = (zh: string, en: string) => (
    <th scope="col" class="num">
      <Bilingual zh={zh} en={en} />
    </th>
  );
  const num = (value: number) => <td class="num">{value}</td>;
  return (
    <>
      {note}
      <TableScroll labelledBy="by-report-title">
        <table>
          {'\n'}
          <thead>
            <tr>
              <th scope="col">
                <Bilingual zh="报告" en="Report" />
              </th>
              {th('数字', 'Figures')}
              {th('已对应', 'Matched')}
              {th('多义', 'Ambiguous')}
              {th('未对应', 'Unmatched')}
              {th('核对一致', 'Checks passed')}
              {th('不一致', 'Failed')}
              {th('无法判断', 'Cannot tell')}
            </tr>
          </thead>
          {'\n'}
          <tbody lang="zh-CN">
            {results.map(({ report, matches, ambiguous, unmatched }) => (
              <tr>
                <td>
                  <a href={`${ROOT}reports/${report.id}/index.html`}>{reportName(report)}</a>
                </td>
                {'\n'}
                {[report.figures.length, matches.length, ambiguous.length, unmatched.length].map(num)}
                {'\n'}
                {['pass', 'fail', 'cannot_tell'].map((status) => num(count(report.id, status)))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
