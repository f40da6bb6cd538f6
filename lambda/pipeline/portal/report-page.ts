import type { Check } from '../checks/check.ts';
import type { Report } from '../report/report.ts';
import type { SiteSettings } from '../report/settings.ts';
import { checksSection, flagFigures } from './check-list.ts';
import { LANGUAGE_TOGGLE } from './format.ts';
import { bilingual, html, page } from './html.ts';
import { reportText, sourceFooter } from './report-text.ts';
import { sectionChart, sectionEntries, tableOfContents } from './sections.ts';

/**
 * A report's page: its full text with every figure highlighted and anchored at #f-<id>, the section
 * tree as a table of contents, and the figures counted by section.
 */
export function reportPage(settings: SiteSettings, report: Report, checks: readonly Check[] = []): string {
  const sections = sectionEntries(report);
  const title = report.title || report.id;
  const body = html`<header class="site-header"><p class="site-name"><a href="../../index.html">${bilingual(settings.title, settings.titleEn)}</a></p>${LANGUAGE_TOGGLE}</header>
<main id="main" class="report-page">
<header class="report-header">
<h1 lang="zh-CN">${title}</h1>
<dl class="facts">
<div><dt>${bilingual('主体', 'Entity')}</dt><dd>${[report.entity, report.parent].filter(Boolean).join(' · ') || '—'}</dd></div>
<div><dt>${bilingual('年度', 'Year')}</dt><dd>${report.year ?? '—'}</dd></div>
<div><dt>${bilingual('数字', 'Figures')}</dt><dd>${report.figures.length}</dd></div>
<div><dt>${bilingual('发布单位', 'Publisher')}</dt><dd>${report.publisher || '—'}</dd></div>
</dl>
<p class="report-links"><a href="source.txt">${bilingual('原文 source.txt', 'Source text (source.txt)')}</a>
${report.source.url ? html` · <a href="${report.source.url}" rel="external">${bilingual('原始网页', 'Original page')}</a>` : ''}
${report.source.retrievedFrom ? html` · <a href="${report.source.retrievedFrom}" rel="external">${bilingual('文本取自', 'Text retrieved from')}</a>` : ''}
${report.source.archivedCopy ? html` · <a href="${report.source.archivedCopy}" download>${bilingual('存档副本', 'Archived copy')}</a>` : ''}
· <a href="../../data/figures.csv">figures.csv</a>
· <a href="../../index.html#figures">${bilingual('全部数字', 'All figures')}</a>
· <a href="../../indicators/index.html">${bilingual('指标对比', 'Indicators')}</a></p>
<p class="hint">${bilingual(
    '正文中每个数字都已标出；点按或用 Tab 键聚焦可查看指标、数值和限定。',
    'Every figure in the text is highlighted; hover, tap or focus it with Tab to see its label, value and qualifier.',
  )}</p>
${checksSection(checks, '../../', report.id)}
</header>
<div class="report-layout">
<div class="report-aside" lang="zh-CN">
${tableOfContents(sections)}
${sectionChart(sections)}
</div>
<article class="report-body" aria-labelledby="text-title" lang="zh-CN">
<h2 id="text-title" class="visually-hidden">${bilingual('报告全文', 'Full text')}</h2>
${flagFigures(reportText(report, sections), checks, report.id)}
${sourceFooter(report)}
</article>
</div>
</main>
<footer class="site-footer"><p>${report.publisher || settings.publisher} · ${bilingual('数据许可', 'License')}: ${report.license}</p></footer>`;
  const head = html`<link rel="stylesheet" href="../../assets/indicators.css">`;
  return page({ title: `${title} · ${settings.title}`, root: '../../', body, head });
}
