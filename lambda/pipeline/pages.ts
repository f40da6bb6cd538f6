import type { Dataset } from './datasets.ts';
import { type Html, html, page } from './html.ts';
import type { Report } from './report.ts';
import type { SiteSettings } from './settings.ts';
import type { Figure } from './types.ts';

export interface DownloadLink {
  path: string;
  label: string;
}

/** The home page: what the site is, every downloadable file, and the reports it was built from. */
export function indexPage(
  settings: SiteSettings,
  reports: readonly Report[],
  datasets: readonly Dataset[],
): string {
  const downloads = datasets.map(
    (
      dataset,
    ) => html`<li><strong>${dataset.titleZh} ${dataset.title}</strong> (${dataset.rows.length} 行 rows):
      <a href="data/${dataset.name}.csv">${dataset.name}.csv</a> ·
      <a href="data/${dataset.name}.json">${dataset.name}.json</a></li>`,
  );
  const rows = reports.map(
    (report) => html`<tr>
      <td><a href="reports/${report.id}/index.html">${report.title || report.id}</a></td>
      <td>${report.entity}</td><td>${report.year ?? ''}</td><td class="num">${report.figures.length}</td>
      <td><a href="reports/${report.id}/source.txt">source.txt</a></td></tr>`,
  );
  const body = html`<header><h1>${settings.title}</h1><p lang="en">${settings.titleEn}</p></header>
<main>
<p>${settings.description}</p>
<p lang="en">${settings.descriptionEn}</p>
<section aria-labelledby="downloads"><h2 id="downloads">下载 Downloads</h2>
<ul>${downloads}
<li><a href="datapackage.json">datapackage.json</a> (Frictionless Data Package: schemas, checksums)</li>
</ul></section>
<section aria-labelledby="reports"><h2 id="reports">报告 Reports</h2>
<table><thead><tr><th scope="col">标题 Title</th><th scope="col">主体 Entity</th><th scope="col">年度 Year</th>
<th scope="col">数字 Figures</th><th scope="col">原文 Source</th></tr></thead>
<tbody>${rows}</tbody></table></section>
</main>
<footer><p>${settings.publisher} · 数据许可 License: ${settings.license}</p></footer>`;
  return page({ title: settings.title, root: '', body });
}

/** A report's text, one paragraph a line, with every figure highlighted and anchored at #f-<id>. */
export function reportPage(settings: SiteSettings, report: Report): string {
  const paragraphs = report.structure.paragraphs.map(
    (span) => html`<p>${highlight(report.text, span.start, span.end, report.figures)}</p>\n`,
  );
  const body = html`<header><p><a href="../../index.html">${settings.title}</a></p>
<h1>${report.title || report.id}</h1>
<p>${report.entity} · ${report.year ?? ''} · ${report.figures.length} 个数字 figures ·
<a href="source.txt">source.txt</a></p></header>
<main class="report">${paragraphs}</main>
<footer><p>${report.publisher} · 数据许可 License: ${report.license}</p></footer>`;
  return page({ title: `${report.title || report.id} · ${settings.title}`, root: '../../', body });
}

function highlight(text: string, start: number, end: number, figures: readonly Figure[]): Html {
  const parts: unknown[] = [];
  let at = start;
  for (const figure of figures) {
    if (figure.start < at || figure.end > end) continue;
    const tip = `${figure.label}: ${figure.value} ${figure.unit} (${figure.qualifier})`;
    parts.push(text.slice(at, figure.start));
    parts.push(html`<mark id="f-${figure.id}" title="${tip}">${text.slice(figure.start, figure.end)}</mark>`);
    at = figure.end;
  }
  parts.push(text.slice(at, end));
  return html`${parts}`;
}

export const SITE_CSS = `:root { color-scheme: light; font-family: system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.7; color: #1a1a1a; background: #fff; }
a { color: #0b57d0; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
mark { background: #fff1a8; padding: 0 0.1em; }
mark:target { background: #ffb300; outline: 2px solid #7a4f00; }
.report p { margin: 0 0 0.8rem; }
`;
