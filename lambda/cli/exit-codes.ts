/**
 * What the exit status of `opendata` means: schedulers and scripts branch on it. Which error gets
 * which code is report-error.ts, apart, so `--help` and usage errors load none of the errors' modules.
 */
export const EXIT = {
  ok: 0,
  /** A report or source could not be read; the others were published. */
  badInput: 1,
  /** The command was called wrongly: fix the command line. */
  usage: 2,
  /** Nothing changed: the store failed after its retries, the disk is full, or another run holds the lock. Run again. */
  runAgain: 3,
  /** The setup is wrong (credentials, endpoint, bucket, a read-only folder, port): running again will not help. */
  configuration: 4,
  /** Refused to protect the live site (it would lose most of its reports): nothing was written. */
  refused: 5,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0  success (also: the site is pinned by a rollback and nothing was built)
  1  bad input: a report or source could not be read; the others were published
  2  usage error: a mistyped command, option or value, or a reports folder that does not exist
  3  nothing changed: the store failed after retries, the disk is full, or another publication holds the lock; run again
  4  configuration: no or wrong S3 credentials, an unreachable endpoint, a missing bucket, a read-only
     or unwritable folder, a port in use
  5  refused: the publication would drop more than half of the live site's reports (see --allow-shrink)
`;
