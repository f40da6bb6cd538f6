/**
 * `opendata publish --out` killed with SIGKILL while it writes a file: it leaves that file's
 * `*.tmp-<pid>-<n>`, its lock and its half-written version. The next run, once the inputs have
 * changed, removes the temporary files of dead processes (and only those) and that version.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../lambda/publish/lock.ts';
import { CLI, runCli } from '../support/cli.ts';
import { PROJECT_ROOT, useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();

/** Starts a publication and kills it the moment one of its temporary files is seen; its pid and those files. */
async function publishKilledMidWrite(reports: string, out: string): Promise<{ pid: number; left: string[] }> {
  const child = spawn(process.execPath, [CLI, 'publish', reports, '--out', out], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const mine = new RegExp(`\\.tmp-${child.pid}-\\d+$`);
  const deadline = Date.now() + 60_000;
  let running = true;
  exited.then(() => {
    running = false;
  });
  while (running && Date.now() < deadline) {
    const entries = await readdir(out, { recursive: true }).catch(() => [] as string[]);
    // A file of the new version: by then the run has written its marker.
    if (entries.some((entry) => mine.test(entry) && entry.startsWith('versions/'))) {
      child.kill('SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await exited;
  const left = (await readdir(out, { recursive: true })).filter((entry) => mine.test(entry));
  return { pid: child.pid as number, left };
}

describe('after a publication killed with SIGKILL mid-write', () => {
  it('the next run (with changed inputs) removes its temporary files, only those, and its half-written version', async () => {
    const reports = await tempDir();
    await cp(fileURLToPath(new URL('data/reports/', PROJECT_ROOT)), reports, { recursive: true });
    let out = '';
    let killed = { pid: 0, left: [] as string[] };
    // The kill may land just after a file was renamed into place: then try again in a new folder.
    for (let attempt = 0; attempt < 5 && killed.left.length === 0; attempt++) {
      out = await tempDir();
      killed = await publishKilledMidWrite(reports, out);
    }
    expect(killed.left.length, 'a temporary file left by the killed run').toBeGreaterThan(0);
    const marker = JSON.parse(await readFile(join(out, 'publishing.json'), 'utf8'));
    const version = join(out, 'versions', marker.version);
    expect(await readdir(version)).not.toContain('manifest.json');
    // Not the killed run's: one of a live process (this one), and a name that only looks like one.
    await mkdir(join(out, 'data'), { recursive: true });
    const live = `data/figures.csv.tmp-${process.pid}-1`;
    await writeFile(join(out, live), 'being written');
    await writeFile(join(out, 'notes.tmp-1'), 'not a temporary file');
    const seed = join(reports, 'xiaowangzhuang-2023.txt');
    await writeFile(seed, (await readFile(seed, 'utf8')).replace('2361件', '2400件'));
    const next = await runCli(['publish', reports, '--out', out, '--json']);
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    const summary = JSON.parse(next.stdout);
    const entries = await readdir(out, { recursive: true });
    expect(entries.filter((entry) => /\.tmp-\d+-\d+$/.test(entry))).toEqual([live]);
    expect(entries).toContain('notes.tmp-1');
    expect(await readdir(join(out, 'versions'))).toEqual([summary.version]);
    expect(await readdir(out)).not.toContain('publishing.json');
    expect(await readdir(out)).not.toContain(LOCK_FILE);
  }, 180_000);
});
