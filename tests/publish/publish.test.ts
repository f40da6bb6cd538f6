import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSiteSettings } from '../../lambda/pipeline/report/settings.ts';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { PROJECT_ROOT, SEED, useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const settings = parseSiteSettings(await readFile(new URL('data/site.json', PROJECT_ROOT)), 'data/site.json');

async function reportsWithSeed(): Promise<string> {
  const dir = await tempDir();
  await copyFile(SEED, join(dir, 'xiaowangzhuang-2023.txt'));
  await copyFile(
    new URL('data/reports/xiaowangzhuang-2023.meta.json', PROJECT_ROOT),
    join(dir, 'xiaowangzhuang-2023.meta.json'),
  );
  return dir;
}

describe('publish', () => {
  it('writes the whole site for the seed, then nothing when nothing changed', async () => {
    const source = new FsStore(await reportsWithSeed());
    const target = new FsStore(await tempDir());
    const first = await publish({ source, target, settings, now: new Date('2026-11-27T00:00:00Z') });
    expect(first.problems).toEqual([]);
    expect(first.reports).toEqual(['xiaowangzhuang-2023']);
    expect(first.changed).toEqual(
      expect.arrayContaining([
        'data/figures.csv',
        'data/figures.json',
        'data/reports.csv',
        'data/reports.json',
        'reports/xiaowangzhuang-2023/source.txt',
        'reports/xiaowangzhuang-2023/index.html',
        'assets/site.css',
        'datapackage.json',
        'catalog.jsonld',
        'feed.atom',
        'index.html',
        'manifest.json',
      ]),
    );
    expect(first.written.at(-1)).toBe('manifest.json');
    const second = await publish({ source, target, settings, now: new Date('2026-11-28T00:00:00Z') });
    expect(second.written).toEqual([]);
    expect(second.version).toBe(first.version);
    expect(second.unchanged).toBe(first.changed.length - 1);
  });

  it('publishes source.txt as the exact text the offsets index', async () => {
    const target = new FsStore(await tempDir());
    await publish({ source: new FsStore(await reportsWithSeed()), target, settings });
    const source = new TextDecoder().decode(await target.get('reports/xiaowangzhuang-2023/source.txt'));
    expect(source).toBe(await readFile(SEED, 'utf8'));
    const figures = JSON.parse(new TextDecoder().decode(await target.get('data/figures.json')));
    expect(figures.length).toBeGreaterThan(20);
    for (const figure of figures) expect(source.slice(figure.start, figure.end)).toBe(figure.text);
  });

  it('leaves a bad report out with a problem naming it, and still publishes the others', async () => {
    const dir = await reportsWithSeed();
    await writeFile(join(dir, 'broken-2023.txt'), new Uint8Array([0x00, 0x01, 0x02, 0xff]));
    await writeFile(join(dir, 'empty-2023.txt'), '');
    const target = new FsStore(await tempDir());
    const summary = await publish({ source: new FsStore(dir), target, settings });
    expect(summary.reports).toEqual(['xiaowangzhuang-2023']);
    expect(summary.problems).toEqual([
      { id: 'broken-2023', file: join(dir, 'broken-2023.txt'), problem: expect.stringMatching(/binary/) },
      { id: 'empty-2023', file: join(dir, 'empty-2023.txt'), problem: 'is empty' },
    ]);
    expect(await target.get('data/figures.csv')).toBeDefined();
  });

  it('refuses a sidecar with an unknown or mistyped field, naming the sidecar', async () => {
    const dir = await reportsWithSeed();
    await writeFile(join(dir, 'xiaowangzhuang-2023.meta.json'), '{"year": "2023"}');
    const summary = await publish({
      source: new FsStore(dir),
      target: new FsStore(await tempDir()),
      settings,
    });
    expect(summary.reports).toEqual([]);
    expect(summary.problems).toEqual([
      {
        id: 'xiaowangzhuang-2023',
        file: join(dir, 'xiaowangzhuang-2023.meta.json'),
        problem: expect.stringMatching(/field "year"/),
      },
    ]);
  });
});

describe('figures from a report in GBK with full-width digits', () => {
  it('decode, keep offsets into the decoded text and use one spelling per unit', async () => {
    const { default: iconv } = await import('iconv-lite');
    const text =
      '某某镇2024年法治政府建设情况报告\n一、主要成效\n全年共受理矛盾纠纷１２件，调解成功率１００％。\n';
    const dir = await tempDir();
    await writeFile(join(dir, 'moumou-2024.txt'), iconv.encode(text, 'gbk'));
    const target = new FsStore(await tempDir());
    const summary = await publish({ source: new FsStore(dir), target, settings });
    expect(summary.problems).toEqual([]);
    const figures = JSON.parse(new TextDecoder().decode(await target.get('data/figures.json')));
    expect(
      figures.map((f: { text: string; value: number; unit: string }) => [f.text, f.value, f.unit]),
    ).toEqual([
      ['１２件', 12, '件'],
      ['１００％', 100, '%'],
    ]);
    for (const figure of figures) expect(text.slice(figure.start, figure.end)).toBe(figure.text);
    expect(new TextDecoder().decode(await target.get('reports/moumou-2024/source.txt'))).toBe(text);
  });
});
