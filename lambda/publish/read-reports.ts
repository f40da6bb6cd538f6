import { createHash } from 'node:crypto';
import { ReportError } from '../pipeline/errors.ts';
import { parseReportMeta } from '../pipeline/meta.ts';
import { buildReport, type Report } from '../pipeline/report.ts';
import type { Store } from '../stores/store.ts';

/** A report that was left out of the publication, and why. */
export interface ReportProblem {
  file: string;
  problem: string;
}

/** The bytes of one report and its optional sidecar, as read from the source store. */
export interface ReportInput {
  id: string;
  /** Where it was read from, for messages. */
  file: string;
  bytes: Uint8Array;
  metaBytes: Uint8Array | undefined;
}

/** Ids become URL path segments and file names: lower-case ASCII words joined by - _ or . */
const REPORT_ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/**
 * Reads every `<id>.txt` at the top of the store, with its optional `<id>.meta.json`, sorted by id.
 * Files that are not reports at all become problems; the texts are parsed later, one at a time.
 */
export async function readReportInputs(
  source: Store,
): Promise<{ inputs: ReportInput[]; problems: ReportProblem[] }> {
  const keys = await source.list('');
  const available = new Set(keys);
  const inputs: ReportInput[] = [];
  const problems: ReportProblem[] = [];
  for (const key of keys.filter((k) => !k.includes('/') && k.endsWith('.txt'))) {
    const file = `${source.location.replace(/\/+$/, '')}/${key}`;
    const id = key.slice(0, -'.txt'.length);
    if (!REPORT_ID.test(id)) {
      problems.push({
        file,
        problem: 'has a name that is not a report id (use lower-case letters, digits and - _ .)',
      });
      continue;
    }
    const bytes = await source.get(key);
    if (!bytes) {
      problems.push({ file, problem: 'disappeared while it was being read' });
      continue;
    }
    const metaKey = `${id}.meta.json`;
    const metaBytes = available.has(metaKey) ? await source.get(metaKey) : undefined;
    inputs.push({ id, file, bytes, metaBytes });
  }
  return { inputs, problems };
}

/** Text → structure → figures for one input. Throws ReportError when it cannot be read. */
export function parseReportInput(input: ReportInput, defaultLicense: string): Report {
  const meta = input.metaBytes
    ? parseReportMeta(input.metaBytes, input.file.replace(/\.txt$/, '.meta.json'))
    : undefined;
  return buildReport({ id: input.id, file: input.file, bytes: input.bytes, meta, defaultLicense });
}

/** One hash of everything a publication is made from: the reports, their sidecars and the settings. */
export function inputsHash(inputs: readonly ReportInput[], settings: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(settings));
  for (const input of inputs) {
    hash.update(`\u0000${input.id}\u0000`).update(input.bytes);
    if (input.metaBytes) hash.update('\u0000meta\u0000').update(input.metaBytes);
  }
  return hash.digest('hex');
}

/** Reads and parses every report; a report that cannot be read becomes a problem and the others are still read. */
export async function readReports(
  source: Store,
  defaultLicense: string,
): Promise<{ reports: Report[]; problems: ReportProblem[] }> {
  const { inputs, problems } = await readReportInputs(source);
  const reports: Report[] = [];
  for (const input of inputs) {
    try {
      reports.push(parseReportInput(input, defaultLicense));
    } catch (error) {
      if (!(error instanceof ReportError)) throw error;
      problems.push({ file: error.file, problem: error.problem });
    }
  }
  return { reports, problems };
}
