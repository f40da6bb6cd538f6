import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { runCli } from '../support/cli.ts';
import { day, isStableFile, servedView, settings, snapshot, writeReports } from '../support/publication.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const GBK_TEXT = '青石镇2024年法治政府建设情况报告\n一、主要成效\n全年共受理矛盾纠纷12件，调解成功率100%。\n';
const reportFiles = (id: string) => [`reports/${id}/source.txt`, `reports/${id}/index.html`];

/** The seed with its sidecar, its copy for a second town, and a third report saved in GBK. */
async function publishedThree() {
  const reports = await tempDir();
  await writeReports(reports);
  await writeFile(join(reports, 'qingshi-2024.txt'), iconv.encode(GBK_TEXT, 'gbk'));
  await writeFile(join(reports, 'qingshi-2024.meta.json'), '{"parent": "示例区", "license": "CC0-1.0"}');
  const source = new FsStore(reports);
  const target = new FsStore(await tempDir());
  const first = await publish({ source, target, settings, now: day(1) });
  expect(first.problems).toEqual([]);
  return { reports, source, target, first };
}

/** What readers get of one report: its pages, its rows in every dataset, through the pointer. */
async function readerView(target: FsStore, id: string) {
  const view = await servedView(target, reportFiles(id));
  const rows = async (dataset: string) => {
    const text = (await servedView(target, [`data/${dataset}.json`])).get(`data/${dataset}.json`) ?? '[]';
    return (JSON.parse(text) as Record<string, unknown>[]).filter((row) => (row.report_id ?? row.id) === id);
  };
  return {
    pages: view,
    figures: await rows('figures'),
    reports: await rows('reports'),
    indicators: await rows('indicators'),
  };
}

describe('a report that turns bad keeps its last good publication', () => {
  it.each([
    ['turns binary', 'qingshi-2024.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])],
    ['gets a broken sidecar', 'qingshi-2024.meta.json', '{"parent": '],
    ['grows past the size limit', 'qingshi-2024.txt', Buffer.alloc(2 * 1024 * 1024, '共办理事项12件。')],
  ])(
    '%s: its pages and rows stay as published, the others are published, and problems.json says so',
    async (_name, file, bytes) => {
      const { reports, source, target, first } = await publishedThree();
      const before = await readerView(target, 'qingshi-2024');
      expect(before.figures.map((f) => f.text)).toEqual(['12件', '100%']);
      await writeFile(join(reports, file), bytes);
      await writeFile(
        join(reports, 'dawangzhuang-2023.txt'),
        (await readFile(join(reports, 'dawangzhuang-2023.txt'), 'utf8')).replace('2361件', '2400件'),
      );
      const second = await publish({ source, target, settings, now: day(2) });
      expect(second.newVersion).toBe(true);
      expect(second.reports).toEqual(['dawangzhuang-2023', 'qingshi-2024', 'xiaowangzhuang-2023']);
      expect(second.problems).toEqual([
        { id: 'qingshi-2024', file: join(reports, file), problem: expect.any(String), kept: first.version },
      ]);
      expect(await readerView(target, 'qingshi-2024')).toEqual(before);
      // Its files are linked from the last good version: the very bytes, not a re-rendering.
      expect(second.written.filter((key) => key.includes('qingshi-2024'))).toEqual([]);
      expect((await readerView(target, 'dawangzhuang-2023')).figures.map((f) => f.value)).toContain(2400);
      const problems = JSON.parse((await servedView(target, ['problems.json'])).get('problems.json') ?? '');
      expect(problems).toEqual({
        problems: [{ id: 'qingshi-2024', file, problem: second.problems[0]?.problem, kept: first.version }],
      });
      const manifest = JSON.parse(new TextDecoder().decode(await target.get('manifest.json')));
      expect(manifest.versions[0].changes.reports).toEqual({
        added: [],
        removed: [],
        changed: ['dawangzhuang-2023'],
      });

      // The same bad input again: nothing to write, and it still names the version it was last good in.
      const stable = await snapshot(target, isStableFile);
      const third = await publish({ source, target, settings, now: day(3) });
      expect(third).toMatchObject({ newVersion: false, written: [], version: second.version });
      expect(third.problems).toEqual(second.problems);
      expect(await snapshot(target, isStableFile)).toEqual(stable);

      // Fixed: published as it now is, and the problem is gone.
      await writeFile(join(reports, 'qingshi-2024.txt'), GBK_TEXT.replace('12件', '13件'));
      await writeFile(join(reports, 'qingshi-2024.meta.json'), '{"parent": "示例区", "license": "CC0-1.0"}');
      const fourth = await publish({ source, target, settings, now: day(4) });
      expect(fourth.problems).toEqual([]);
      expect((await readerView(target, 'qingshi-2024')).figures.map((f) => f.text)).toEqual(['13件', '100%']);
      expect(JSON.parse(new TextDecoder().decode(await target.get('problems.json')))).toEqual({
        problems: [],
      });
    },
  );

  it('is left out, with no kept version, when it was never published', async () => {
    const { reports, source, target } = await publishedThree();
    await writeFile(join(reports, 'new-2024.txt'), '');
    const second = await publish({ source, target, settings, now: day(2) });
    expect(second.problems).toEqual([
      { id: 'new-2024', file: join(reports, 'new-2024.txt'), problem: 'is empty' },
    ]);
    expect(second.reports).not.toContain('new-2024');
  });

  it('is named on stderr with the version kept, and the CLI exits 1', async () => {
    const { reports, target } = await publishedThree();
    await writeFile(join(reports, 'qingshi-2024.txt'), '');
    const { code, stdout, stderr } = await runCli(['publish', reports, '--out', target.root]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /qingshi-2024\.txt: is empty \(its last good version, from \d{8}T\d{6}Z-[0-9a-f]{12}, stays published\)\n$/,
    );
    expect(stdout).toMatch(/Published 3 reports .*, 1 kept at their last good version\.\n$/);
  });
});
