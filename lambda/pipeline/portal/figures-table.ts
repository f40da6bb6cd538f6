import type { Dataset, FieldSpec, AnyRow as Row, Rows } from '../datasets/datasets.ts';
import type { Report } from '../report/report.ts';
import { formatNumber, qualifierName, reportName } from './format.ts';
import { bilingual, type Html, html } from './html.ts';

/**
 * Most figures the home page's table holds. Beyond it (10,000 reports have 263,000 figures, 120 MB of
 * table) the table shows a selection and says so: every figure stays in the downloads and on its
 * report's page.
 */
export const FIGURES_TABLE_LIMIT = 2000;

/** The columns the home page shows, in order; their titles come from the dataset's own FieldSpecs. */
const COLUMNS = ['report_id', 'section', 'label', 'value', 'unit', 'qualifier', 'text'] as const;

/**
 * Every figure in one table (up to `limit`; beyond it an evenly spread selection, see `shownRows`).
 * Without JavaScript it is a plain table; site.js reveals the filters (by report, section and label)
 * and makes the value column sortable.
 */
export function figuresTable(
  dataset: Dataset,
  reports: readonly Report[],
  limit: number = FIGURES_TABLE_LIMIT,
): Html {
  const total = dataset.rows.length;
  const shown = spreadRows(dataset.rows, limit);
  const bounded = shown.length < total;
  const inTable = bounded ? new Set(shown.map((row) => String(row.report_id ?? ''))) : undefined;
  const names = new Map(
    reports
      .filter((report) => !inTable || inTable.has(report.id))
      .map((report) => [report.id, reportName(report)]),
  );
  const fields = new Map(dataset.fields.map((field) => [field.name, field]));
  const head = COLUMNS.map((name) => columnHeader(fields.get(name), name));
  const rows = shown.map((row) => figureRow(row, names));
  return html`<div class="filters" data-filters hidden>
<label>${columnTitle(fields.get('report_id'), 'report_id')}
<select data-filter="report"><option value="" data-en="All reports">全部报告</option>${[...names].map(([id, name]) => html`<option value="${id}">${name}</option>`)}</select></label>
<label>${columnTitle(fields.get('section'), 'section')}
<select data-filter="section"><option value="" data-en="All sections">全部章节</option>${sectionOptions(shown)}</select></label>
<label>${columnTitle(fields.get('label'), 'label')}
<input type="search" data-filter="label" autocomplete="off"></label>
</div>
${bounded ? selectionNote(shown.length, total) : ''}<p class="count" data-count aria-live="polite">${bilingual(`共 ${rows.length} 个数字`, `${rows.length} figures`)}</p>
<div class="table-scroll" role="region" aria-labelledby="figures-title" tabindex="0">
<table class="figures" data-figures>
<thead><tr>${head}</tr></thead>
<tbody lang="zh-CN">${rows}</tbody>
</table></div>`;
}

/**
 * The rows the table holds: all of them up to `limit`, else `limit` rows evenly spread over all (the
 * i-th is row ⌊i·n/limit⌋), so the selection reaches across every part of the data, keeps its order
 * and is the same for the same rows.
 */
export function shownRows<T>(rows: readonly T[], limit: number = FIGURES_TABLE_LIMIT): readonly T[] {
  if (rows.length <= limit) return rows;
  return Array.from({ length: limit }, (_, i) => rows[Math.floor((i * rows.length) / limit)] as T);
}

/** `shownRows` of rows made as they are iterated (`lazyRows`): only the chosen ones are kept. */
function spreadRows(rows: Rows, limit: number): readonly Row[] {
  if (Array.isArray(rows) || rows.length <= limit) return shownRows(Array.from(rows), limit);
  const shown: Row[] = [];
  let index = 0;
  for (const row of rows) {
    if (index === Math.floor((shown.length * rows.length) / limit)) shown.push(row);
    if (shown.length === limit) break;
    index += 1;
  }
  return shown;
}

function selectionNote(shown: number, total: number): Html {
  const [s, t] = [shown, total].map((n) => String(n).replace(/\B(?=(\d{3})+$)/g, ','));
  return html`<p class="selection" data-selection>${bilingual(
    `共 ${t} 个数字，此表只列出其中均匀选取的 ${s} 个。全部数字见上方的下载文件（CSV、JSON、Excel）和各报告页面。`,
    `${t} figures in all; this table lists ${s} of them, evenly spread. Every figure is in the downloads above (CSV, JSON, Excel) and on each report's page.`,
  )}</p>
`;
}

function columnTitle(field: FieldSpec | undefined, name: string): Html {
  return field ? bilingual(field.titleZh, field.title) : html`${name}`;
}

function columnHeader(field: FieldSpec | undefined, name: string): Html {
  const numeric = field?.type === 'number' || field?.type === 'integer';
  return html`<th scope="col"${numeric ? html` class="num" data-sortable="${name}"` : ''}>${columnTitle(field, name)}</th>`;
}

function figureRow(row: Row, names: ReadonlyMap<string, string>): Html {
  const reportId = String(row.report_id ?? '');
  const value = typeof row.value === 'number' ? row.value : Number(row.value);
  const section = String(row.section ?? '');
  const href = `reports/${reportId}/index.html#f-${row.id}`;
  return html`<tr data-report="${reportId}" data-section="${section}" data-label="${row.label ?? ''}" data-value="${value}">
<td>${names.get(reportId) ?? reportId}</td><td class="section">${section}</td><td>${row.label ?? ''}</td>
<td class="num">${formatNumber(value)}</td><td>${row.unit ?? ''}</td><td>${qualifierName(String(row.qualifier ?? ''))}</td>
<td><a href="${href}">${row.text ?? ''}</a></td></tr>\n`;
}

/** Each section that holds figures and every section above it, in order of first appearance, indented. */
function sectionOptions(rows: readonly Row[]): Html[] {
  const seen = new Set<string>();
  const options: Html[] = [];
  for (const row of rows) {
    const path = String(row.section ?? '')
      .split(' › ')
      .filter(Boolean);
    path.forEach((title, depth) => {
      const value = path.slice(0, depth + 1).join(' › ');
      if (seen.has(value)) return;
      seen.add(value);
      options.push(html`<option value="${value}">${'\u3000'.repeat(depth)}${title}</option>`);
    });
  }
  return options;
}
