/**
 * The worker pool (#15): what it publishes is byte for byte what one process publishes; a report
 * whose work in a worker passes the time limit (a hang), or whose worker dies under it (a crash),
 * is that report's problem, kept at its last good version, never the run's, and the pool replaces
 * the worker. The pool starts once `poolAfter` reports are made in a run (200 by default; 8 here),
 * so these tests publish 40 generated reports (one of them long), first once for all of them with
 * the pool.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeReportText } from '../../bench/generated-reports.ts';
import { type PublishSummary, publish } from '../../lambda/publish/publish.ts';
import { CONTEXT_FILE_ENV } from '../../lambda/publish/report-worker.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { writeGeneratedReports, writeLongReport } from '../support/cache.ts';
import { day, servedView, settings } from '../support/publication.ts';
import { sharedTempDirs, useTempDirs } from '../support/temp.ts';
import { treeDigest } from '../support/tree.ts';

const tempDir = useTempDirs();
const sharedDir = sharedTempDirs();
/** More reports than are made in this process before the pool starts. */
const REPORTS = 40;
/** Reports made in the publishing process before the pool starts. */
const POOL_AFTER = 8;
/**
 * The long report, whose worker is killed: late enough that the pool has long started (both
 * workers have made reports), with reports after it for the workers that replace them.
 */
const CRASHED = 32;
/** A machine loaded by other tests is slow: these runs make hundreds of reports. */
const SLOW = 180_000;

/** The reports, published once with two workers: the folders each test starts from. */
let first: {
  reports: string;
  site: string;
  cache: string;
  ids: string[];
  long: string;
  summary: PublishSummary;
};

beforeAll(async () => {
  const [reports, site, cache] = [await sharedDir(), await sharedDir(), await sharedDir()];
  const ids = await writeGeneratedReports(reports, 0, REPORTS);
  // Its work takes hundreds of times another's (50 reports' bodies, some 550 kB).
  const long = await writeLongReport(reports, CRASHED, 50);
  const summary = await publish({
    source: new FsStore(reports),
    target: new FsStore(site),
    settings,
    now: day(1),
    workers: 2,
    poolAfter: POOL_AFTER,
    cacheFolder: cache,
  });
  first = { reports, site, cache, ids, long, summary };
}, SLOW);

/** A copy of the first publication's folders, each report changed, for a test to publish again. */
async function changedCopy() {
  const [reports, site, cache] = [await tempDir(), await tempDir(), await tempDir()];
  await Promise.all([
    cp(first.reports, reports, { recursive: true }),
    cp(first.site, site, { recursive: true }),
    cp(first.cache, cache, { recursive: true }),
  ]);
  for (const id of first.ids) {
    const path = join(reports, `${id}.txt`);
    await writeFile(path, changeReportText(await readFile(path, 'utf8')));
  }
  const target = new FsStore(site);
  return {
    reports,
    target,
    options: {
      source: new FsStore(reports),
      target,
      settings,
      workers: 2,
      poolAfter: POOL_AFTER,
      cacheFolder: cache,
    },
  };
}

describe('the worker pool', () => {
  it(
    'publishes the same bytes, and caches the same entries, as one process does',
    async () => {
      const [site, cache] = [await tempDir(), await tempDir()];
      const inline = await publish({
        source: new FsStore(first.reports),
        target: new FsStore(site),
        settings,
        now: day(1),
        workers: 1,
        cacheFolder: cache,
      });
      expect(inline.workers).toEqual({ count: 0, peakRssMB: [] });
      const pooled = first.summary;
      // The pool ran: its workers answered and said what they used.
      expect(pooled.workers?.count).toBe(2);
      expect(pooled.workers?.peakRssMB.length).toBeGreaterThan(0);
      expect(pooled.problems).toEqual([]);
      expect(pooled.cache?.reports).toEqual({ cached: 0, made: REPORTS });
      expect(pooled.version).toBe(inline.version);
      expect(await treeDigest(first.site)).toEqual(await treeDigest(site));
      // The inputs' fingerprints are left out: whether a run records them depends on how long ago
      // the reports were written (input-fingerprints.ts), not on who did the work.
      expect(withoutRecords(await treeDigest(first.cache))).toEqual(withoutRecords(await treeDigest(cache)));
    },
    SLOW,
  );

  it(
    'makes a report whose work passes the time limit its problem, kept at its last good version; a later run publishes it',
    async () => {
      const { reports, target, options } = await changedCopy();
      const { ids } = first;
      const published = await sources(new FsStore(first.site), ids);
      // Two reports are added; in the pool every report's work takes longer than a millisecond.
      const added = await writeGeneratedReports(reports, REPORTS, 2);
      const second = await publish({ ...options, now: day(2), reportTimeLimitMs: 1 });
      expect(second.newVersion).toBe(true);
      expect(second.problems.length).toBeGreaterThan(added.length);
      for (const problem of second.problems)
        expect(problem.problem).toBe('its processing took longer than 0.001 s and was stopped');
      const problemIds = second.problems.map((problem) => problem.id);
      // The added reports were made last, in the pool: they have no last good version, and are left out.
      expect(problemIds).toEqual(expect.arrayContaining(added));
      expect(second.problems.filter((p) => added.includes(p.id as string)).map((p) => p.kept)).toEqual([
        undefined,
        undefined,
      ]);
      const kept = second.problems.filter((problem) => !added.includes(problem.id as string));
      expect(kept.map((problem) => problem.kept)).toEqual(kept.map(() => first.summary.version));
      expect(second.reports).toEqual(ids);
      // A kept report is served as it was last published; the others as they are now.
      const served = await sources(target, ids);
      for (const id of ids)
        if (problemIds.includes(id)) expect(served.get(id)).toBe(published.get(id));
        else expect(served.get(id)).not.toBe(published.get(id));

      // One more report, so that the run builds: with the same inputs the fast path would keep the
      // version the timed-out run made (its inputs hash is theirs), problems and all.
      const late = await writeGeneratedReports(reports, REPORTS + added.length, 1);
      const third = await publish({ ...options, now: day(3) });
      expect(third.problems).toEqual([]);
      expect(third.reports).toEqual([...ids, ...added, ...late]);
      const now = await sources(target, [...ids, ...added]);
      for (const id of ids) expect(now.get(id)).not.toBe(published.get(id));
      for (const id of added) expect(now.get(id)).toBeDefined();
    },
    SLOW,
  );

  it(
    'makes a report whose worker dies under it its problem, kept at its last good version, and replaces the worker',
    async () => {
      const { target, options } = await changedCopy();
      const { ids, long } = first;
      const published = await sources(new FsStore(first.site), ids);
      let killed: number[] = [];
      const second = await publish({
        ...options,
        now: day(2),
        // When the reports before the long one are committed, it is still being made: its worker
        // is killed then, as the kernel's OOM killer would.
        onProgress: (done) => {
          if (done === CRASHED) killed = killWorkers();
        },
      });
      expect(killed.length).toBeGreaterThan(0);
      expect(second.newVersion).toBe(true);
      expect(second.reports).toEqual(ids);
      expect(second.problems.map((problem) => problem.id)).toContain(long);
      // The worker beside it may have been making a report too: that one is kept likewise.
      for (const problem of second.problems)
        expect(problem).toMatchObject({
          problem: 'the worker processing it stopped (Worker exited unexpectedly)',
          kept: first.summary.version,
        });
      expect(second.problems.length).toBeLessThanOrEqual(killed.length);
      // Workers that replaced the killed ones made the reports after it.
      expect(second.workers?.peakRssMB.length).toBeGreaterThan(2);
      const served = await sources(target, ids);
      const problemIds = second.problems.map((problem) => problem.id);
      for (const id of ids)
        if (problemIds.includes(id)) expect(served.get(id)).toBe(published.get(id));
        else expect(served.get(id)).not.toBe(published.get(id));
    },
    SLOW,
  );
});

/**
 * Kills this process's report workers (the children whose environment names the pool's context
 * file), as a crash would end them; gives their pids. Linux: it reads /proc.
 */
function killWorkers(): number[] {
  const killed: number[] = [];
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      if (!readFileSync(`/proc/${name}/environ`, 'utf8').includes(`${CONTEXT_FILE_ENV}=`)) continue;
      process.kill(Number(name), 'SIGKILL');
      killed.push(Number(name));
    } catch {
      // A process that ended while it was looked at.
    }
  }
  return killed;
}

/** Each report's source.txt as readers get it, through the pointer. */
async function sources(target: FsStore, ids: readonly string[]): Promise<Map<string, string | undefined>> {
  const view = await servedView(
    target,
    ids.map((id) => `reports/${id}/source.txt`),
  );
  return new Map(ids.map((id) => [id, view.get(`reports/${id}/source.txt`)]));
}

/** A cache's entries without its inputs' fingerprints record. */
function withoutRecords(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter(([key]) => !key.startsWith('inputs/')));
}
