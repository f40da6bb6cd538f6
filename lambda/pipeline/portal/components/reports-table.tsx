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
 * `limit` of them, beyond it `limit` evenly spread over all, in id order.
 */
export function ReportsTable({
  reports,
  limit = REPORTS_TABLE_LIMIT,
}: {
  reports: readonly ReportListing[];
  limit?: number;
}) {
  const shown = evenlySpread(reports, limit);
  return (
    <>
      {shown.length < reports.length ? <ReportsNote shown={shown.length} total={reports.length} /> : null}
      <AllReports reports={shown} />
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

function AllReports({ reports }: { reports: readonly ReportListing[] }) {
  return (
    <TableScroll labelledBy="reports-title">
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
