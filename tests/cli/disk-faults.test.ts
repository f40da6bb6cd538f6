/**
 * `opendata publish --out` into a folder that cannot take the publication: a read-only mount, a
 * full disk, a folder this user may not write. One line naming what failed, where and why; no
 * stack trace; the site as it was; and once the fault is gone, the next run completes the job.
 */
import { chmod, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { bytesUsed, CAN_MOUNT, MOUNT_SKIP_REASON, mountTmpfs, remount, unmount } from '../support/mount.ts';
import { changeOneReport, writeReports } from '../support/publication.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const mounted: string[] = [];
let base: string;

if (!CAN_MOUNT) console.warn(`tests/cli/disk-faults.test.ts: ${MOUNT_SKIP_REASON}`);

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'opendata-disk-'));
});
afterAll(async () => {
  for (const dir of mounted.splice(0)) unmount(dir);
  await rm(base, { recursive: true, force: true });
});

/** A tmpfs of its own, unmounted after the file. */
async function tmpfs(name: string, size: string): Promise<string> {
  const dir = join(base, name);
  await mkdir(dir);
  mountTmpfs(dir, size);
  mounted.push(dir);
  return dir;
}

const publishInto = (reports: string, out: string) => runCli(['publish', reports, '--out', out]);

/** The version current.json names, and that all its files are there as its manifest lists them. */
async function servedVersion(out: string): Promise<string> {
  const { version } = JSON.parse(await readFile(join(out, 'current.json'), 'utf8'));
  const manifest = JSON.parse(await readFile(join(out, 'versions', version, 'manifest.json'), 'utf8'));
  for (const path of Object.keys(manifest.files)) await readFile(join(out, 'versions', version, path));
  return version;
}

async function temporaryFiles(out: string): Promise<string[]> {
  return (await readdir(out, { recursive: true })).filter((name) => /\.tmp-\d+-\d+$/.test(name));
}

const READ_ONLY = (path: string) =>
  `opendata: cannot take the publication lock in ${path}: the file system is read-only (EROFS); ` +
  'publish into a folder this user may write (--out), or make this one writable\n';

describe.runIf(CAN_MOUNT)('a folder on a read-only mount: exit 4 (the setup), one line', () => {
  it('leaves the published site as it was, and publishes once the mount is writable again', async () => {
    const reports = await tempDir();
    await writeReports(reports);
    const out = await tmpfs('read-only', '16m');
    expect((await publishInto(reports, out)).code).toBe(0);
    const before = await servedVersion(out);
    await changeOneReport(reports);
    remount(out, 'ro');
    const failed = await publishInto(reports, out);
    expect(failed.stderr).toBe(READ_ONLY(out));
    expect(failed.stdout).toBe('');
    expect(failed.code).toBe(4);
    // A folder to be made on the mount fails the same way, naming that folder.
    const inside = join(out, 'new-site');
    const made = await publishInto(reports, inside);
    expect(made.stderr).toBe(READ_ONLY(inside));
    expect(made.code).toBe(4);
    remount(out, 'rw');
    expect(await servedVersion(out)).toBe(before);
    expect((await publishInto(reports, out)).code).toBe(0);
    expect(await servedVersion(out)).not.toBe(before);
  }, 120_000);
});

describe.runIf(CAN_MOUNT)('a disk that fills up during the publication: exit 3 (run again), one line', () => {
  it('the site stays as it was; with space again the next run completes the publication', async () => {
    const reports = await tempDir();
    await writeReports(reports);
    const out = await tmpfs('full', '16m');
    expect((await publishInto(reports, out)).code).toBe(0);
    const before = await servedVersion(out);
    // Room for a few of the new version's files, not for all of them.
    remount(out, `size=${Math.ceil((await bytesUsed(out)) / 1024) + 64}k`);
    await changeOneReport(reports);
    const failed = await publishInto(reports, out);
    expect(failed.stderr).toMatch(
      /^opendata: cannot (write|link) \S+: no space left on the device \(ENOSPC\); free some space and run again\n$/,
    );
    expect(failed.stderr).toContain(`${out}/`);
    expect(failed.stdout).toBe('');
    expect(failed.code).toBe(3);
    expect(await servedVersion(out)).toBe(before);
    expect(await temporaryFiles(out)).toEqual([]);
    remount(out, 'size=16m');
    const again = await publishInto(reports, out);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(await servedVersion(out)).not.toBe(before);
    expect(await readdir(out)).not.toContain('publishing.json');
  }, 120_000);

  it('a tmpfs of 64 KiB: the first publication does not fit; nothing is served, exit 3', async () => {
    const reports = await tempDir();
    await writeReports(reports);
    const out = await tmpfs('tiny', '64k');
    const failed = await publishInto(reports, out);
    expect(failed.stderr).toMatch(
      /^opendata: cannot \w+ \S+: no space left on the device \(ENOSPC\); free some space and run again\n$/,
    );
    expect(failed.code).toBe(3);
    expect(await readdir(out)).not.toContain('current.json');
  }, 60_000);
});

const NOBODY = 65534;
const IS_ROOT = process.getuid?.() === 0;

describe.runIf(IS_ROOT)('a folder this user may not write (run as nobody): exit 4, one line', () => {
  it('names the folder and says what to do', async () => {
    const owned = await tempDir();
    // Root's, readable by all, writable by root alone.
    await chmod(owned, 0o755);
    const out = join(owned, 'site');
    const { code, stdout, stderr } = await runCli(['publish', 'data/reports', '--out', out], { uid: NOBODY });
    expect(stderr).toBe(
      `opendata: cannot take the publication lock in ${out}: permission denied (EACCES); ` +
        'publish into a folder this user may write (--out), or make this one writable\n',
    );
    expect(stdout).toBe('');
    expect(code).toBe(4);
  }, 60_000);
});
