import type { ReportListing } from '../../report/index.ts';
import { Bilingual } from './bilingual.tsx';
import { TableScroll } from './table-scroll.tsx';

/** The home page's list of source reports: title, entity, year, figures, and the source text. */
export function ReportsTable({ reports }: { reports: readonly ReportListing[] }) {
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
