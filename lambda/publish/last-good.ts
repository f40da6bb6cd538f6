import {
  CONTENT_TYPES,
  CORRECTIONS_PATH,
  PROBLEMS_PATH,
  reportPath,
  versionedPath,
} from '../contract/index.ts';
import { buildReport } from '../pipeline/build/index.ts';
import type { ReportRow } from '../pipeline/datasets/index.ts';
import type { VersionManifest } from '../pipeline/metadata/index.ts';
import type { Correction, Report } from '../pipeline/report/index.ts';
import { internalError, ReportError } from '../pipeline/report/index.ts';
import type { Store } from '../stores/store.ts';
import { jsonBytes, readJson } from './published-state.ts';
import type { ReportProblem } from './read-reports.ts';
import type { OfferedFile } from './version-writer.ts';

/** Where each publication lists the reports it could not publish as they are now. */

/**
 * What the `reports` dataset of a version says of a report: the metadata it was published with
 * (`retrieved_from` is absent in versions published before the column existed).
 */
type PublishedReport = Omit<ReportRow, 'figures' | 'url' | 'retrieved_from'> &
  Partial<Pick<ReportRow, 'retrieved_from'>>;

/**
 * The last good publication of reports that turned bad: a report that cannot be read now is
 * published again exactly as the current version has it, from that version's `source.txt` (the text
 * that was processed) and its row of `data/reports.json` (the metadata its sidecar gave), so that
 * one bad upload never takes a published figure offline.
 */
export class LastGoodReports {
  #published: Promise<Map<string, PublishedReport>> | undefined;
  #since: Promise<Map<string, string>> | undefined;

  constructor(
    readonly target: Store,
    readonly previous: VersionManifest | undefined,
  ) {}

  /** The problem as published (with the version kept) and the report to publish in its place, if any. */
  async keep(id: string, problem: ReportProblem): Promise<{ problem: ReportProblem; report?: Report }> {
    const report = await this.#report(id, problem.file);
    if (typeof report === 'string')
      return { problem: { ...problem, problem: `${problem.problem}; its last good version ${report}` } };
    if (!report || !this.previous) return { problem };
    const kept = (await this.#keptSince()).get(id) ?? this.previous.version;
    return { problem: { ...problem, kept }, report };
  }

  /** The report as last published, undefined when there is none, or why it no longer builds. */
  async #report(id: string, file: string): Promise<Report | string | undefined> {
    const path = reportPath(id, 'source.txt');
    if (!this.previous?.files[path]) return undefined;
    const row = (await this.#rows()).get(id);
    const bytes = await this.target.get(versionedPath(this.previous.version, path));
    if (!row || !bytes) return undefined;
    try {
      const report = buildReport({ id, file, bytes, defaultLicense: row.license });
      const { title, entity, parent, year, kind, publisher, license } = row;
      const source = {
        file,
        url: row.source_url,
        sha256: row.sha256,
        ...(row.retrieved_from ? { retrievedFrom: row.retrieved_from } : {}),
      };
      return { ...report, title, entity, parent, year, kind, publisher, license, source };
    } catch (error) {
      if (error instanceof ReportError) return undefined;
      // Text that was published once and no longer builds (a bug met since): nothing to keep, and
      // the report's problem, never the run's.
      return internalError(error);
    }
  }

  #rows(): Promise<Map<string, PublishedReport>> {
    this.#published ??= this.#readJson<PublishedReport[]>('data/reports.json').then(
      (rows) => new Map((Array.isArray(rows) ? rows : []).map((row) => [row.id, row])),
    );
    return this.#published;
  }

  /** A report kept before keeps the version it was last good in, so that unchanged runs write nothing. */
  #keptSince(): Promise<Map<string, string>> {
    this.#since ??= this.#readJson<{ problems?: ReportProblem[] }>(PROBLEMS_PATH).then(
      (file) =>
        new Map((file?.problems ?? []).flatMap((p) => (p.id && p.kept ? [[p.id, p.kept] as const] : []))),
    );
    return this.#since;
  }

  async #readJson<T>(path: string): Promise<T | undefined> {
    if (!this.previous?.files[path]) return undefined;
    return readJson<T>(this.target, versionedPath(this.previous.version, path));
  }
}

/**
 * `problems.json`: the reports this publication could not publish as they are now, each with the
 * file's name (never the publisher's local path), the reason and the version kept in its place.
 */
export function problemsFile(problems: readonly ReportProblem[]): OfferedFile {
  const listed = problems.map(({ id, file, problem, kept }) => ({
    ...(id ? { id } : {}),
    file: file.slice(file.lastIndexOf('/') + 1),
    problem,
    ...(kept ? { kept } : {}),
  }));
  return { path: PROBLEMS_PATH, body: jsonBytes({ problems: listed }), contentType: CONTENT_TYPES.json };
}

/**
 * `corrections.json`: the publisher's corrections this publication applied, as data/corrections.json
 * writes them, so that a reader sees every figure the publisher changed and why.
 */
export function correctionsFile(corrections: readonly Correction[]): OfferedFile {
  return { path: CORRECTIONS_PATH, body: jsonBytes({ corrections }), contentType: CONTENT_TYPES.json };
}
