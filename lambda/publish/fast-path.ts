/**
 * The fast path of a publication: when the inputs hash (every report and sidecar, the settings, the
 * catalog, the code and the portal's assets) is the one the current version was made from, that
 * version is what this run would make, so nothing is built and nothing written: the run stops after
 * reading and hashing, having only checked that the pointers name the current version.
 */
import { PROBLEMS_PATH, reportPath, versionedPath } from '../contract/index.ts';
import type { Store } from '../stores/store.ts';
import type { Plan } from './plan.ts';
import type { VersionPointer } from './pointer.ts';
import type { PublishSummary } from './publish.ts';
import { readJson } from './published-state.ts';
import type { ReportProblem } from './read-reports.ts';
import { NO_CHANGES } from './reduce.ts';
import { syncPointers } from './switch.ts';

const SOURCE = /^reports\/([^/]+)\/source\.txt$/;

/** The summary of a run that found the current version made of its inputs, or undefined when it must build. */
export async function fastPath(
  plan: Plan,
  target: Store,
  pointers: readonly VersionPointer[],
): Promise<PublishSummary | undefined> {
  const { previous, manifest, marker } = plan.state;
  // An interrupted run (marker) may have left the stable side half switched: the full run repairs it.
  if (!previous || !manifest || marker || plan.released || !madeOf(plan, previous.contentHash))
    return undefined;
  const kept = await keptProblems(target, previous.version, plan);
  // A report kept at its last good version may be one whose work timed out or whose worker died:
  // its inputs are the same, but a run may publish it now. Such a site takes the cached run.
  if (kept.length > 0) return undefined;
  const written = [...plan.written, ...(await syncPointers(target, previous.version, pointers))];
  const record = manifest.versions.find((version) => version.version === previous.version);
  const reports = Object.keys(previous.files)
    .map((path) => SOURCE.exec(path)?.[1])
    .filter(
      (id): id is string => id !== undefined && previous.files[reportPath(id, 'source.txt')] !== undefined,
    );
  return {
    version: previous.version,
    newVersion: false,
    reports,
    figures: record?.figures ?? 0,
    written,
    copied: 0,
    unchanged: Object.keys(previous.files).length,
    changed: [],
    problems: plan.problems,
    changes: NO_CHANGES,
    retention: { keep: plan.settings.keepVersions, pruned: [], finished: [] },
    fastPath: true,
  };
}

/** Whether the current version is known to be made of these inputs: it was, or a later run found so. */
function madeOf(plan: Plan, contentHash: string): boolean {
  const found = plan.state.manifest?.inputs;
  const verified = found?.version === plan.state.previous?.version ? found?.hash : undefined;
  return plan.inputHash === contentHash || plan.inputHash === verified;
}

/** The problems of reports the current version lists (a report kept at its last good version). */
async function keptProblems(target: Store, version: string, plan: Plan): Promise<ReportProblem[]> {
  const listed = await readJson<{ problems?: ReportProblem[] }>(
    target,
    versionedPath(version, PROBLEMS_PATH),
  );
  const files = new Map<string, string>();
  for (const { file } of plan.inputs) {
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    const name = file.slice(folder.length);
    files.set(name, file);
    files.set(name.replace(/\.txt$/, '.meta.json'), `${folder}${name.replace(/\.txt$/, '.meta.json')}`);
  }
  return (listed?.problems ?? [])
    .filter((problem) => problem.id !== undefined)
    .map((problem) => ({ ...problem, file: files.get(problem.file) ?? problem.file }));
}
