import type { Check } from '../../checks/index.ts';
import type { Report, SiteSettings } from '../../report/index.ts';
import { Bilingual } from '../components/bilingual.tsx';
import { ChecksSection } from '../components/check-list.tsx';
import { Fact } from '../components/fact.tsx';
import { figureFlags } from '../components/figure-mark.tsx';
import { ReportText, SourceFooter } from '../components/report-text.tsx';
import { SectionChart } from '../components/section-chart.tsx';
import { sectionEntries, TableOfContents } from '../components/sections.tsx';
import { Layout } from '../layout/layout.tsx';
import { renderPage } from '../render.ts';

const ROOT = '../../';

/**
 * A report's page: its full text with every figure highlighted and anchored at #f-<id>, the section
 * tree as a table of contents, and the figures counted by section.
 */
export function reportPage(settings: SiteSettings, report: Report, checks: readonly Check[] = []): string {
  const sections = sectionEntries(report);
  const title = report.title || report.id;
  const footer = { publisher: report.publisher || settings.publisher, license: report.license };
  return renderPage(
    <Layout
      settings={settings}
      title={`${title} · ${settings.title}`}
      root={ROOT}
      linkHome
      footer={footer}
      head={<link rel="stylesheet" href={`${ROOT}assets/indicators.css`} />}
    >
      <main id="main" class="report-page">
        {'\n'}
        <ReportHeader report={report} checks={checks} />
        {'\n'}
        <div class="report-layout">
          {'\n'}
          <div class="report-aside" lang="zh-CN">
            {'\n'}
            <TableOfContents entries={sections} />
            {'\n'}
            <SectionChart entries={sections} />
            {'\n'}
          </div>
          {'\n'}
          <article class="report-body" aria-labelledby="text-title" lang="zh-CN">
            {'\n'}
            <h2 id="text-title" class="visually-hidden">
              <Bilingual zh="报告全文" en="Full text" />
            </h2>
            {'\n'}
            <ReportText report={report} sections={sections} flags={figureFlags(checks, report.id)} />
            {'\n'}
            <SourceFooter report={report} />
            {'\n'}
          </article>
          {'\n'}
        </div>
        {'\n'}
      </main>
    </Layout>,
  );
}

function ReportHeader({ report, checks }: { report: Report; checks: readonly Check[] }) {
  return (
    <header class="report-header">
      {'\n'}
      <h1 lang="zh-CN">{report.title || report.id}</h1>
      {'\n'}
      <dl class="facts">
        {'\n'}
        <Fact
          zh="主体"
          en="Entity"
          value={[report.entity, report.parent].filter(Boolean).join(' · ') || '—'}
        />
        {'\n'}
        <Fact zh="年度" en="Year" value={report.year ?? '—'} />
        {'\n'}
        <Fact zh="数字" en="Figures" value={report.figures.length} />
        {'\n'}
        <Fact zh="发布单位" en="Publisher" value={report.publisher || '—'} />
        {'\n'}
      </dl>
      {'\n'}
      <ReportLinks report={report} />
      {'\n'}
      <p class="hint">
        <Bilingual
          zh="正文中每个数字都已标出，目标值和预计数另有标记；点按或用 Tab 键聚焦可查看指标、数值、限定、时期、性质和增减。"
          en="Every figure in the text is highlighted, a target or an estimate marked as such; hover, tap or focus it with Tab to see its label, value, qualifier, period, status and change."
        />
      </p>
      {'\n'}
      <ChecksSection checks={checks} root={ROOT} reportId={report.id} />
      {'\n'}
    </header>
  );
}

function ReportLinks({ report }: { report: Report }) {
  const { url, retrievedFrom, archivedCopy } = report.source;
  return (
    <p class="report-links">
      <a href="source.txt">
        <Bilingual zh="原文 source.txt" en="Source text (source.txt)" />
      </a>
      {'\n'}
      {url
        ? [
            ' · ',
            <a href={url} rel="external">
              <Bilingual zh="原始网页" en="Original page" />
            </a>,
          ]
        : null}
      {'\n'}
      {retrievedFrom
        ? [
            ' · ',
            <a href={retrievedFrom} rel="external">
              <Bilingual zh="文本取自" en="Text retrieved from" />
            </a>,
          ]
        : null}
      {'\n'}
      {archivedCopy
        ? [
            ' · ',
            <a href={archivedCopy} download>
              <Bilingual zh="存档副本" en="Archived copy" />
            </a>,
          ]
        : null}
      {'\n· '}
      <a href={`${ROOT}data/figures.csv`}>figures.csv</a>
      {'\n· '}
      <a href={`${ROOT}index.html#figures`}>
        <Bilingual zh="全部数字" en="All figures" />
      </a>
      {'\n· '}
      <a href={`${ROOT}indicators/index.html`}>
        <Bilingual zh="指标对比" en="Indicators" />
      </a>
    </p>
  );
}
