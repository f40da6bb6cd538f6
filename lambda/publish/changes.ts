import { CORRECTIONS_PATH, reportPath, versionedPath } from '../contract/index.ts';
import { buildReport } from '../pipeline/build/index.ts';
import {
  type FigureChange,
  figureChanges,
  MAX_LISTED_CHANGES,
  type PublicationChanges,
  type VersionManifest,
} from '../pipeline/metadata/index.ts';
import type { Correction, Figure } from '../pipeline/report/index.ts';
import { ReportError } from '../pipeline/report/index.ts';
import type { Store } from '../stores/store.ts';
import { readJson } from './published-state.ts';

/**
 * Collects what a publication changed against the current version. A changed report's old figures
 * are extracted again from the old `source.txt` (the exact text that was processed), so no figure
 * table of the old version has to be read.
 */
export class ChangeLog {
  readonly #added: string[] = [];
  readonly #changed: string[] = [];
  readonly #figures: FigureChange[] = [];
  #count = 0;
  #corrections: readonly Correction[] = [];

  constructor(
    readonly target: Store,
    readonly previous: VersionManifest | undefined,
  ) {}

  /** A report published with this source.txt; its figures are asked for only when its text changed. */
  async addReport(id: string, sourceSha256: string, figures: () => Promise<Figure[]>): Promise<void> {
    const path = sourcePath(id);
    const old = this.previous?.files[path];
    if (!this.previous || !old) {
      if (this.previous) this.#added.push(id);
      return;
    }
    if (old.sha256 === sourceSha256) return;
    this.#changed.push(id);
    this.#record(figureChanges(id, await this.#oldFigures(id), await figures()));
  }

  /** The corrections this publication applies: those the current version did not are its changes. */
  applyCorrections(corrections: readonly Correction[]): void {
    this.#corrections = corrections;
  }

  /** Reports of the current version that are not in this one. */
  async finish(published: ReadonlySet<string>): Promise<PublicationChanges> {
    const removed: string[] = [];
    for (const path of Object.keys(this.previous?.files ?? {})) {
      const id = /^reports\/([^/]+)\/source\.txt$/.exec(path)?.[1];
      if (!id || published.has(id)) continue;
      removed.push(id);
      this.#record(figureChanges(id, await this.#oldFigures(id), []));
    }
    const corrections = await this.#newCorrections();
    return {
      reports: { added: this.#added, removed, changed: this.#changed },
      figures: this.#figures,
      figuresChanged: this.#count,
      ...(corrections.length > 0 ? { corrections } : {}),
    };
  }

  #record(changes: FigureChange[]): void {
    this.#count += changes.length;
    this.#figures.push(...changes.slice(0, MAX_LISTED_CHANGES - this.#figures.length));
  }

  /** The corrections applied now and not by the current version (new, or changed since). */
  async #newCorrections(): Promise<Correction[]> {
    if (this.#corrections.length === 0) return [];
    // A version without the file (or whose file does not read) applied none we can tell: all are new to it.
    const before = this.previous
      ? await readJson<{ corrections?: Correction[] }>(
          this.target,
          versionedPath(this.previous.version, CORRECTIONS_PATH),
        )
      : undefined;
    const old = new Set((before?.corrections ?? []).map((c) => JSON.stringify(c)));
    return this.#corrections.filter((c) => !old.has(JSON.stringify(c)));
  }

  async #oldFigures(id: string) {
    if (!this.previous) return [];
    const bytes = await this.target.get(versionedPath(this.previous.version, sourcePath(id)));
    if (!bytes) return [];
    try {
      return buildReport({ id, file: sourcePath(id), bytes, defaultLicense: '' }).figures;
    } catch (error) {
      if (error instanceof ReportError) return [];
      throw error;
    }
  }
}

function sourcePath(id: string): string {
  return reportPath(id, 'source.txt');
}
