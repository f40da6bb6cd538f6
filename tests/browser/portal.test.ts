/// <reference lib="dom" />
import type { ChildProcess } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, stop } from '../support/cli.ts';
import { PROJECT_ROOT, SEED } from '../support/temp.ts';
import { DESKTOP, launchChromium, PHONE } from './chromium.ts';
import { makeTempDir, removeTempDirs } from './temp.ts';

const ARTIFACTS = fileURLToPath(new URL('test-artifacts/', PROJECT_ROOT));
const AXE = await readFile(new URL('node_modules/axe-core/axe.min.js', PROJECT_ROOT), 'utf8');
const REPORT = 'reports/xiaowangzhuang-2023/index.html';

interface PublishedFigure {
  id: string;
  report_id: string;
  section: string;
  label: string;
  value: number;
  text: string;
}

let browser: Browser;
let server: ChildProcess;
let base: string;
let figures: PublishedFigure[];
/** Every URL any page of these tests asked for. */
const requested: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const reports = await makeTempDir();
  const site = await makeTempDir();
  await copyFile(SEED, join(reports, 'xiaowangzhuang-2023.txt'));
  await copyFile(
    new URL('data/reports/xiaowangzhuang-2023.meta.json', PROJECT_ROOT),
    join(reports, 'xiaowangzhuang-2023.meta.json'),
  );
  const published = await runCli(['publish', reports, '--out', site]);
  expect(published.stderr).toBe('');
  const served = await startCli(['serve', site, '--port', '0']);
  server = served.child;
  base = served.url;
  figures = JSON.parse(await readFile(join(site, 'data/figures.json'), 'utf8'));
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (server) await stop(server);
  await removeTempDirs();
});

/** A page that records every request and fails on script errors and CSP violations (console errors). */
async function open(path: string, options: Parameters<Browser['newContext']>[0] = DESKTOP) {
  const context = await browser.newContext(options);
  context.on('request', (request) => requested.push(request.url()));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const response = await page.goto(new URL(path, base).href);
  expect(response?.status()).toBe(200);
  return { context, page, errors };
}

/**
 * The text as rendered: the language switch hides one of each pair of spans with CSS, which
 * textContent would not see.
 */
function shown(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, on purpose.
  return locator.innerText();
}

async function visibleRows(page: Page): Promise<number> {
  return page.locator('table[data-figures] tbody tr:visible').count();
}

describe('the home page', () => {
  it('offers every dataset as CSV, JSON and XLSX with the metadata files', async () => {
    const { context, page, errors } = await open('index.html');
    await expect(shown(page.locator('h1'))).resolves.toContain('基层政府报告开放数据');
    for (const name of ['figures', 'reports']) {
      for (const format of ['csv', 'json', 'xlsx']) {
        const link = page.locator(`.card a[href="data/${name}.${format}"]`);
        await expect(shown(link)).resolves.toBe(format.toUpperCase());
        const response = await page.request.get(new URL(`data/${name}.${format}`, base).href);
        expect(response.status()).toBe(200);
      }
    }
    await expect(page.locator('a[href="datapackage.json"]').count()).resolves.toBe(1);
    await expect(page.locator('a[href="catalog.jsonld"]').count()).resolves.toBe(1);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
    expect(jsonLd).toMatchObject({ '@type': 'Dataset', spatialCoverage: [{ name: '小王庄镇' }] });
    expect(await visibleRows(page)).toBe(figures.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters the figures by report, section and label, and sorts them by value', async () => {
    const { context, page, errors } = await open('index.html');
    const target = figures.find((f) => f.label.includes('调解')) ?? (figures[0] as PublishedFigure);
    const section = target.section.split(' › ').slice(0, 2).join(' › ');
    await page.selectOption('select[data-filter="report"]', target.report_id);
    await page.selectOption('select[data-filter="section"]', section);
    const inSection = figures.filter((f) => f.section === section || f.section.startsWith(`${section} › `));
    expect(await visibleRows(page)).toBe(inSection.length);
    await page.fill('input[data-filter="label"]', target.label);
    const expected = inSection.filter((f) => f.label.includes(target.label));
    expect(await visibleRows(page)).toBe(expected.length);
    await expect(shown(page.locator('[data-count]'))).resolves.toContain(
      `${expected.length} / ${figures.length}`,
    );

    await page.fill('input[data-filter="label"]', '');
    await page.selectOption('select[data-filter="section"]', '');
    const valueHeader = page.locator('th[data-sortable="value"]');
    await valueHeader.locator('button').click();
    await expect(valueHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
    await valueHeader.locator('button').click();
    await expect(valueHeader.getAttribute('aria-sort')).resolves.toBe('descending');
    const values = await page
      .locator('table[data-figures] tbody tr')
      .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-value'))));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('leads from a figure in the table to its highlighted sentence in the report', async () => {
    const { context, page, errors } = await open('index.html');
    const figure = figures.find((f) => f.text === '2361件') ?? (figures[0] as PublishedFigure);
    await page.fill('input[data-filter="label"]', figure.label);
    await page.locator(`table[data-figures] a[href$="#f-${figure.id}"]`).click();
    await page.waitForURL(`**/${REPORT}#f-${figure.id}`);
    const mark = page.locator('mark:target');
    await expect(mark.isVisible()).resolves.toBe(true);
    await expect(mark.getAttribute('id')).resolves.toBe(`f-${figure.id}`);
    await expect(shown(mark.locator('a'))).resolves.toBe(figure.text);
    const tip = mark.locator('.tip');
    await expect(tip.isVisible()).resolves.toBe(true);
    await expect(shown(tip)).resolves.toContain(figure.label);
    expect(await mark.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 201, 64)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches to English, column titles included, and the report page follows', async () => {
    const { context, page, errors } = await open('index.html');
    const titles = () => page.locator('table[data-figures] thead th').allInnerTexts();
    expect((await titles()).map((t) => t.replace(/[↕↑↓]/g, '').trim())).toEqual([
      '报告',
      '章节',
      '指标',
      '数值',
      '单位',
      '限定',
      '原文',
    ]);
    await page.locator('[data-lang-toggle]').click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    expect((await titles()).map((t) => t.replace(/[↕↑↓]/g, '').trim())).toEqual([
      'Report',
      'Section',
      'Label',
      'Value',
      'Unit',
      'Qualifier',
      'Text',
    ]);
    await expect(shown(page.locator('h1'))).resolves.toBe('Open data from Chinese local-government reports');
    await expect(shown(page.locator('select[data-filter="report"] option').first())).resolves.toBe(
      'All reports',
    );
    await page.goto(new URL(REPORT, base).href);
    await expect(shown(page.locator('#toc-title'))).resolves.toBe('Contents');
    await page.locator('[data-lang-toggle]').click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await expect(shown(page.locator('#toc-title'))).resolves.toBe('目录');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads and downloads without JavaScript', async () => {
    const { context, page } = await open('index.html', { ...DESKTOP, javaScriptEnabled: false });
    expect(await visibleRows(page)).toBe(figures.length);
    await expect(page.locator('[data-filters]').isVisible()).resolves.toBe(false);
    await expect(page.locator('.card a[href="data/figures.xlsx"]').isVisible()).resolves.toBe(true);
    await page.goto(new URL(`${REPORT}#f-${figures[0]?.id}`, base).href);
    await expect(page.locator('mark:target .tip').isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('the report page', () => {
  it('shows the full text with every figure highlighted, a table of contents and a chart', async () => {
    const { context, page, errors } = await open(REPORT);
    const ids = await page.locator('mark.fig').evaluateAll((marks) => marks.map((m) => m.id));
    expect(ids).toEqual(figures.map((f) => `f-${f.id}`));
    const tocTargets = await page
      .locator('.toc a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(tocTargets.length).toBeGreaterThan(10);
    for (const href of tocTargets) await expect(page.locator(`${href}`).count()).resolves.toBe(1);
    await expect(shown(page.locator('h2#s-1'))).resolves.toBe('一、主要举措和成效');
    await expect(page.locator('.chart svg rect').count()).resolves.toBeGreaterThan(3);

    // Keyboard: Tab reaches a figure and its details show.
    const first = page.locator('mark.fig a').first();
    await first.focus();
    await expect(page.locator('mark.fig .tip').first().isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.locator('mark.fig .tip').first().isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('accessibility and screenshots', () => {
  it.each([
    ['home', 'index.html'],
    ['report', `${REPORT}#f-${'FIRST'}`],
    ['indicators', 'indicators/index.html'],
  ])(
    'the %s page has no serious or critical axe violations, on a desktop and a phone',
    async (name, path) => {
      const target = path.replace('FIRST', figures[2]?.id ?? '');
      for (const [device, options] of [
        ['desktop', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        // axe is injected as a script, which the site's CSP (script-src 'self') rightly forbids.
        const { context, page } = await open(target, { ...options, bypassCSP: true });
        await page.addScriptTag({ content: AXE });
        expect(await seriousViolations(page), `${name} on a ${device}`).toEqual([]);
        // The report page is shot at its target figure, with the figure's details showing.
        await page.screenshot({ path: join(ARTIFACTS, `${name}-${device}.png`), fullPage: name === 'home' });
        await checkNoHorizontalScroll(page, `${name} on a ${device}`);
        await page.locator('[data-lang-toggle]').click();
        expect(await seriousViolations(page), `${name} on a ${device}, in English`).toEqual([]);
        await checkNoHorizontalScroll(page, `${name} on a ${device}, in English`);
        await context.close();
      }
    },
    90_000,
  );

  it('never asked for anything but 127.0.0.1', () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
  });
});

/** axe-core's serious and critical findings, one line each: rule and the elements it found. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe;
    return axe.run();
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

interface AxeResults {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

/** A phone reader should never scroll the whole page sideways (tables scroll in their own box). */
async function checkNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, where).toBeLessThanOrEqual(0);
}
