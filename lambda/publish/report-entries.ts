/**
 * A report's entries in the result cache, one a stage: `figures` (the report without its text, as
 * extracted), `pages` (its own files), `digest` (what the reduce keeps of it) and `rows` (its share
 * of every dataset, in every format). Each key is the sha256 of what shapes that stage: the report's
 * bytes and sidecar (or the last good report kept in its place), the code of the stage (code-hashes.ts)
 * and, past extraction, the settings and the catalog. So a portal change makes pages again from the
 * cached figures without extracting, and a catalog change leaves the extraction alone too.
 */
import { sha256Hex } from '../contract/index.ts';
import {
  type DatasetShare,
  type ReportDigest,
  SITE_DATASETS,
  type WholeFile,
} from '../pipeline/build/index.ts';
import { SHARE_FORMATS } from '../pipeline/formats/index.ts';
import type { Report } from '../pipeline/report/index.ts';
import type { CodeHashes } from './code-hashes.ts';
import type { PlannedInput } from './read-reports.ts';
import type { ReportWorkResult } from './report-work.ts';
import { type ResultCache, type Section, stageKey } from './result-cache.ts';

export interface ReportKeys {
  figures: string;
  pages: string;
  /** Of the digest and of the shares alike: they are made together. */
  rows: string;
}

/** What the keys are made from, beside the report: the plan's. */
interface KeyContext {
  code: CodeHashes;
  /** The sha256 of the settings and catalog. */
  contextHash: string;
  settings: { license: string };
}

export function reportKeys(
  input: PlannedInput,
  plan: KeyContext,
  archivedCopy: string | undefined,
  kept?: Report,
): ReportKeys {
  const base = kept ? sha256Hex(`kept\u0000${JSON.stringify(kept)}`) : inputKey(input, plan.settings.license);
  const figures = stageKey('figures', base, plan.code.figures);
  const shaping = [figures, plan.contextHash, archivedCopy ?? ''];
  return {
    figures,
    pages: stageKey('pages', plan.code.pages, ...shaping),
    rows: stageKey('rows', plan.code.rows, ...shaping),
  };
}

/** The report's bytes, its sidecar's bytes (by their hashes) and the licence a sidecar-less report gets. */
function inputKey(input: PlannedInput, defaultLicense: string): string {
  const parts = [
    input.id,
    input.file,
    input.sha256,
    input.metaSha256 ?? '',
    input.problem ?? '',
    defaultLicense,
  ];
  return sha256Hex(parts.join('\u0000'));
}

/** What the cache had of a report. */
export interface StageEntries {
  figures?: Uint8Array;
  pages?: WholeFile[];
  digest?: ReportDigest;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The pages and the digest; the figures too when either is missing (what making them starts from). */
export async function readStages(cache: ResultCache, keys: ReportKeys): Promise<StageEntries> {
  const [pages, digest] = await Promise.all([cache.get('pages', keys.pages), cache.get('digest', keys.rows)]);
  const found: StageEntries = {};
  const files = pages && pageFiles(pages);
  if (files) found.pages = files;
  const json = digest?.get('digest');
  if (json) found.digest = JSON.parse(decoder.decode(json)) as ReportDigest;
  if (!found.pages || !found.digest) {
    const figures = (await cache.get('figures', keys.figures))?.get('report');
    if (figures) found.figures = figures;
  }
  return found;
}

/** Writes the stages the work made. */
export async function writeStages(
  cache: ResultCache,
  keys: ReportKeys,
  result: ReportWorkResult,
): Promise<void> {
  if (result.figures) await cache.put('figures', keys.figures, [{ name: 'report', bytes: result.figures }]);
  if (result.pages) await cache.put('pages', keys.pages, pageSections(result.pages));
  if (!result.rows) return;
  await cache.put('rows', keys.rows, shareSections(result.rows.shares));
  await cache.put('digest', keys.rows, [
    { name: 'digest', bytes: encoder.encode(JSON.stringify(result.rows.digest)) },
  ]);
}

/** The report's shares, in SITE_DATASETS order, or undefined when its entry is gone or refused. */
export async function readShares(cache: ResultCache, key: string): Promise<DatasetShare[] | undefined> {
  const sections = await cache.get('rows', key);
  const counts = sections?.get('rows');
  if (!sections || !counts) return undefined;
  const rows = JSON.parse(decoder.decode(counts)) as number[];
  const shares: DatasetShare[] = [];
  for (const [index, name] of SITE_DATASETS.entries()) {
    const [csv, json, xlsx] = SHARE_FORMATS.map((format) => sections.get(`${name}.${format}`));
    if (!csv || !json || !xlsx || rows[index] === undefined) return undefined;
    shares.push({ rows: rows[index], csv, json, xlsx });
  }
  return shares;
}

function shareSections(shares: readonly DatasetShare[]): Section[] {
  const counts = encoder.encode(JSON.stringify(shares.map((share) => share.rows)));
  return [
    { name: 'rows', bytes: counts },
    ...shares.flatMap((share, index) =>
      SHARE_FORMATS.map((format) => ({ name: `${SITE_DATASETS[index]}.${format}`, bytes: share[format] })),
    ),
  ];
}

function pageSections(files: readonly WholeFile[]): Section[] {
  const list = files.map(({ path, contentType }) => ({ path, contentType }));
  return [
    { name: 'files', bytes: encoder.encode(JSON.stringify(list)) },
    ...files.map((file) => ({ name: file.path, bytes: file.body })),
  ];
}

function pageFiles(sections: ReadonlyMap<string, Uint8Array>): WholeFile[] | undefined {
  const list = sections.get('files');
  if (!list) return undefined;
  const files: WholeFile[] = [];
  for (const { path, contentType } of JSON.parse(decoder.decode(list)) as {
    path: string;
    contentType: string;
  }[]) {
    const body = sections.get(path);
    if (!body) return undefined;
    files.push({ path, contentType, body });
  }
  return files;
}
