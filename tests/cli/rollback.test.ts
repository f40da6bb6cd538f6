import type { ChildProcess } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, startCli, stop } from '../support/cli.ts';
import { PROJECT_ROOT, SEED, useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const children: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map(stop));
});

/**
 * The first and last tests run about ten `opendata` commands each, one after another: on a 2-core
 * machine shared with other work that passes the default 30 s.
 */
const SPAWNS = 120_000;

const versionOf = (stdout: string) => /new version (\S+?),/.exec(stdout)?.[1] as string;

describe('opendata versions and rollback on a folder, served as CloudFront would', () => {
  it('rolls back, serves the first publication at every stable URL, stays pinned, and publishes after release', {
    timeout: SPAWNS,
  }, async () => {
    const reports = await tempDir();
    const site = await tempDir();
    await copyFile(SEED, join(reports, 'xiaowangzhuang-2023.txt'));
    const first = versionOf((await runCli(['publish', reports, '--out', site])).stdout);
    const seed = await readFile(SEED, 'utf8');
    await writeFile(join(reports, 'xiaowangzhuang-2023.txt'), seed.replace('2361件', '2400件'));
    await copyFile(SEED, join(reports, 'dawangzhuang-2023.txt'));
    const second = versionOf((await runCli(['publish', reports, '--out', site])).stdout);

    const listed = await runCli(['versions', '--out', site]);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^ {2}VERSION +CREATED +REPORTS +FIGURES +CHANGES$/),
      expect.stringMatching(
        new RegExp(`^\\* ${second} .* 2 +\\d+ +\\+1 reports, 1 changed, 1 figure values changed$`),
      ),
      expect.stringMatching(new RegExp(`^  ${first} .* 1 +\\d+ +first publication$`)),
    ]);

    const rolled = await runCli(['rollback', '--out', site]);
    expect(rolled.stderr).toBe('');
    expect(rolled.code).toBe(0);
    expect(rolled.stdout).toMatch(
      new RegExp(`^Rolled ${site} back from ${second} to ${first}: \\d+ stable paths switched\\.`),
    );

    const server = await startCli(['serve', site, '--port', '0']);
    children.push(server.child);
    const files = JSON.parse(await readFile(join(site, 'versions', first, 'manifest.json'), 'utf8')).files;
    for (const path of Object.keys(files).filter((p) => p !== 'feed.atom')) {
      const served = Buffer.from(await (await fetch(new URL(path, server.url))).arrayBuffer());
      expect(served.equals(await readFile(join(site, 'versions', first, path))), path).toBe(true);
    }
    expect((await fetch(new URL('reports/dawangzhuang-2023/index.html', server.url))).status).toBe(404);
    expect(await (await fetch(new URL('feed.atom', server.url))).text()).toContain(`Rolled back to ${first}`);

    const pinned = await runCli(['publish', reports, '--out', site]);
    expect(pinned.code).toBe(0);
    expect(pinned.stdout).toMatch(
      new RegExp(`is pinned at version ${first} by a rollback .*: nothing was built\\.`),
    );
    expect(await (await fetch(new URL('data/reports.csv', server.url))).text()).not.toContain('dawangzhuang');
    expect((await runCli(['versions', '--out', site])).stdout).toContain(`Pinned at ${first} by a rollback`);

    const released = await runCli(['rollback', '--release', '--out', site]);
    expect(released.stdout).toBe(`Released the pin on version ${first}: the next run publishes again.\n`);
    const again = await runCli(['publish', reports, '--out', site]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Published 2 reports .*: new version /);
    expect(await (await fetch(new URL('data/reports.csv', server.url))).text()).toContain('dawangzhuang');
  });

  it('refuses a version it does not keep, and a version with --release', async () => {
    const site = await tempDir();
    const none = await runCli(['rollback', '--out', site]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`opendata: nothing has been published to ${site} yet\n`);
    const both = await runCli(['rollback', '20261201T000000Z-000000000000', '--release', '--out', site]);
    expect(both.code).toBe(2);
    expect(both.stderr.split('\n')[0]).toBe(
      'opendata: --release takes no version: it lifts the pin wherever the site is',
    );
  });

  it('lists pruned versions as such and refuses to roll back to one (keepVersions 1)', {
    timeout: SPAWNS,
  }, async () => {
    const reports = await tempDir();
    const site = await tempDir();
    const settings = join(await tempDir(), 'site.json');
    const defaults = JSON.parse(await readFile(new URL('data/site.json', PROJECT_ROOT), 'utf8'));
    await writeFile(settings, JSON.stringify({ ...defaults, keepVersions: 1 }));
    const seed = await readFile(SEED, 'utf8');
    const published: string[] = [];
    for (const figure of ['2361件', '2400件', '2500件']) {
      await writeFile(join(reports, 'xiaowangzhuang-2023.txt'), seed.replace('2361件', figure));
      const run = await runCli(['publish', reports, '--out', site, '--site', settings]);
      expect(run.code, run.stderr).toBe(0);
      published.push(versionOf(run.stdout));
      if (published.length === 3)
        expect(run.stdout.split('\n')[1]).toBe(
          `Pruned 1 version beyond the last 1 (${published[0]}): marked pruned in manifest.json, folders deleted.`,
        );
    }
    const [first, second, third] = published;

    const listed = await runCli(['versions', '--out', site]);
    expect(listed.stdout.split('\n').slice(1, 4)).toEqual([
      expect.stringMatching(new RegExp(`^\\* ${third} .* 1 changed, 1 figure values changed$`)),
      expect.stringMatching(new RegExp(`^  ${second} .* 1 changed, 1 figure values changed$`)),
      expect.stringMatching(
        new RegExp(`^  ${first} .* pruned \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ: cannot be rolled back to$`),
      ),
    ]);
    const asJson = JSON.parse((await runCli(['versions', '--out', site, '--json'])).stdout);
    expect(
      asJson.versions.map((v: { pruned?: string; present: boolean }) => [v.present, typeof v.pruned]),
    ).toEqual([
      [true, 'undefined'],
      [true, 'undefined'],
      [false, 'string'],
    ]);

    const refused = await runCli(['rollback', first as string, '--out', site]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^opendata: version ${first} at ${site} was pruned at \\S+ \\(the site keeps its last "keepVersions" publications\\) and cannot be rolled back to; run \`opendata versions\` to list those kept\n$`,
      ),
    );
    expect((await runCli(['rollback', second as string, '--out', site])).code).toBe(0);
  });
});
