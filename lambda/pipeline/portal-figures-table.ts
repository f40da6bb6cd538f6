import type { Dataset, FieldSpec, Row } from './datasets.ts';
import { bilingual, type Html, html } from './html.ts';
import { formatNumber, qualifierName, reportName } from './portal-format.ts';
import type { Report } from './report.ts';

/** The columns the home page shows, in order; their titles come from the dataset's own FieldSpecs. */
const COLUMNS = ['report_id', 'section', 'label', 'value', 'unit', 'qualifier', 'text'] as const;

/**
 * Every figure in one table. Without JavaScript it is a plain table; site.js reveals the filters (by
 * report, section and label) and makes the value column sortable.
 */
export function figuresTable(dataset: Dataset, reports: readonly Report[]): Html {
  const names = new Map(reports.map((report) => [report.id, reportName(report)]));
  const fields = new Map(dataset.fields.map((field) => [field.name, field]));
  const head = COLUMNS.map((name) => columnHeader(fields.get(name), name));
  const rows = dataset.rows.map((row) => figureRow(row, names));
  return html`<div class="filters" data-filters hidden>
<label>${columnTitle(fields.get('report_id'), 'report_id')}
<select data-filter="report"><option value="" data-en="All reports">全部报告</option>${[...names].map(([id, name]) => html`<option value="${id}">${name}</option>`)}</select></label>
<label>${columnTitle(fields.get('section'), 'section')}
<select data-filter="section"><option value="" data-en="All sections">全部章节</option>${sectionOptions(dataset.rows)}</select></label>
<label>${columnTitle(fields.get('label'), 'label')}
<input type="search" data-filter="label" autocomplete="off"></label>
</div>
<p class="count" data-count aria-live="polite">${bilingual(`共 ${rows.length} 个数字`, `${rows.length} figures`)}</p>
<div class="table-scroll" role="region" aria-labelledby="figures-title" tabindex="0">
<table class="figures" data-figures>
<thead><tr>${head}</tr></thead>
<tbody lang="zh-CN">${rows}</tbody>
</table></div>`;
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
