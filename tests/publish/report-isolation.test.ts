/**
 * No single report can stop the rest (#13): whatever building one report throws, a bug it trips
 * included, becomes that report's problem (named, as an internal error, its last good version kept)
 * while the others are published, and the run still fails so that alarms fire.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndicatorCatalog } from '../../lambda/pipeline/indicators/indicator-catalog.ts';
import { PROJECT_CATALOG } from '../../lambda/publish/project-catalog.ts';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { runCli } from '../support/cli.ts';
import { day, servedView, settings, writeReports } from '../support/publication.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const QINGSHI = '青石镇2024年法治政府建设情况报告\n一、主要成效\n全年共受理矛盾纠纷12件，调解成功率100%。\n';

/** The seed, its copy for a second town and a small third report, published once. */
async function publishedThree() {
  const reports = await tempDir();
  await writeReports(reports);
  await writeFile(join(reports, 'qingshi-2024.txt'), QINGSHI);
  const source = new FsStore(reports);
  const target = new FsStore(await tempDir());
  const first = await publish({ source, target, settings, now: day(1) });
  expect(first.problems).toEqual([]);
  return { reports, source, target, first };
}

/** The figures readers get of one report, through the pointer. */
async function figureTexts(target: FsStore, id: string): Promise<string[]> {
  const text = (await servedView(target, ['data/figures.json'])).get('data/figures.json') ?? '[]';
  return (JSON.parse(text) as { report_id: string; text: string }[])
    .filter((row) => row.report_id === id)
    .map((row) => row.text);
}

/**
 * The project's catalog plus an indicator whose pattern does not compile, as a catalog given to
 * publish() unvalidated could have: matching throws a SyntaxError for the figures counted in 头
 * only, so only a report that counts in 头 meets it.
 */
const BROKEN_CATALOG: IndicatorCatalog = {
  ...PROJECT_CATALOG,
  indicators: [
    ...PROJECT_CATALOG.indicators,
    {
      ...(PROJECT_CATALOG.indicators[0] as IndicatorCatalog['indicators'][number]),
      id: 'test.broken_pattern',
      units: ['头'],
      rate: undefined,
      rules: [{ label: ['('] }],
    },
  ],
};
const INTERNAL =
  /^could not be built because of an internal error \(SyntaxError: Invalid regular expression: .*\): a bug in opendata-publisher, not in the report; please report it$/;

describe('a report whose build throws is that report problem, never the run', () => {
  it('keeps its last good version, names the file and the error, and publishes the others', async () => {
    const { reports, source, target, first } = await publishedThree();
    await writeFile(join(reports, 'qingshi-2024.txt'), QINGSHI.replace('12件', '12件，出栏生猪300头'));
    const second = await publish({ source, target, settings, catalog: BROKEN_CATALOG, now: day(2) });
    expect(second.problems).toEqual([
      {
        id: 'qingshi-2024',
        file: join(reports, 'qingshi-2024.txt'),
        problem: expect.stringMatching(INTERNAL),
        kept: first.version,
      },
    ]);
    expect(second.reports).toEqual(['dawangzhuang-2023', 'qingshi-2024', 'xiaowangzhuang-2023']);
    expect(await figureTexts(target, 'qingshi-2024')).toEqual(['12件', '100%']);
    expect((await figureTexts(target, 'xiaowangzhuang-2023')).length).toBeGreaterThan(10);
  });

  it('is left out, saying so, when its last good text no longer builds either', async () => {
    const { reports, source, target } = await publishedThree();
    await writeFile(join(reports, 'qingshi-2024.txt'), QINGSHI.replace('12件', '12件，出栏生猪300头'));
    await publish({ source, target, settings, now: day(2) });
    const third = await publish({ source, target, settings, catalog: BROKEN_CATALOG, now: day(3) });
    expect(third.problems).toHaveLength(1);
    const [problem] = third.problems;
    expect(problem).toEqual({
      id: 'qingshi-2024',
      file: join(reports, 'qingshi-2024.txt'),
      problem: expect.any(String),
    });
    const [now, before] = problem?.problem.split('; its last good version ') ?? [];
    expect(now).toMatch(/^could not be built because of an internal error \(SyntaxError: /);
    expect(before).toMatch(INTERNAL);
    expect(third.reports).toEqual(['dawangzhuang-2023', 'xiaowangzhuang-2023']);
  });
});

describe('a report of 170,000 headings (1 MB), which threw a RangeError in sectionChart', () => {
  const headings = (n: number) =>
    `青石镇2024年法治政府建设情况报告\n${Array.from({ length: n }, (_, i) => `${(i % 9) + 1}.项\n`).join('')}`;

  it('is published through the CLI with the others, exit 0, its page linear in it', async () => {
    const { reports, target } = await publishedThree();
    await writeFile(join(reports, 'qingshi-2024.txt'), headings(170_000));
    const bytes = (await readFile(join(reports, 'qingshi-2024.txt'))).byteLength;
    expect(bytes).toBeLessThan(1024 * 1024);
    const { code, stdout, stderr } = await runCli(['publish', reports, '--out', target.root]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^Published 3 reports/);
    const page =
      (await servedView(target, ['reports/qingshi-2024/index.html'])).get(
        'reports/qingshi-2024/index.html',
      ) ?? '';
    expect(page.match(/<li><a href="#s-\d+">/g)).toHaveLength(170_000);
    expect(Buffer.byteLength(page)).toBeLessThan(200 * bytes);
  });
});
