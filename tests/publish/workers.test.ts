/**
 * The worker pool (#15): what it publishes is byte for byte what one process publishes, and a report
 * whose work in a worker passes the time limit (a hang, as a crash would be) is that report's
 * problem, kept at its last good version, never the run's. The pool starts only once 200 reports are
 * made in a run, so these tests publish 230 generated reports: about 4 s a run with a cold cache on
 * two cores, some 30 s for the file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeReportText } from '../../bench/generated-reports.ts';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { writeGeneratedReports } from '../support/cache.ts';
import { day, servedView, settings } from '../support/publication.ts';
import { useTempDirs } from '../support/temp.ts';
import { treeDigest } from '../support/tree.ts';

const tempDir = useTempDirs();
/** More reports than are made in this process before the pool starts. */
const POOLED = 230;
/** A machine loaded by other tests is slow: these runs make hundreds of reports. */
const SLOW = 180_000;

describe('the worker pool', () => {
  it(
    'publishes the same bytes, and caches the same entries, as one process does',
    async () => {
      const source = new FsStore(await tempDir());
      await writeGeneratedReports(source.location, 0, POOLED);
      const [one, two, oneCache, twoCache] = await Promise.all([tempDir(), tempDir(), tempDir(), tempDir()]);
      const options = { source, settings, now: day(1) };
      const inline = await publish({
        ...options,
        target: new FsStore(one),
        workers: 1,
        cacheFolder: oneCache,
      });
      const pooled = await publish({
        ...options,
        target: new FsStore(two),
        workers: 2,
        cacheFolder: twoCache,
      });
      expect(inline.workers).toEqual({ count: 0, peakRssMB: [] });
      // The pool ran: its workers answered and said what they used.
      expect(pooled.workers?.count).toBe(2);
      expect(pooled.workers?.peakRssMB.length).toBeGreaterThan(0);
      expect(pooled.problems).toEqual([]);
      expect(pooled.cache?.reports).toEqual({ cached: 0, made: POOLED });
      expect(pooled.version).toBe(inline.version);
      expect(await treeDigest(two)).toEqual(await treeDigest(one));
      expect(await treeDigest(twoCache)).toEqual(await treeDigest(oneCache));
    },
    SLOW,
  );

  it(
    'makes a report whose work passes the time limit its problem, kept at its last good version; a later run publishes it',
    async () => {
      const reports = await tempDir();
      const ids = await writeGeneratedReports(reports, 0, POOLED);
      const source = new FsStore(reports);
      const target = new FsStore(await tempDir());
      const options = { source, target, settings, workers: 2, cacheFolder: await tempDir() };
      const first = await publish({ ...options, now: day(1) });
      expect(first.problems).toEqual([]);
      const published = await sources(target, ids);

      // Every report changes and two are added, so that the pool starts; there every report's work
      // takes longer than a millisecond.
      for (const id of ids) {
        const path = join(reports, `${id}.txt`);
        await writeFile(path, changeReportText(await readFile(path, 'utf8')));
      }
      const added = await writeGeneratedReports(reports, POOLED, 2);
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
      expect(kept.map((problem) => problem.kept)).toEqual(kept.map(() => first.version));
      expect(second.reports).toEqual(ids);
      // A kept report is served as it was last published; the others as they are now.
      const served = await sources(target, ids);
      for (const id of ids)
        if (problemIds.includes(id)) expect(served.get(id)).toBe(published.get(id));
        else expect(served.get(id)).not.toBe(published.get(id));

      // One more report, so that the run builds: with the same inputs the fast path would keep the
      // version the timed-out run made (its inputs hash is theirs), problems and all.
      const late = await writeGeneratedReports(reports, POOLED + added.length, 1);
      const third = await publish({ ...options, now: day(3) });
      expect(third.problems).toEqual([]);
      expect(third.reports).toEqual([...ids, ...added, ...late]);
      const now = await sources(target, [...ids, ...added]);
      for (const id of ids) expect(now.get(id)).not.toBe(published.get(id));
      for (const id of added) expect(now.get(id)).toBeDefined();
    },
    SLOW,
  );
});

/** Each report's source.txt as readers get it, through the pointer. */
async function sources(target: FsStore, ids: readonly string[]): Promise<Map<string, string | undefined>> {
  const view = await servedView(
    target,
    ids.map((id) => `reports/${id}/source.txt`),
  );
  return new Map(ids.map((id) => [id, view.get(`reports/${id}/source.txt`)]));
}
