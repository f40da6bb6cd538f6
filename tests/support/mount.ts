import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real file-system faults need real mounts: tests run as root, and root ignores chmod, so a
 * read-only folder is a read-only mount and a full disk a small tmpfs. Mounting needs root (or
 * CAP_SYS_ADMIN), which this project's machines and CI have; elsewhere the tests that need it skip.
 */
export const CAN_MOUNT: boolean = (() => {
  const probe = mkdtempSync(join(tmpdir(), 'opendata-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

export const MOUNT_SKIP_REASON =
  'skipped: mounting a tmpfs needs root (or CAP_SYS_ADMIN), which this user lacks';

/** A tmpfs of the given size (`64k`, `16m`) on the folder. */
export function mountTmpfs(dir: string, size: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
}

/** Mounts the tmpfs again with other options: `ro`, `rw`, `size=…` (a tmpfs keeps its files). */
export function remount(dir: string, options: string): void {
  execFileSync('mount', ['-o', `remount,${options}`, dir]);
}

export function unmount(dir: string): void {
  execFileSync('umount', [dir]);
}

/** Bytes in use on the file system holding the folder. */
export async function bytesUsed(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return (stats.blocks - stats.bfree) * stats.bsize;
}
