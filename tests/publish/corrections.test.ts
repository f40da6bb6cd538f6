/**
 * Corrections (data/corrections.json): a publisher fixes a figure by its id with a reason. The file is
 * validated with one clear error; a correction is applied at publish (the row and the page say so),
 * a figure that is none leaves the datasets, a correction that names no published figure is a
 * problem of the file, and a change of corrections makes that report again and no other.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Correction, parseCorrections, ReportError } from '../../lambda/pipeline/report/index.ts';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { runCli } from '../support/cli.ts';
import { parseCsv } from '../support/csv.ts';
import { day, settings, writeReports } from '../support/publication.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('the corrections file', () => {
  const valid = {
    corrections: [
      { report: 'r', figure: 'f1', set: { value: 2316, status: 'estimate' }, reason: '原文笔误' },
      { report: 'r', figure: 'f2', notAFigure: true, reason: '是文件编号' },
    ],
  };

  it('takes fields to set or "not a figure", each with a reason', () => {
    expect(parseCorrections(bytes(valid), 'corrections.json')).toEqual(valid.corrections);
    expect(parseCorrections(bytes({ corrections: [] }), 'corrections.json')).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['no reason', { corrections: [{ report: 'r', figure: 'f', set: { value: 1 } }] }, /reason/],
    [
      'both set and notAFigure',
      { corrections: [{ report: 'r', figure: 'f', set: { value: 1 }, notAFigure: true, reason: 'x' }] },
      /either "set".*or "notAFigure"/,
    ],
    ['nothing set', { corrections: [{ report: 'r', figure: 'f', set: {}, reason: 'x' }] }, /at least one/],
    [
      'a status that is none',
      { corrections: [{ report: 'r', figure: 'f', set: { status: 'planned' }, reason: 'x' }] },
      /status/,
    ],
    [
      'a period that is none',
      { corrections: [{ report: 'r', figure: 'f', set: { period: '2025年' }, reason: 'x' }] },
      /period/,
    ],
    [
      'a field unknown',
      { corrections: [{ report: 'r', figure: 'f', set: { valeu: 1 }, reason: 'x' }] },
      /valeu/,
    ],
    ['one figure twice', { corrections: [valid.corrections[0], valid.corrections[0]] }, /second time/],
  ])('refuses %s, naming the file', (_, value, message) => {
    const parse = () => parseCorrections(bytes(value), 'data/corrections.json');
    expect(parse).toThrow(ReportError);
    expect(parse).toThrow(/data\/corrections\.json/);
    expect(parse).toThrow(message);
  });
});

describe('a publication with corrections', () => {
  async function published(
    corrections: Correction[] | undefined,
    folders?: { reports: string; site: string; cache: string },
  ) {
    const dirs = folders ?? { reports: await tempDir(), site: await tempDir(), cache: await tempDir() };
    if (!folders) await writeReports(dirs.reports);
    const summary = await publish({
      source: new FsStore(dirs.reports),
      target: new FsStore(dirs.site),
      cacheFolder: dirs.cache,
      settings,
      now: day(corrections ? corrections.length + 2 : 1),
      ...(corrections ? { corrections: { file: 'corrections.json', corrections } } : {}),
    });
    const csv = parseCsv(await readFile(join(dirs.site, 'data/figures.csv'), 'utf8'));
    const header = csv[0] as string[];
    const rows = csv.slice(1).map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
    return { summary, rows, dirs };
  }

  it('publishes a corrected figure with the reason, drops what is no figure, and names what it could not apply', async () => {
    const before = await published(undefined);
    const seedRows = before.rows.filter((row) => row.report_id === 'xiaowangzhuang-2023');
    const [first, second] = seedRows;
    if (!first?.id || !second?.id) throw new Error('the seed has figures');
    const corrections: Correction[] = [
      {
        report: 'xiaowangzhuang-2023',
        figure: first.id,
        set: { value: 9999, status: 'estimate' },
        reason: '原文笔误，应为9999',
      },
      { report: 'xiaowangzhuang-2023', figure: second.id, notAFigure: true, reason: '是文号，不是统计数' },
      { report: 'xiaowangzhuang-2023', figure: 'no-such-figure', set: { label: 'x' }, reason: '旧句已改' },
      { report: 'no-such-report', figure: 'f', set: { value: 1 }, reason: '报告已撤' },
    ];
    const after = await published(corrections, before.dirs);
    expect(after.summary.newVersion).toBe(true);
    // Only the corrected report is made again; the other comes from the cache.
    expect(after.summary.cache?.reports).toEqual({ cached: 1, made: 1 });
    const corrected = after.rows.find((row) => row.id === first.id);
    expect(corrected).toMatchObject({ value: '9999', status: 'estimate', correction: '原文笔误，应为9999' });
    expect(corrected?.label).toBe(first.label);
    expect(after.rows.find((row) => row.id === second.id)).toBeUndefined();
    expect(after.rows.filter((row) => row.correction !== '')).toHaveLength(1);
    expect(after.rows).toHaveLength(before.rows.length - 1);
    expect(after.summary.problems).toEqual([
      {
        file: 'corrections.json',
        problem: expect.stringMatching(
          /^the correction of figure no-such-figure of xiaowangzhuang-2023 \(旧句已改\) was not applied: the report has no such figure/,
        ),
      },
      {
        file: 'corrections.json',
        problem: expect.stringMatching(
          /^the correction of figure f of no-such-report \(报告已撤\) was not applied: no such report is published/,
        ),
      },
    ]);
    const page = await readFile(join(before.dirs.site, 'reports/xiaowangzhuang-2023/index.html'), 'utf8');
    const mark = page.slice(
      page.indexOf(`id="f-${first.id}"`),
      page.indexOf('</mark>', page.indexOf(`id="f-${first.id}"`)),
    );
    expect(mark).toContain('fig-corrected');
    expect(mark).toContain('原文笔误，应为9999');
    expect(page).not.toContain(`id="f-${second.id}"`);
    // The site says what it corrected: corrections.json holds the applied ones, the feed the new ones.
    const applied = JSON.parse(await readFile(join(before.dirs.site, 'corrections.json'), 'utf8'));
    expect(applied).toEqual({ corrections: corrections.slice(0, 2) });
    const feed = await readFile(join(before.dirs.site, 'feed.atom'), 'utf8');
    expect(feed).toContain('2 figures corrected');
    expect(feed).toContain('原文笔误，应为9999');
    expect(feed).toContain(`${first.id}: value = 9999, status = estimate (原文笔误，应为9999)`);
    expect(feed).toContain('是文号，不是统计数');
    // The same corrections again: nothing to do.
    const again = await published(corrections, before.dirs);
    expect(again.summary.newVersion).toBe(false);
  });
});

describe('opendata publish --corrections', () => {
  it('stops before publishing on a bad file, with one line naming it', async () => {
    const dir = await tempDir();
    const file = join(dir, 'corrections.json');
    await writeFile(file, '{"corrections": [{"report": "r"}]}');
    const out = join(dir, 'site');
    const result = await runCli(['publish', '--out', out, '--corrections', file]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(file);
  });
});
