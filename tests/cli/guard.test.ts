import { copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { SEED, sharedTempDirs, useTempDirs } from '../support/temp.ts';
import { treeDigest } from '../support/tree.ts';

const tempDir = useTempDirs();
const sharedDir = sharedTempDirs();
const TOWNS = ['dongcun-2023', 'xicun-2023', 'nancun-2023', 'beicun-2023'];

/** The four reports and the site `opendata publish` made of them, once for the file. */
const published = { reports: '', live: '' };
beforeAll(async () => {
  published.reports = await sharedDir();
  published.live = await sharedDir();
  for (const town of TOWNS) await copyFile(SEED, join(published.reports, `${town}.txt`));
  const { code } = await runCli(['publish', published.reports, '--out', published.live]);
  expect(code).toBe(0);
});

let reports: string;
let live: string;
/** A live site of four reports, published from `reports`: each test changes a copy of its own. */
beforeEach(async () => {
  reports = await tempDir();
  live = await tempDir();
  await cp(published.reports, reports, { recursive: true });
  await cp(published.live, live, { recursive: true });
});

describe('guarding a live site', () => {
  it('a reports folder that does not exist (a typo) is a usage error, and the site is untouched', async () => {
    const before = await treeDigest(live);
    const typo = join(reports, '..', 'reprots');
    const { code, stdout, stderr } = await runCli(['publish', typo, '--out', live]);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `opendata: the reports folder "${typo}" does not exist\nRun "opendata publish --help" for usage.\n`,
    );
    expect(code).toBe(2);
    expect(await treeDigest(live)).toEqual(before);
  });

  it.each([
    ['an empty folder', [] as string[], 4],
    ['a folder with one of the four reports', ['dongcun-2023'], 3],
  ])(
    '%s would drop more than half: refused with the counts, exit 5, nothing written',
    async (_name, keep, dropped) => {
      const shrunk = await tempDir();
      for (const town of keep) await copyFile(join(reports, `${town}.txt`), join(shrunk, `${town}.txt`));
      const before = await treeDigest(live);
      const { code, stdout, stderr } = await runCli(['publish', shrunk, '--out', live]);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        new RegExp(
          `^opendata: refusing to publish to ${live}: it has 4 reports online and this run would drop ${dropped} of them \\(.+\\), keeping ${4 - dropped}; nothing was written\\. If that is intended, run again with --allow-shrink\\n$`,
        ),
      );
      expect(code).toBe(5);
      expect(await treeDigest(live)).toEqual(before);
    },
  );

  it('dropping half is allowed, and --allow-shrink publishes what the folder holds', async () => {
    await rm(join(reports, 'nancun-2023.txt'));
    await rm(join(reports, 'beicun-2023.txt'));
    expect((await runCli(['publish', reports, '--out', live])).code).toBe(0);
    const empty = await tempDir();
    expect((await runCli(['publish', empty, '--out', live])).code).toBe(5);
    const { code, stdout } = await runCli(['publish', empty, '--out', live, '--allow-shrink']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Published 0 reports /);
    expect(await readFile(join(live, 'data/reports.csv'), 'utf8')).not.toContain('dongcun-2023');
  });
});

describe('opendata publish --dry-run', () => {
  it('builds everything, writes nothing, and says what would change', async () => {
    const text = await readFile(join(reports, 'xicun-2023.txt'), 'utf8');
    await writeFile(join(reports, 'xicun-2023.txt'), text.replace('2361件', '2400件'));
    await copyFile(SEED, join(reports, 'zhongcun-2023.txt'));
    await rm(join(reports, 'beicun-2023.txt'));
    const before = await treeDigest(live);
    const { code, stdout, stderr } = await runCli(['publish', reports, '--out', live, '--dry-run']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await treeDigest(live)).toEqual(before);
    const [head, changes, files] = stdout.trim().split('\n');
    expect(head).toMatch(
      new RegExp(
        `^Dry run, nothing was written: publishing 4 reports \\(\\d+ figures\\) to ${live} would make a new version \\d{8}T\\d{6}Z-[0-9a-f]{12}\\.$`,
      ),
    );
    expect(changes).toBe(
      '  reports: 1 added (zhongcun-2023); 1 changed (xicun-2023); 1 dropped (beicun-2023); 29 figure values changed',
    );
    expect(files).toMatch(
      /^ {2}files: \d+ objects would be written, \d+ linked from the previous version; \d+ stable paths would switch: /,
    );
    expect(files).toContain('data/figures.csv');
  });

  it('into a folder that does not exist yet creates nothing, and --json says it was a dry run', async () => {
    const fresh = join(await tempDir(), 'site');
    const { code, stdout } = await runCli(['publish', reports, '--out', fresh, '--dry-run', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ dryRun: true, newVersion: true, reports: TOWNS.toSorted() });
    await expect(readFile(join(fresh, 'current.json'))).rejects.toThrow(/ENOENT/);
    await mkdir(fresh, { recursive: true });
    expect(await treeDigest(fresh)).toEqual({});
  });

  it('cannot be combined with --sources, which writes the reports folder', async () => {
    const { code, stderr } = await runCli([
      'publish',
      reports,
      '--out',
      live,
      '--dry-run',
      '--sources',
      'x.json',
    ]);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(
      'opendata: --dry-run cannot be combined with --sources: fetching writes the reports folder',
    );
  });
});
