import { licenceUrl as licenseUrl } from '../../contract/index.ts';
import type { Dataset } from '../datasets/datasets.ts';
import { type DownloadFile, datasetJsonLd } from '../metadata/schema-org.ts';
import type { Report } from '../report/report.ts';
import type { SiteSettings } from '../report/settings.ts';
import { figuresTable } from './figures-table.ts';
import { formatBytes, LANGUAGE_TOGGLE } from './format.ts';
import { bilingual, type Html, html, jsonForScript, page } from './html.ts';

export interface HomePageOptions {
  /** The published files of each dataset (CSV, JSON, XLSX) with their bytes, for the cards. */
  files?: readonly DownloadFile[];
  /** When the data last changed (ISO 8601), if the publication knows; the pipeline has no clock. */
  updated?: string;
}

const FORMAT_ORDER = ['csv', 'json', 'xlsx'];

/**
 * The home page: what the site is, the datasets as cards, the reports it was built from, and every
 * figure in a table that site.js makes filterable and sortable.
 */
export function indexPage(
  settings: SiteSettings,
  reports: readonly Report[],
  datasets: readonly Dataset[],
  { files = [], updated }: HomePageOptions = {},
): string {
  const figures = datasets.find((dataset) => dataset.name === 'figures');
  const body = html`<header class="site-header"><p class="site-name">${bilingual(settings.title, settings.titleEn)}</p>${LANGUAGE_TOGGLE}</header>
<main id="main">
<section class="intro" aria-labelledby="page-title">
<h1 id="page-title">${bilingual(settings.title, settings.titleEn)}</h1>
<p>${bilingual(settings.description, settings.descriptionEn)}</p>
<p>${bilingual(
    '每个数字都可以下载（CSV、JSON、Excel），也可以点开回到报告原文中的那一句核对。',
    'Download every figure (CSV, JSON, Excel), or follow it back to the sentence of the report it came from.',
  )}</p>
</section>
<section aria-labelledby="datasets-title"><h2 id="datasets-title">${bilingual('数据集', 'Datasets')}</h2>
<ul class="cards">${datasets.map((dataset) => datasetCard(settings, dataset, files, updated, yearRange(reports)))}</ul>
<p class="metadata">${bilingual('元数据', 'Metadata')}:
<a href="datapackage.json">datapackage.json</a> (Frictionless Data Package) ·
<a href="catalog.jsonld">catalog.jsonld</a> (DCAT)</p>
<p class="metadata"><a href="indicators/index.html">${bilingual('指标对比与一致性核对', 'Indicators compared across reports, and consistency checks')}</a></p>
</section>
<section><h2 id="reports-title">${bilingual('来源报告', 'Source reports')}</h2>
${reportsTable(reports)}
</section>
${
  figures
    ? html`<section id="figures"><h2 id="figures-title">${bilingual('全部数字', 'All figures')}</h2>
${figuresTable(figures, reports)}</section>`
    : ''
}
</main>
<footer class="site-footer"><p>${settings.publisher} · ${bilingual('数据许可', 'License')}: ${licenseLink(settings.license)}</p></footer>`;
  const head = html`<meta name="description" content="${settings.description} ${settings.descriptionEn}">
<script type="application/ld+json">${jsonForScript(datasetJsonLd(settings, reports, datasets, files, updated))}</script>`;
  return page({ title: settings.title, root: '', body, head });
}

function datasetCard(
  settings: SiteSettings,
  dataset: Dataset,
  files: readonly DownloadFile[],
  updated: string | undefined,
  coverage: string,
): Html {
  const own = files
    .filter((file) => file.dataset.name === dataset.name)
    .sort((a, b) => FORMAT_ORDER.indexOf(a.format) - FORMAT_ORDER.indexOf(b.format));
  const links = own.map(
    (file) =>
      html`<li><a href="${file.path}">${file.format.toUpperCase()}</a> <span class="size">${formatBytes(file.bytes)}</span></li>`,
  );
  return html`<li class="card" aria-labelledby="card-${dataset.name}">
<h3 id="card-${dataset.name}">${bilingual(dataset.titleZh, dataset.title)} <code>${dataset.name}</code></h3>
<p>${bilingual(dataset.descriptionZh || dataset.description, dataset.description)}</p>
<dl class="facts">
<div><dt>${bilingual('行数', 'Rows')}</dt><dd>${dataset.rows.length}</dd></div>
<div><dt>${bilingual('列数', 'Columns')}</dt><dd>${dataset.fields.length}</dd></div>
<div><dt>${bilingual('许可', 'License')}</dt><dd>${licenseLink(settings.license)}</dd></div>
<div><dt>${bilingual('数据年度', 'Coverage')}</dt><dd>${coverage || '—'}</dd></div>
${updated ? html`<div><dt>${bilingual('更新', 'Updated')}</dt><dd><time datetime="${updated}">${updated.slice(0, 10)}</time></dd></div>` : ''}
</dl>
<ul class="downloads">${links}</ul>
</li>`;
}

function yearRange(reports: readonly Report[]): string {
  const years = reports.map((report) => report.year).filter((year): year is number => year !== null);
  if (years.length === 0) return '';
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? String(first) : `${first}–${last}`;
}

function licenseLink(id: string): Html {
  const url = licenseUrl(id);
  return url ? html`<a href="${url}" rel="license">${id}</a>` : html`${id}`;
}

function reportsTable(reports: readonly Report[]): Html {
  const rows = reports.map(
    (report) => html`<tr>
<td><a href="reports/${report.id}/index.html">${report.title || report.id}</a></td>
<td>${report.entity}${report.parent ? html`<br><span class="muted">${report.parent}</span>` : ''}</td>
<td class="num">${report.year ?? ''}</td><td class="num">${report.figures.length}</td>
<td><a href="reports/${report.id}/source.txt">source.txt</a></td></tr>`,
  );
  return html`<div class="table-scroll" role="region" aria-labelledby="reports-title" tabindex="0"><table class="reports">
<thead><tr><th scope="col">${bilingual('标题', 'Title')}</th><th scope="col">${bilingual('主体', 'Entity')}</th>
<th scope="col" class="num">${bilingual('年度', 'Year')}</th><th scope="col" class="num">${bilingual('数字个数', 'Figures')}</th>
<th scope="col">${bilingual('原文', 'Source')}</th></tr></thead>
<tbody lang="zh-CN">${rows}</tbody></table></div>`;
}
