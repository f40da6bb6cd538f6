import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSiteSettings } from '../../../lambda/pipeline/report/settings.ts';
import { publish } from '../../../lambda/publish/publish.ts';
import { FsStore } from '../../../lambda/stores/fs-store.ts';
import { PROJECT_ROOT, SEED, useTempDirs } from '../../support/temp.ts';

const tempDir = useTempDirs();
const settings = parseSiteSettings(
  new TextEncoder().encode(
    JSON.stringify({
      title: '开放数据',
      titleEn: 'Open data',
      description: '描述',
      descriptionEn: 'Description',
      publisher: 'opendata-publisher',
      baseUrl: 'https://data.example.org',
    }),
  ),
  'site.json',
);

/** A report whose every text field tries to break out of its HTML context. */
const HOSTILE_TEXT = `某某镇2024年法治政府建设情况报告
一、主要成效<script>alert("h")</script>
全年共受理矛盾纠纷12件，其中"<img src=x onerror=alert(1)>"调解成功率100%。
二、下一步工作</script><script>alert('s')</script>
完成培训3场。
`;
const HOSTILE_META = {
  title: '<script>alert("title")</script> & "引号"',
  entity: '</script><script>alert("entity")</script>',
  parent: '"><b>parent</b>',
  year: 2024,
};

/** A county work report: a 2025 result and its 2026 target, and an estimate. */
const WORK_REPORT_TEXT = `青石县2026年政府工作报告
一、2025年工作回顾
全县地区生产总值增长5.6%。预计全年粮食产量80万吨。
二、2026年主要工作
主要预期目标是：地区生产总值增长5%左右。
`;

async function publishSite(
  withHostile: boolean,
  extra: Record<string, string> = {},
): Promise<(path: string) => Promise<string>> {
  const reports = await tempDir();
  await copyFile(SEED, join(reports, 'xiaowangzhuang-2023.txt'));
  await copyFile(
    new URL('data/reports/xiaowangzhuang-2023.meta.json', PROJECT_ROOT),
    join(reports, 'xiaowangzhuang-2023.meta.json'),
  );
  for (const [name, text] of Object.entries(extra)) await writeFile(join(reports, name), text);
  if (withHostile) {
    await writeFile(join(reports, 'hostile-2024.txt'), HOSTILE_TEXT);
    await writeFile(join(reports, 'hostile-2024.meta.json'), JSON.stringify(HOSTILE_META));
  }
  const target = new FsStore(await tempDir());
  const summary = await publish({ source: new FsStore(reports), target, settings });
  expect(summary.problems).toEqual([]);
  return async (path) => new TextDecoder().decode(await target.get(path));
}

function scriptTags(page: string): string[] {
  return [...page.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
}

function jsonLd(page: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page);
  return JSON.parse(match?.[1] ?? 'null');
}

describe('the portal pages, through publish', () => {
  it('show text from reports as text: no tag, attribute or script comes from a report', async () => {
    const read = await publishSite(true);
    const home = await read('index.html');
    const report = await read('reports/hostile-2024/index.html');
    expect(scriptTags(home)).toEqual([
      '<script src="assets/site.js" defer>',
      '<script type="application/ld+json">',
    ]);
    expect(scriptTags(report)).toEqual(['<script src="../../assets/site.js" defer>']);
    // preact escapes `&`, `<` and `"` (in text and attributes alike): enough that no tag starts.
    for (const page of [home, report]) {
      expect(page).not.toMatch(/<img|<b>parent|alert\("(?:title|entity)"\)<\/script>/);
      expect(page).toContain('&lt;script>alert(&quot;title&quot;)&lt;/script> &amp; &quot;引号&quot;');
    }
    expect(report).toContain('一、主要成效&lt;script>alert(&quot;h&quot;)&lt;/script>');
    expect(report).toContain('&quot;&lt;img src=x onerror=alert(1)>&quot;');
    expect(report).toContain("&lt;/script>&lt;script>alert('s')&lt;/script>");
    // The JSON-LD block holds the entity as data: it parses back to the very text.
    expect(home).not.toContain('</script><script>alert("entity")');
    expect(jsonLd(home).spatialCoverage).toContainEqual({
      '@type': 'Place',
      name: HOSTILE_META.entity,
      containedInPlace: { '@type': 'Place', name: HOSTILE_META.parent },
    });
  });

  it('anchor every figure once in its report page, where figures.csv links to it', async () => {
    const read = await publishSite(false);
    const page = await read('reports/xiaowangzhuang-2023/index.html');
    const figures: { id: string; text: string; url: string }[] = JSON.parse(await read('data/figures.json'));
    expect(figures.length).toBeGreaterThan(20);
    for (const figure of figures) {
      expect(page.split(`id="f-${figure.id}"`)).toHaveLength(2);
      expect(page).toContain(
        `<a href="#f-${figure.id}" aria-describedby="t-${figure.id}">${figure.text}</a>`,
      );
      expect(figure.url).toBe(
        `https://data.example.org/reports/xiaowangzhuang-2023/index.html#f-${figure.id}`,
      );
    }
    const anchors = [...page.matchAll(/<a href="#(s-[\d-]+)">/g)].map((m) => m[1]);
    expect(anchors.length).toBe(25);
    for (const anchor of anchors) expect(page).toContain(`id="${anchor}"`);
    expect(page).toContain('<h2 id="s-1" class="section-heading">一、主要举措和成效</h2>');
    expect(page).toMatch(/<h4 id="s-1-4-1" class="run-in">一是行政执法严格规范公正文明<\/h4><p>。/);
  });

  it('mark a target and an estimate where they stand, and give every figure its period, status and change', async () => {
    const read = await publishSite(false, { 'qingshi-2026.txt': WORK_REPORT_TEXT });
    const page = await read('reports/qingshi-2026/index.html');
    const figures: { id: string; text: string; period: string; status: string }[] = JSON.parse(
      await read('data/figures.json'),
    ).filter((figure: { report_id: string }) => figure.report_id === 'qingshi-2026');
    const mark = (text: string) => {
      const figure = figures.find((f) => f.text === text);
      const match = new RegExp(`<mark id="f-${figure?.id}" class="([^"]*)">[\\s\\S]*?</mark>`).exec(page);
      return { classes: match?.[1]?.split(' ') ?? [], html: match?.[0] ?? '' };
    };
    // A result is marked as any figure; a flag of a check may come with it.
    expect(mark('5.6%').classes).toEqual(expect.arrayContaining(['fig']));
    expect(mark('5.6%').classes).not.toContain('fig-target');
    expect(mark('5.6%').html).not.toContain('fig-badge');
    expect(mark('5%').classes).toEqual(expect.arrayContaining(['fig', 'fig-target']));
    expect(mark('80万吨').classes).toEqual(expect.arrayContaining(['fig', 'fig-estimate']));
    expect(mark('5%').html).toContain(
      '<span class="fig-badge" aria-hidden="true"><span class="zh">目标</span><span class="en" lang="en">target</span></span>',
    );
    expect(mark('80万吨').html).toContain(
      '<span class="fig-badge" aria-hidden="true"><span class="zh">预计</span><span class="en" lang="en">estimate</span></span>',
    );
    // The tooltip says the period and what the figure is.
    expect(mark('5.6%').html).toContain('<span class="en" lang="en">Period</span></b> 2025</span>');
    expect(mark('5%').html).toContain('<span class="en" lang="en">Period</span></b> 2026</span>');
    expect(mark('5%').html).toMatch(/Change<\/span><\/b> <span class="zh">增加<\/span>/);
  });

  it('describe the data as a schema.org Dataset with every download', async () => {
    const home = await (await publishSite(false))('index.html');
    expect(jsonLd(home)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Dataset',
      name: '开放数据',
      url: 'https://data.example.org/',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      temporalCoverage: '2023',
      spatialCoverage: [
        {
          '@type': 'Place',
          name: '小王庄镇',
          containedInPlace: { '@type': 'Place', name: '天津市滨海新区' },
        },
      ],
      creator: [{ '@type': 'Organization', name: '天津市滨海新区人民政府办公室' }],
    });
    const distribution = jsonLd(home).distribution as { contentUrl: string; encodingFormat: string }[];
    const names = ['figures', 'reports', 'indicators', 'indicators-wide', 'indicator-coverage', 'checks'];
    expect(distribution.map((d) => d.contentUrl)).toEqual(
      [
        ...names.flatMap((name) => [`${name}.csv`, `${name}.json`]),
        ...names.map((name) => `${name}.xlsx`),
      ].map((name) => `https://data.example.org/data/${name}`),
    );
    for (const href of ['data/figures.csv', 'data/figures.xlsx', 'datapackage.json', 'catalog.jsonld'])
      expect(home).toContain(`<a href="${href}">`);
  });
});
