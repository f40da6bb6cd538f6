import { readFile } from 'node:fs/promises';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../lambda/pipeline/build/build-report.ts';
import { buildSite } from '../../../lambda/pipeline/build/build-site.ts';
import { coverageDataset } from '../../../lambda/pipeline/datasets/indicator-coverage.ts';
import { bodyBytes } from '../../../lambda/pipeline/formats/chunks.ts';
import {
  datasetCsvChunks,
  datasetJsonChunks,
  datasetToCsv,
  datasetToJson,
} from '../../../lambda/pipeline/formats/csv.ts';
import { parseIndicatorCatalog } from '../../../lambda/pipeline/indicators/indicator-catalog.ts';
import { matchIndicators } from '../../../lambda/pipeline/indicators/indicators.ts';
import {
  boundedList,
  CHART_POINTS_LIMIT,
  chartPoints,
  INDICATOR_PAGE_LIMIT,
  INDICATOR_ROWS_LIMIT,
} from '../../../lambda/pipeline/portal/components/indicator-bounds.tsx';
import { evenlySpread } from '../../../lambda/pipeline/portal/spread.ts';
import type { Report } from '../../../lambda/pipeline/report/report.ts';
import { parseSiteSettings } from '../../../lambda/pipeline/report/settings.ts';
import { readPortalAssets } from '../../../lambda/publish/portal-assets.ts';
import { parseCsv } from '../../support/csv.ts';
import { PROJECT_ROOT, SEED } from '../../support/temp.ts';

const catalog = parseIndicatorCatalog(
  await readFile(new URL('data/indicators.json', PROJECT_ROOT)),
  'data/indicators.json',
);
const assets = await readPortalAssets();
const settings = parseSiteSettings(await readFile(new URL('data/site.json', PROJECT_ROOT)), 'data/site.json');
const seed = buildReport({
  id: 'xiaowangzhuang-2023',
  file: 'xiaowangzhuang-2023.txt',
  bytes: await readFile(SEED),
  defaultLicense: 'CC-BY-4.0',
});

/** The seed as `count` reports of 10 towns over the years from 2014: more than the page's bounds. */
function manyReports(count: number): Report[] {
  return Array.from({ length: count }, (_, i) => {
    const year = 2014 + Math.floor(i / 10);
    return {
      ...seed,
      id: `town-${String(i).padStart(4, '0')}`,
      entity: `镇${i % 10}`,
      year,
      // Every fourth report says a little more (another value for each of its figures); the figures
      // of the seed's year are of the copy's (the chart places a value by its period).
      figures: seed.figures.map((figure) => ({
        ...figure,
        period: figure.period === String(seed.year) ? String(year) : figure.period,
        value: figure.value + (i % 4),
      })),
    };
  });
}

describe('the indicator outputs at scale', () => {
  const reports = manyReports(INDICATOR_ROWS_LIMIT + 50);
  const built = buildSite(settings, reports, assets, catalog);
  const published = (path: string) =>
    new TextDecoder().decode(built.find((file) => file.path === path)?.body);
  const site = {
    datasets: [
      coverageDataset(
        reports.map((report) => matchIndicators(report, catalog)),
        catalog,
      ),
    ],
    pages: [{ path: 'indicators/index.html', text: published('indicators/index.html') }],
  };
  const dataset = (name: string) => site.datasets.find((d) => d.name === name);

  it('streams a complete coverage dataset: every report × every indicator, made afresh on each pass', () => {
    const coverage = dataset('indicator-coverage');
    expect(coverage?.rows.length).toBe(reports.length * catalog.indicators.length);
    expect(Array.isArray(coverage?.rows)).toBe(false);
    if (!coverage) return;
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bodyBytes(datasetCsvChunks(coverage))));
    expect(rows).toHaveLength(coverage.rows.length);
    const status = header?.indexOf('status') ?? -1;
    expect(new Set(rows.map((row) => row[status]))).toEqual(new Set(['found', 'not_mentioned']));
    expect(new TextDecoder().decode(bodyBytes(datasetCsvChunks(coverage)))).toBe(datasetToCsv(coverage));
    expect(new TextDecoder().decode(bodyBytes(datasetJsonChunks(coverage)))).toBe(datasetToJson(coverage));
    // The site's files, put together from each report's share, are the dataset of all reports at once.
    expect(published('data/indicator-coverage.csv')).toBe(datasetToCsv(coverage));
    expect(published('data/indicator-coverage.json')).toBe(datasetToJson(coverage));
  });

  it('bounds each indicator table and says so, pointing to the full datasets', () => {
    const page = site.pages.find((p) => p.path === 'indicators/index.html')?.text ?? '';
    const section = page.split('id="i-service-items-handled"')[1]?.split('</section>')[0] ?? '';
    expect(section.match(/<tr>/g)).toHaveLength(INDICATOR_ROWS_LIMIT + 1);
    expect(section).toContain(`共 ${reports.length} 份报告，其中 ${reports.length} 份提及此指标`);
    expect(section).toContain('href="../data/indicator-coverage.csv"');
    // Indicators the seed never mentions have no section, bounded or not.
    expect(page).not.toContain('id="i-economy-gdp"');
  });

  it('draws one median a year once there are too many reports to plot one by one', () => {
    const page = site.pages.find((p) => p.path === 'indicators/index.html')?.text ?? '';
    const section = page.split('id="i-service-items-handled"')[1]?.split('</section>')[0] ?? '';
    expect(section.match(/<circle /g)).toHaveLength(15);
    expect(section).toContain('各年度中位数');
    // 2014: ten reports with values 2361 + (0, 1, 2, 3, 0, 1, 2, 3, 0, 1) → median 2362.
    expect(section).toContain('2014 (10): 2,362 件');
  });
});

describe('the bounds', () => {
  it('spread a selection evenly and deterministically', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(evenlySpread(items, 4)).toEqual([0, 2, 5, 7]);
    expect(evenlySpread(items, 10)).toBe(items);
  });

  it('leave lists up to the limit as they are, and note a selection beyond it', () => {
    const small = Array.from({ length: INDICATOR_PAGE_LIMIT }, (_, i) => i);
    expect(boundedList(small, ['项', '核对', 'checks'], 'checks')).toEqual({ items: small, note: null });
    const big = Array.from({ length: INDICATOR_PAGE_LIMIT * 5 }, (_, i) => i);
    const { items, note } = boundedList(big, ['项', '核对', 'checks'], 'checks');
    expect(items).toHaveLength(INDICATOR_PAGE_LIMIT);
    expect(note ? renderToString(note) : '').toContain(
      '共 10,000 项核对，此处只列出其中均匀选取的 2,000 项。',
    );
    expect(note ? renderToString(note) : '').toContain('href="../data/checks.csv"');
  });

  it('keep up to CHART_POINTS_LIMIT points as they are; beyond, medians by year, undated left out', () => {
    const point = (i: number, year: number | null) => ({ series: 's', label: `r${i}`, value: i, year });
    const few = Array.from({ length: CHART_POINTS_LIMIT }, (_, i) => point(i, 2020));
    expect(chartPoints(few)).toMatchObject({ medians: false, points: few.map(({ year, ...p }) => p) });
    const many = [...Array.from({ length: 30 }, (_, i) => point(i, 2020 + (i % 2))), point(99, null)];
    expect(chartPoints(many)).toEqual({
      medians: true,
      points: [
        { series: 'median', label: '2020 (15)', value: 14 },
        { series: 'median', label: '2021 (15)', value: 15 },
      ],
    });
  });
});
