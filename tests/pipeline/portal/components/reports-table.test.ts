import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import {
  REPORTS_TABLE_LIMIT,
  ReportsTable,
} from '../../../../lambda/pipeline/portal/components/reports-table.tsx';
import { reportListing } from '../../../support/report-listing.ts';

const listing = (i: number) => reportListing(`r${String(i).padStart(3, '0')}`);

const linkedIds = (html: string) =>
  [...html.matchAll(/href="reports\/([^/]+)\/index\.html"/g)].map((m) => m[1]);

describe('the home page reports table', () => {
  it('lists every report up to the limit, with no selection note', () => {
    const reports = Array.from({ length: 7 }, (_, i) => listing(i));
    const html = renderToString(ReportsTable({ reports, limit: 7 }));
    expect(linkedIds(html)).toEqual(reports.map((r) => r.id));
    expect(html).not.toContain('class="selection"');
  });

  it('beyond the limit lists an evenly spread selection in id order and says how many of how many', () => {
    const reports = Array.from({ length: 25 }, (_, i) => listing(i));
    const html = renderToString(ReportsTable({ reports, limit: 10 }));
    const ids = linkedIds(html);
    expect(ids).toHaveLength(10);
    expect(ids[0]).toBe('r000');
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(10);
    expect(ids.at(-1)).toBe('r022');
    expect(html).toContain('共 25 份报告，此表只列出其中均匀选取的 10 份');
    expect(html).toContain('25 reports in all; this table lists 10 of them');
  });

  it('lists reports of several kinds in one table a kind, the kind with most reports first, each saying how many', () => {
    const reports = Array.from({ length: 9 }, (_, i) => ({
      ...listing(i),
      kind: i % 3 === 0 ? '法治政府建设情况报告' : '政府工作报告',
    }));
    const html = renderToString(ReportsTable({ reports, limit: 9 }));
    const headings = [...html.matchAll(/<h3 id="(reports-kind-\d)">(.*?)<\/h3>/g)];
    expect(headings.map((h) => h[1])).toEqual(['reports-kind-1', 'reports-kind-2']);
    expect(headings[0]?.[2]).toContain('政府工作报告（6 份）');
    expect(headings[0]?.[2]).toContain('Government work reports (6)');
    expect(headings[1]?.[2]).toContain('法治政府建设情况报告（3 份）');
    // Each table is labelled by its kind's heading and holds that kind's reports, in id order.
    const tables = html.split('aria-labelledby="reports-kind-').slice(1);
    expect(tables.map((t) => linkedIds(t))).toEqual([
      ['r001', 'r002', 'r004', 'r005', 'r007', 'r008'],
      ['r000', 'r003', 'r006'],
    ]);
  });

  it('lists reports of one kind in one table under the section heading', () => {
    const html = renderToString(ReportsTable({ reports: [listing(0), listing(1)] }));
    expect(html).not.toContain('<h3');
    expect(html).toContain('aria-labelledby="reports-title"');
  });

  it('holds 2,000 reports by default', () => {
    expect(REPORTS_TABLE_LIMIT).toBe(2000);
  });
});
