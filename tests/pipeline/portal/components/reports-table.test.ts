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

  it('holds 2,000 reports by default', () => {
    expect(REPORTS_TABLE_LIMIT).toBe(2000);
  });
});
