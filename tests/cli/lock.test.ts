import { spawnSync } from 'node:child_process';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockFolder, PublishLockedError } from '../../lambda/publish/lock.ts';
import { runCli } from '../support/cli.ts';
import { SEED, useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const LOCKED =
  /^opendata: another publication \(process \d+ on .+, started .+\) is writing to .+; nothing was changed, run again when it has finished/;

/** The pid of a process that has exited: what the lock of a killed run holds. */
function deadPid(): number {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(gone.stdout);
}

async function reportsFolder(copies: number): Promise<string> {
  const dir = await tempDir();
  for (let i = 0; i < copies; i++) await copyFile(SEED, join(dir, `town${i}-2023.txt`));
  return dir;
}

/** The site is whole: the version current.json names has every file its manifest lists, and no run is half done. */
async function expectWholeSite(out: string): Promise<void> {
  const { version } = JSON.parse(await readFile(join(out, 'current.json'), 'utf8'));
  const manifest = JSON.parse(await readFile(join(out, 'versions', version, 'manifest.json'), 'utf8'));
  for (const path of Object.keys(manifest.files)) await readFile(join(out, 'versions', version, path));
  const top = await readdir(out);
  expect(top).not.toContain('publishing.json');
  expect(top).not.toContain(LOCK_FILE);
}

describe('two local publications into one folder', () => {
  it('started together: they never interleave; a refused run says why and exits 3', async () => {
    const reports = await reportsFolder(8);
    const out = await tempDir();
    const runs = await Promise.all([
      runCli(['publish', reports, '--out', out]),
      runCli(['publish', reports, '--out', out]),
    ]);
    const codes = runs.map((run) => run.code).sort();
    expect([
      [0, 0],
      [0, 3],
    ]).toContainEqual(codes);
    for (const run of runs.filter((r) => r.code === 3)) {
      expect(run.stderr).toMatch(LOCKED);
      expect(run.stdout).toBe('');
    }
    await expectWholeSite(out);
  });

  it('refuses to start while a live process holds the lock, and changes nothing', async () => {
    const out = await tempDir();
    await writeFile(
      join(out, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-11-27T00:00:00.000Z' }),
    );
    const { code, stderr } = await runCli(['publish', await reportsFolder(1), '--out', out]);
    expect(code).toBe(3);
    expect(stderr).toMatch(LOCKED);
    expect(stderr).toContain(`process ${process.pid}`);
    expect(await readdir(out)).toEqual([LOCK_FILE]);
  });

  it('8 runs started together over a stale lock: exactly one publishes, the others are refused', async () => {
    const reports = await reportsFolder(2);
    const out = await tempDir();
    await writeFile(
      join(out, LOCK_FILE),
      JSON.stringify({ pid: deadPid(), host: hostname(), started: '2026-11-27T00:00:00.000Z' }),
    );
    const started = performance.now();
    const runs = await Promise.all(
      Array.from({ length: 8 }, () => runCli(['publish', reports, '--out', out, '--json'])),
    );
    console.log(`8 publications raced in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const run of runs) expect([0, 3], run.stderr).toContain(run.code);
    // Two runs that both took the lock would both have found no site and made a version each; a
    // run that started after the winner had finished (and let go) finds nothing to do.
    const summaries = runs.filter((run) => run.code === 0).map((run) => JSON.parse(run.stdout));
    expect(summaries.filter((summary) => summary.newVersion)).toHaveLength(1);
    for (const run of runs.filter((r) => r.code === 3)) expect(run.stderr).toMatch(LOCKED);
    await expectWholeSite(out);
    expect(await readdir(out)).not.toContainEqual(expect.stringMatching(/^\.publish\.lock/));
  }, 180_000);

  it('takes over the lock of a process that is gone, publishes and lets go', async () => {
    const out = await tempDir();
    await writeFile(
      join(out, LOCK_FILE),
      JSON.stringify({ pid: deadPid(), host: hostname(), started: '2026-11-27T00:00:00.000Z' }),
    );
    const { code } = await runCli(['publish', await reportsFolder(1), '--out', out]);
    expect(code).toBe(0);
    await expectWholeSite(out);
  });
});

describe('lockFolder', () => {
  it('is exclusive, names its holder in the file, and can be taken again once released', async () => {
    const dir = await tempDir();
    const release = await lockFolder(dir, () => new Date('2026-11-27T02:00:00Z'));
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toEqual({
      pid: process.pid,
      host: hostname(),
      started: '2026-11-27T02:00:00.000Z',
      nonce: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    await expect(lockFolder(dir)).rejects.toBeInstanceOf(PublishLockedError);
    await release();
    await (await lockFolder(dir))();
    expect(await readdir(dir)).toEqual([]);
  });
});
