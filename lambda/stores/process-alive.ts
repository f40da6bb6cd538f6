/**
 * Whether a process of this machine is still running: signal 0 is delivered to nobody, it only
 * checks. EPERM means it runs under another user, so it is alive too.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
