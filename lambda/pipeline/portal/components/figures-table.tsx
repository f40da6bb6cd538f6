import type { ComponentChildren } from 'preact';
import type { Dataset, FieldSpec, AnyRow as Row } from '../../datasets/index.ts';
import type { ReportListing } from '../../report/index.ts';
import { formatNumber, reportName } from '../format.ts';
import { evenlySpread } from '../spread.ts';
import { Bilingual } from './bilingual.tsx';
import { QualifierName } from './qualifier.tsx';
import { TableScroll } from './table-scroll.tsx';

/**
 * Most figures the home page's table holds. Beyond it (10,000 reports have 263,000 figures, 120 MB of
 * table) the table shows a selection and says so: every figure stays in the downloads and on its
 * report's page.
 */
export const FIGURES_TABLE_LIMIT = 2000;

/** The columns the home page shows, in order; their titles come from the dataset's own FieldSpecs. */
const COLUMNS = ['report_id', 'section', 'label', 'value', 'unit', 'qualifier', 'text'] as const;

/** The rows the table holds: all of them up to `limit`, else `limit` rows evenly spread over all. */
export function shownRows<T>(
  rows: Iterable<T> & { readonly length: number },
  limit: number = FIGURES_TABLE_LIMIT,
): readonly T[] {
  return evenlySpread(rows, limit);
}

export interface FiguresTableProps {
  dataset: Dataset;
  reports: readonly ReportListing[];
  limit?: number;
  /**
   * The rows `shownRows` would choose, when the caller has them without the dataset's rows (the
   * reduce, which holds no figure: it reads the chosen ones from their reports' shares).
   */
  shown?: readonly Row[];
}

/**
 * Every figure in one table (up to `limit`; beyond it an evenly spread selection, see `shownRows`).
 * Without JavaScript it is a plain table; site.js reveals the filters (by report, section and label)
 * and makes the value column sortable.
 */
export function FiguresTable({ dataset, reports, limit = FIGURES_TABLE_LIMIT, ...given }: FiguresTableProps) {
  const total = dataset.rows.length;
  const shown = given.shown ?? shownRows(dataset.rows, limit);
  const bounded = shown.length < total;
  const inTable = bounded ? new Set(shown.map((row) => String(row.report_id ?? ''))) : undefined;
  const names = new Map(
    reports
      .filter((report) => !inTable || inTable.has(report.id))
      .map((report) => [report.id, reportName(report)]),
  );
  const fields = new Map(dataset.fields.map((field) => [field.name, field]));
  return (
    <>
      <Filters fields={fields} names={names} shown={shown} />
      {'\n'}
      {bounded ? <SelectionNote shown={shown.length} total={total} /> : null}
      <p class="count" data-count="" aria-live="polite">
        <Bilingual zh={`共 ${shown.length} 个数字`} en={`${shown.length} figures`} />
      </p>
      {'\n'}
      <TableScroll labelledBy="figures-title">
        {'\n'}
        <table class="figures" data-figures="">
          {'\n'}
          <thead>
            <tr>
              {COLUMNS.map((name) => (
                <ColumnHeader field={fields.get(name)} name={name} />
              ))}
            </tr>
          </thead>
          {'\n'}
          <tbody lang="zh-CN">{shown.map((row) => [<FigureRow row={row} names={names} />, '\n'])}</tbody>
          {'\n'}
        </table>
      </TableScroll>
    </>
  );
}

interface FiltersProps {
  fields: ReadonlyMap<string, FieldSpec>;
  names: ReadonlyMap<string, string>;
  shown: readonly Row[];
}

function Filters({ fields, names, shown }: FiltersProps) {
  return (
    <div class="filters" data-filters="" hidden>
      {'\n'}
      <FilterSelect
        field={fields.get('report_id')}
        name="report_id"
        filter="report"
        zh="全部报告"
        en="All reports"
      >
        {[...names].map(([id, name]) => (
          <option value={id}>{name}</option>
        ))}
      </FilterSelect>
      {'\n'}
      <FilterSelect
        field={fields.get('section')}
        name="section"
        filter="section"
        zh="全部章节"
        en="All sections"
      >
        {sectionOptions(shown)}
      </FilterSelect>
      {'\n'}
      <label>
        <ColumnTitle field={fields.get('label')} name="label" />
        {'\n'}
        <input type="search" data-filter="label" autocomplete="off" />
      </label>
      {'\n'}
    </div>
  );
}

interface FilterSelectProps {
  field: FieldSpec | undefined;
  name: string;
  /** What the table's script filters by (`data-filter`). */
  filter: string;
  /** The first option, which shows every row. */
  zh: string;
  en: string;
  children: ComponentChildren;
}

/** A filter of the figures table: a column's title over a select whose first option is "all". */
function FilterSelect({ field, name, filter, zh, en, children }: FilterSelectProps) {
  return (
    <label>
      <ColumnTitle field={field} name={name} />
      {'\n'}
      <select data-filter={filter}>
        <option value="" data-en={en}>
          {zh}
        </option>
        {children}
      </select>
    </label>
  );
}

function SelectionNote({ shown, total }: { shown: number; total: number }) {
  const [s, t] = [shown, total].map(formatNumber);
  return (
    <>
      <p class="selection" data-selection="">
        <Bilingual
          zh={`共 ${t} 个数字，此表只列出其中均匀选取的 ${s} 个。全部数字见上方的下载文件（CSV、JSON、Excel）和各报告页面。`}
          en={`${t} figures in all; this table lists ${s} of them, evenly spread. Every figure is in the downloads above (CSV, JSON, Excel) and on each report's page.`}
        />
      </p>
      {'\n'}
    </>
  );
}

function ColumnTitle({ field, name }: { field: FieldSpec | undefined; name: string }) {
  return field ? <Bilingual zh={field.titleZh} en={field.title} /> : name;
}

function ColumnHeader({ field, name }: { field: FieldSpec | undefined; name: string }) {
  const numeric = field?.type === 'number' || field?.type === 'integer';
  return (
    <th scope="col" class={numeric ? 'num' : undefined} data-sortable={numeric ? name : undefined}>
      <ColumnTitle field={field} name={name} />
    </th>
  );
}

function FigureRow({ row, names }: { row: Row; names: ReadonlyMap<string, string> }) {
  const reportId = String(row.report_id ?? '');
  const value = typeof row.value === 'number' ? row.value : Number(row.value);
  const section = String(row.section ?? '');
  return (
    <tr data-report={reportId} data-section={section} data-label={row.label ?? ''} data-value={value}>
      {'\n'}
      <td>{names.get(reportId) ?? reportId}</td>
      <td class="section">{section}</td>
      <td>{row.label ?? ''}</td>
      {'\n'}
      <td class="num">{formatNumber(value)}</td>
      <td>{row.unit ?? ''}</td>
      <td>
        <QualifierName qualifier={String(row.qualifier ?? '')} />
      </td>
      {'\n'}
      <td>
        <a href={`reports/${reportId}/index.html#f-${row.id}`}>{row.text ?? ''}</a>
      </td>
    </tr>
  );
}

/** Each section that holds figures and every section above it, in order of first appearance, indented. */
function sectionOptions(rows: readonly Row[]) {
  const seen = new Set<string>();
  const options = [];
  for (const row of rows) {
    const path = String(row.section ?? '')
      .split(' › ')
      .filter(Boolean);
    for (const [depth, title] of path.entries()) {
      const value = path.slice(0, depth + 1).join(' › ');
      if (seen.has(value)) continue;
      seen.add(value);
      options.push(
        <option value={value}>
          {'\u3000'.repeat(depth)}
          {title}
        </option>,
      );
    }
  }
  return options;
}
