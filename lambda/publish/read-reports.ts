import { ReportError } from '../pipeline/errors.ts';
import { parseReportMeta } from '../pipeline/meta.ts';
import { buildReport, type Report } from '../pipeline/report.ts';
import type { Store } from '../stores/store.ts';

/** A report that was left out of the publication, and why. */
export interface ReportProblem {
  file: string;
  problem: string;
}

/** Ids become URL path segments and file names: lower-case ASCII words joined by - _ or . */
const REPORT_ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/**
 * Reads every `<id>.txt` at the top of the store, with its optional `<id>.meta.json`. A report that
 * cannot be read becomes a problem and the others are still read.
 */
export async function readReports(
  source: Store,
  defaultLicense: string,
): Promise<{ reports: Report[]; problems: ReportProblem[] }> {
  const keys = (await source.list('')).filter((key) => !key.includes('/') && key.endsWith('.txt'));
  const reports: Report[] = [];
  const problems: ReportProblem[] = [];
  for (const key of keys) {
    const file = `${source.location.replace(/\/+$/, '')}/${key}`;
    try {
      reports.push(await readReport(source, key, file, defaultLicense));
    } catch (error) {
      if (!(error instanceof ReportError)) throw error;
      problems.push({ file: error.file, problem: error.problem });
    }
  }
  return { reports, problems };
}

async function readReport(source: Store, key: string, file: string, defaultLicense: string): Promise<Report> {
  const id = key.slice(0, -'.txt'.length);
  if (!REPORT_ID.test(id)) {
    throw new ReportError(
      file,
      'has a name that is not a report id (use lower-case letters, digits and - _ .)',
    );
  }
  const bytes = await source.get(key);
  if (!bytes) throw new ReportError(file, 'disappeared while it was being read');
  const metaKey = `${id}.meta.json`;
  const metaBytes = await source.get(metaKey);
  const meta = metaBytes ? parseReportMeta(metaBytes, file.replace(/\.txt$/, '.meta.json')) : undefined;
  return buildReport({ id, file, bytes, meta, defaultLicense });
}
