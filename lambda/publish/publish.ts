import type { SiteSettings } from '../pipeline/settings.ts';
import { buildSite, type SiteFile } from '../pipeline/site.ts';
import type { Store } from '../stores/store.ts';
import { type ReportProblem, readReports } from './read-reports.ts';

export interface PublishOptions {
  /** Where the reports are: `<id>.txt` and optional `<id>.meta.json` at its top. */
  source: Store;
  /** Where the site goes. */
  target: Store;
  settings: SiteSettings;
}

export interface PublishSummary {
  reports: string[];
  figures: number;
  /** Keys written because their bytes changed. */
  written: string[];
  /** Keys whose bytes were already as published. */
  unchanged: string[];
  /** Reports left out; the run still publishes the others. */
  problems: ReportProblem[];
}

/**
 * Entry points that link to everything else are written last, so a reader who follows them during a
 * run finds the files they name already in place.
 */
const WRITTEN_LAST = ['datapackage.json', 'index.html'];

/**
 * Stable URLs change when the data does, so caches keep them briefly; CloudFront invalidates the
 * changed ones at once.
 */
export const STABLE_CACHE_CONTROL = 'public, max-age=300';

/** Reads the reports, builds the site and writes only the files whose bytes changed. */
export async function publish({ source, target, settings }: PublishOptions): Promise<PublishSummary> {
  const { reports, problems } = await readReports(source, settings.license);
  const files = buildSite(settings, reports).sort((a, b) => writeRank(a) - writeRank(b));
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    if (await isUnchanged(target, file)) {
      unchanged.push(file.path);
      continue;
    }
    await target.put(file.path, file.body, {
      contentType: file.contentType,
      cacheControl: STABLE_CACHE_CONTROL,
    });
    written.push(file.path);
  }
  return {
    reports: reports.map((report) => report.id),
    figures: reports.reduce((sum, report) => sum + report.figures.length, 0),
    written,
    unchanged,
    problems,
  };
}

function writeRank(file: SiteFile): number {
  return WRITTEN_LAST.indexOf(file.path);
}

async function isUnchanged(target: Store, file: SiteFile): Promise<boolean> {
  const current = await target.get(file.path);
  return current !== undefined && Buffer.compare(current, file.body) === 0;
}
