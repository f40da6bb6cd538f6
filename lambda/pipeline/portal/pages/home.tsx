import type { AnyRow, Dataset } from '../../datasets/index.ts';
import { type DownloadFile, datasetJsonLd } from '../../metadata/index.ts';
import type { ReportListing, SiteSettings } from '../../report/index.ts';
import { Bilingual } from '../components/bilingual.tsx';
import { DatasetCard } from '../components/dataset-cards.tsx';
import { FiguresTable } from '../components/figures-table.tsx';
import { LicenseLink } from '../components/license-link.tsx';
import { ReportsTable } from '../components/reports-table.tsx';
import { TitledSection } from '../components/titled-section.tsx';
import { Layout } from '../layout/layout.tsx';
import { JsonLdScript } from '../raw-markup.tsx';
import { renderPage } from '../render.ts';

export interface HomePageOptions {
  /** The published files of each dataset (CSV, JSON, XLSX) with their bytes, for the cards. */
  files?: readonly DownloadFile[];
  /** When the data last changed (ISO 8601), if the publication knows; the pipeline has no clock. */
  updated?: string;
  /** The figures table's rows, when chosen without the figures dataset's rows (see FiguresTable). */
  figureRows?: readonly AnyRow[];
}

/**
 * The home page: what the site is, the datasets as cards, the reports it was built from, and every
 * figure in a table that site.js makes filterable and sortable.
 */
export function indexPage(
  settings: SiteSettings,
  reports: readonly ReportListing[],
  datasets: readonly Dataset[],
  { files = [], updated, figureRows }: HomePageOptions = {},
): string {
  const figures = datasets.find((dataset) => dataset.name === 'figures');
  const head = [
    <meta name="description" content={`${settings.description} ${settings.descriptionEn}`} />,
    '\n',
    <JsonLdScript value={datasetJsonLd(settings, reports, datasets, files, updated)} />,
  ];
  const footer = { publisher: settings.publisher, license: <LicenseLink id={settings.license} /> };
  return renderPage(
    <Layout settings={settings} title={settings.title} root="" linkHome={false} footer={footer} head={head}>
      <main id="main">
        {'\n'}
        <Intro settings={settings} />
        {'\n'}
        <Datasets settings={settings} reports={reports} datasets={datasets} files={files} updated={updated} />
        {'\n'}
        <section>
          <h2 id="reports-title">
            <Bilingual zh="来源报告" en="Source reports" />
          </h2>
          {'\n'}
          <ReportsTable reports={reports} />
          {'\n'}
        </section>
        {'\n'}
        {figures ? (
          <section id="figures">
            <h2 id="figures-title">
              <Bilingual zh="全部数字" en="All figures" />
            </h2>
            {'\n'}
            <FiguresTable
              dataset={figures}
              reports={reports}
              {...(figureRows ? { shown: figureRows } : {})}
            />
          </section>
        ) : null}
        {'\n'}
      </main>
    </Layout>,
  );
}

function Intro({ settings }: { settings: SiteSettings }) {
  return (
    <section class="intro" aria-labelledby="page-title">
      {'\n'}
      <h1 id="page-title">
        <Bilingual zh={settings.title} en={settings.titleEn} />
      </h1>
      {'\n'}
      <p>
        <Bilingual zh={settings.description} en={settings.descriptionEn} />
      </p>
      {'\n'}
      <p>
        <Bilingual
          zh="每个数字都可以下载（CSV、JSON、Excel），也可以点开回到报告原文中的那一句核对。"
          en="Download every figure (CSV, JSON, Excel), or follow it back to the sentence of the report it came from."
        />
      </p>
      {'\n'}
    </section>
  );
}

interface DatasetsProps {
  settings: SiteSettings;
  reports: readonly ReportListing[];
  datasets: readonly Dataset[];
  files: readonly DownloadFile[];
  updated: string | undefined;
}

function Datasets({ settings, reports, datasets, files, updated }: DatasetsProps) {
  const coverage = yearRange(reports);
  return (
    <TitledSection titleId="datasets-title" zh="数据集" en="Datasets">
      <ul class="cards">
        {datasets.map((dataset) => (
          <DatasetCard
            dataset={dataset}
            files={files}
            license={settings.license}
            coverage={coverage}
            updated={updated}
          />
        ))}
      </ul>
      {'\n'}
      <p class="metadata">
        <Bilingual zh="元数据" en="Metadata" />
        {':\n'}
        <a href="datapackage.json">datapackage.json</a>
        {' (Frictionless Data Package) ·\n'}
        <a href="catalog.jsonld">catalog.jsonld</a> (DCAT)
      </p>
      {'\n'}
      <p class="metadata">
        <a href="indicators/index.html">
          <Bilingual
            zh="指标对比与一致性核对"
            en="Indicators compared across reports, and consistency checks"
          />
        </a>
      </p>
      {'\n'}
    </TitledSection>
  );
}

function yearRange(reports: readonly ReportListing[]): string {
  const years = reports.map((report) => report.year).filter((year): year is number => year !== null);
  if (years.length === 0) return '';
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? String(first) : `${first}–${last}`;
}
