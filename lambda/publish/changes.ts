import { reportPath, versionedPath } from '../contract/index.ts';
import { buildReport } from '../pipeline/build/index.ts';
import {
  type FigureChange,
  figureChanges,
  MAX_LISTED_CHANGES,
  type PublicationChanges,
  type VersionManifest,
} from '../pipeline/metadata/index.ts';
import type { Figure } from '../pipeline/report/index.ts';
import { ReportError } from '../pipeline/report/index.ts';
import type { Store } from '../stores/store.ts';

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

  /** Reports of the current version that are not in this one. */
  async finish(published: ReadonlySet<string>): Promise<PublicationChanges> {
    const removed: string[] = [];
    for (const path of Object.keys(this.previous?.files ?? {})) {
      const id = /^reports\/([^/]+)\/source\.txt$/.exec(path)?.[1];
      if (!id || published.has(id)) continue;
      removed.push(id);
      this.#record(figureChanges(id, await this.#oldFigures(id), []));
    }
    return {
      reports: { added: this.#added, removed, changed: this.#changed },
      figures: this.#figures,
      figuresChanged: this.#count,
    };
  }

  #record(changes: FigureChange[]): void {
    this.#count += changes.length;
    this.#figures.push(...changes.slice(0, MAX_LISTED_CHANGES - this.#figures.length));
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
