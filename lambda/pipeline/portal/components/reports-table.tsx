import type { ReportListing } from '../../report/index.ts';
import { formatNumber } from '../format.ts';
import { evenlySpread } from '../spread.ts';
import { Bilingual } from './bilingual.tsx';
import { TableScroll } from './table-scroll.tsx';

/**
 * Most reports the home page's list holds. Beyond it (listing all 10,000 made a 4.8 MB home page,
 * its tree of elements rendered at once) the list shows a selection evenly spread over all and says
 * so: every report stays in the reports dataset and has its own page.
 */
export const REPORTS_TABLE_LIMIT = 2000;

/**
 * The home page's list of source reports: title, entity, year, figures, and the source text; up to
 * `limit` of them, beyond it `limit` evenly spread over all, in id order. Reports of more than one
 * kind (town rule-of-law reports beside provincial work reports) are listed in one table a kind,
 * the kind with most reports first, so that a reader sees what kinds of report the figures come from.
 */
export function ReportsTable({
  reports,
  limit = REPORTS_TABLE_LIMIT,
}: {
  reports: readonly ReportListing[];
  limit?: number;
}) {
  const shown = evenlySpread(reports, limit);
  const kinds = kindsOf(reports, shown);
  return (
    <>
      {shown.length < reports.length ? <ReportsNote shown={shown.length} total={reports.length} /> : null}
      {kinds.length === 1 ? (
        <AllReports reports={shown} labelledBy="reports-title" />
      ) : (
        kinds.map((kind, i) => <KindOfReports {...kind} anchor={`reports-kind-${i + 1}`} />)
      )}
    </>
  );
}

interface KindGroup {
  kind: string;
  /** Reports of the kind in all, shown or not. */
  total: number;
  shown: ReportListing[];
}

/** The kinds of the reports, most reports first (then by name), each with the shown reports of it. */
function kindsOf(all: readonly ReportListing[], shown: readonly ReportListing[]): KindGroup[] {
  const groups = new Map<string, KindGroup>();
  for (const report of all) {
    const group = groups.get(report.kind) ?? { kind: report.kind, total: 0, shown: [] };
    group.total += 1;
    groups.set(report.kind, group);
  }
  for (const report of shown) groups.get(report.kind)?.shown.push(report);
  return [...groups.values()]
    .filter((group) => group.shown.length > 0)
    .sort((a, b) => b.total - a.total || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/** English names of the kinds of report the genre has; another kind is named as written. */
const KIND_EN: Record<string, string> = {
  政府工作报告: 'Government work reports',
  法治政府建设情况报告: 'Reports on building a law-based government',
  法治政府建设工作报告: 'Reports on building a law-based government',
  统计公报: 'Statistical communiqués',
  国民经济和社会发展统计公报: 'Statistical communiqués',
  工作总结: 'Work summaries',
};

function KindOfReports({ kind, total, shown, anchor }: KindGroup & { anchor: string }) {
  const count = formatNumber(total);
  return (
    <>
      <h3 id={anchor}>
        <Bilingual
          zh={`${kind || '其他报告'}（${count} 份）`}
          en={`${KIND_EN[kind] ?? (kind || 'Other reports')} (${count})`}
        />
      </h3>
      {'\n'}
      <AllReports reports={shown} labelledBy={anchor} />
    </>
  );
}

function ReportsNote({ shown, total }: { shown: number; total: number }) {
  const [s, t] = [shown, total].map(formatNumber);
  return (
    <>
      <p class="selection">
        <Bilingual
          zh={`共 ${t} 份报告，此表只列出其中均匀选取的 ${s} 份。全部报告见上方的“报告”数据集（CSV、JSON、Excel），每份报告都有自己的页面。`}
          en={`${t} reports in all; this table lists ${s} of them, evenly spread. Every report is in the Reports dataset above (CSV, JSON, Excel) and has its own page.`}
        />
      </p>
      {'\n'}
    </>
  );
}

function AllReports({ reports, labelledBy }: { reports: readonly ReportListing[]; labelledBy: string }) {
  return (
    <TableScroll labelledBy={labelledBy}>
      <table class="reports">
        {'\n'}
        <thead>
          <tr>
            <th scope="col">
              <Bilingual zh="标题" en="Title" />
            </th>
            <th scope="col">
              <Bilingual zh="主体" en="Entity" />
            </th>
            {'\n'}
            <th scope="col" class="num">
              <Bilingual zh="年度" en="Year" />
            </th>
            <th scope="col" class="num">
              <Bilingual zh="数字个数" en="Figures" />
            </th>
            {'\n'}
            <th scope="col">
              <Bilingual zh="原文" en="Source" />
            </th>
          </tr>
        </thead>
        {'\n'}
        <tbody lang="zh-CN">
          {reports.map((report) => (
            <ReportRow report={report} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ReportRow({ report }: { report: ReportListing }) {
  return (
    <tr>
      {'\n'}
      <td>
        <a href={`reports/${report.id}/index.html`}>{report.title || report.id}</a>
      </td>
      {'\n'}
      <td>
        {report.entity}
        {report.parent ? [<br />, <span class="muted">{report.parent}</span>] : null}
      </td>
      {'\n'}
      <td class="num">{report.year ?? ''}</td>
      <td class="num">{report.figures.length}</td>
      {'\n'}
      <td>
        <a href={`reports/${report.id}/source.txt`}>source.txt</a>
      </td>
    </tr>
  );
}
