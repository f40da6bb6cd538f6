import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { figuresDataset } from '../../../../lambda/pipeline/datasets/figures-dataset.ts';
import {
  FIGURES_TABLE_LIMIT,
  FiguresTable,
  shownRows,
} from '../../../../lambda/pipeline/portal/components/figures-table.tsx';
import type { Report } from '../../../../lambda/pipeline/report/report.ts';
import type { Figure } from '../../../../lambda/pipeline/report/types.ts';
import { EMPTY_STRUCTURE } from '../../../../lambda/pipeline/structure/structure.ts';
import { reportListing } from '../../../support/report-listing.ts';

function report(id: string, figures: number): Report {
  return {
    ...reportListing(id),
    text: '',
    structure: EMPTY_STRUCTURE,
    figures: Array.from(
      { length: figures },
      (_, i): Figure => ({
        id: `${id}-f${i}`,
        start: i,
        end: i + 1,
        value: i,
        unit: '件',
        qualifier: 'exact',
        period: '2023',
        status: 'actual',
        change: 'none',
        text: `${i}件`,
        label: `事项${i % 7}`,
        section: `一、第${i % 3}节`,
        sentence: `办理事项${i}件。`,
        excerpt: `办理事项${i}件。`,
      }),
    ),
  };
}

const rowsOf = (table: string) => [...table.matchAll(/<tr data-report="([^"]+)"/g)].map((m) => m[1]);

describe('the home page figures table', () => {
  it('holds every figure up to the limit, with no selection note', () => {
    const reports = [report('a', 5), report('b', 4)];
    const table = renderToString(FiguresTable({ dataset: figuresDataset(reports, ''), reports, limit: 9 }));
    expect(rowsOf(table)).toHaveLength(9);
    expect(table).not.toContain('data-selection');
    expect(table).toContain('共 9 个数字');
  });

  it('beyond the limit shows an evenly spread, deterministic selection and says how many of how many', () => {
    const reports = ['a', 'b', 'c', 'd', 'e'].map((id) => report(id, 30));
    const dataset = figuresDataset(reports, '');
    const table = renderToString(FiguresTable({ dataset, reports, limit: 10 }));
    const rows = rowsOf(table);
    expect(rows).toHaveLength(10);
    // Two figures from each of the five reports, in the data's order.
    expect(rows).toEqual(['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd', 'e', 'e']);
    expect(table).toContain('data-selection');
    expect(table).toContain('共 150 个数字，此表只列出其中均匀选取的 10 个');
    expect(table).toContain('150 figures in all; this table lists 10 of them');
    expect(table).toContain('Every figure is in the downloads above (CSV, JSON, Excel)');
    expect(renderToString(FiguresTable({ dataset, reports, limit: 10 }))).toBe(table);
  });

  it('offers only the reports and sections the selection holds as filters', () => {
    const reports = [report('a', 100), report('b', 1)];
    const table = renderToString(FiguresTable({ dataset: figuresDataset(reports, ''), reports, limit: 4 }));
    expect(rowsOf(table)).toEqual(['a', 'a', 'a', 'a']);
    expect(table).toContain('<option value="a">');
    expect(table).not.toContain('<option value="b">');
  });

  it('picks the i-th row at ⌊i·n/limit⌋ and defaults to a limit of 2,000', () => {
    const rows = Array.from({ length: 10 }, (_, i) => i);
    expect(shownRows(rows, 4)).toEqual([0, 2, 5, 7]);
    expect(shownRows(rows, 10)).toBe(rows);
    expect(FIGURES_TABLE_LIMIT).toBe(2000);
    const many = Array.from({ length: 263_475 }, (_, i) => i);
    const shown = shownRows(many);
    expect(shown).toHaveLength(2000);
    expect(shown[0]).toBe(0);
    expect(shown.at(-1)).toBeGreaterThan(263_000);
  });
});
