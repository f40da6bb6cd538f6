/**
 * A report's entries in the result cache: `figures` (the report without its text, as extracted),
 * keyed by the report's bytes and sidecar (or the last good report kept in its place) and the code of
 * extraction; and, keyed by that and the code of pages and rows, the settings and the catalog, what
 * was made from it: `unit` (its digest and its own files' names, sizes and sha256, a few kilobytes),
 * `pages` (those files' bytes) and `rows` (its share of every dataset, in every format). So a portal
 * change makes pages and rows again from the cached figures without extracting; and a report that did
 * not change costs one small read here (its files are linked from the last version by their sha256)
 * and one read of its shares in the reduce.
 */
import { sha256Hex } from '../contract/index.ts';
import {
  type DatasetShare,
  type ReportDigest,
  SITE_DATASETS,
  type WholeFile,
} from '../pipeline/build/index.ts';
import { bodyEntry, type FileEntry, SHARE_FORMATS } from '../pipeline/formats/index.ts';
import type { Correction, Report } from '../pipeline/report/index.ts';
import type { CodeHashes } from './code-hashes.ts';
import { shareHash } from './dataset-recipes.ts';
import type { PlannedInput } from './read-reports.ts';
import type { ReportWorkResult } from './report-work.ts';
import { type ResultCache, type Section, stageKey } from './result-cache.ts';

export interface ReportKeys {
  figures: string;
  /** Of the unit, its pages and its shares alike: they are made together. */
  made: string;
}

/** What the keys are made from, beside the report: the plan's. */
interface KeyContext {
  code: CodeHashes;
  /** The sha256 of the settings and catalog. */
  contextHash: string;
  settings: { license: string };
  corrections: ReadonlyMap<string, readonly Correction[]>;
}

export function reportKeys(
  input: PlannedInput,
  plan: KeyContext,
  archivedCopy: string | undefined,
  kept?: Report,
): ReportKeys {
  const base = kept ? sha256Hex(`kept\u0000${JSON.stringify(kept)}`) : inputKey(input, plan.settings.license);
  const figures = stageKey('figures', base, plan.code.figures);
  const made = stageKey(
    'unit',
    figures,
    plan.code.pages,
    plan.code.rows,
    plan.contextHash,
    archivedCopy ?? '',
    // A kept report is its last good publication, corrections and all.
    kept ? '' : correctionsKey(plan.corrections.get(input.id)),
  );
  return { figures, made };
}

/** The report's corrections as its made stages are keyed by: a change of them makes that report again. */
function correctionsKey(corrections: readonly Correction[] | undefined): string {
  return corrections && corrections.length > 0 ? sha256Hex(JSON.stringify(corrections)) : '';
}

/** The report's bytes, its sidecar's bytes (by their hashes) and the licence a sidecar-less report gets. */
function inputKey(input: PlannedInput, defaultLicense: string): string {
  // The file's name, not where the folder is: a moved reports folder or another checkout finds its cache.
  const name = input.file.slice(input.file.lastIndexOf('/') + 1);
  const parts = [input.id, name, input.sha256, input.metaSha256 ?? '', input.problem ?? '', defaultLicense];
  return sha256Hex(parts.join('\u0000'));
}

/** A report's own file as the unit lists it: its bytes are in the `pages` entry. */
export interface UnitFile extends FileEntry {
  path: string;
  contentType: string;
}

/** What the per-report phase needs of a report made before. */
export interface CachedUnit {
  digest: ReportDigest;
  files: UnitFile[];
}

/** What the cache had of a report: its unit, or else the figures to make it from. */
export interface StageEntries {
  unit?: CachedUnit;
  figures?: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The unit; the figures when there is none (what making it starts from). */
export async function readStages(cache: ResultCache, keys: ReportKeys): Promise<StageEntries> {
  const json = (await cache.get('unit', keys.made))?.get('unit');
  if (json) return { unit: JSON.parse(decoder.decode(json)) as CachedUnit };
  const figures = (await cache.get('figures', keys.figures))?.get('report');
  return figures ? { figures } : {};
}

/** A made report's own files, by its unit's list, or undefined when its pages entry is gone or refused. */
export async function readPages(
  cache: ResultCache,
  keys: ReportKeys,
  unit: CachedUnit,
): Promise<WholeFile[] | undefined> {
  const sections = await cache.get('pages', keys.made);
  if (!sections) return undefined;
  const files: WholeFile[] = [];
  for (const { path, contentType } of unit.files) {
    const body = sections.get(path);
    if (!body) return undefined;
    files.push({ path, contentType, body });
  }
  return files;
}

/** Marks a report's entries as this run's, whoever wrote them (collect keeps what a run used). */
export function useStages(cache: ResultCache, keys: ReportKeys): void {
  cache.use('figures', keys.figures);
  for (const stage of ['unit', 'pages', 'rows'] as const) cache.use(stage, keys.made);
}

/** Writes what the work made: its figures when it extracted them, its pages, shares and unit. */
export async function writeStages(
  cache: ResultCache,
  keys: ReportKeys,
  result: ReportWorkResult,
): Promise<CachedUnit> {
  if (result.figures) await cache.put('figures', keys.figures, [{ name: 'report', bytes: result.figures }]);
  const { pages, rows } = result;
  if (!pages || !rows) throw new Error('the work of a report made no pages or rows');
  await cache.put(
    'pages',
    keys.made,
    pages.map((file) => ({ name: file.path, bytes: file.body })),
  );
  await cache.put('rows', keys.made, shareSections(rows.shares));
  const unit: CachedUnit = {
    digest: rows.digest,
    files: pages.map(({ path, contentType, body }) => ({ path, contentType, ...bodyEntry(body) })),
  };
  await cache.put('unit', keys.made, [{ name: 'unit', bytes: encoder.encode(JSON.stringify(unit)) }]);
  return unit;
}

/** The report's shares, in SITE_DATASETS order, or undefined when its entry is gone or refused. */
export async function readShares(cache: ResultCache, key: string): Promise<DatasetShare[] | undefined> {
  return (await readHashedShares(cache, key, false))?.shares;
}

/**
 * The report's shares and the sha256 of each (shareHash: what the dataset files' recipes are made
 * of), as its entry keeps them; hashed here, when `hash` asks for them, if an entry made before it
 * kept them has none. Given `datasets`, only the shares of the first that many datasets (the others'
 * bytes not read).
 */
export async function readHashedShares(
  cache: ResultCache,
  key: string,
  hash = true,
  datasets: number = SITE_DATASETS.length,
): Promise<{ shares: DatasetShare[]; hashes: string[] | undefined } | undefined> {
  const sections =
    datasets < SITE_DATASETS.length
      ? await cache.getUpTo('rows', key, `${SITE_DATASETS[Math.max(0, datasets - 1)]}.xlsx`)
      : await cache.get('rows', key);
  const shares = sections && sharesOf(sections, datasets);
  if (!sections || !shares) return undefined;
  const kept = sections.get('hashes');
  const hashes = kept ? (JSON.parse(decoder.decode(kept)) as string[]) : undefined;
  if (hashes?.length === SITE_DATASETS.length) return { shares, hashes };
  const whole = shares.length === SITE_DATASETS.length;
  return { shares, hashes: hash && whole ? shares.map(shareHash) : undefined };
}

/** The shares of the first `datasets` datasets (all by default), or undefined when one is missing. */
function sharesOf(
  sections: Map<string, Uint8Array>,
  datasets: number = SITE_DATASETS.length,
): DatasetShare[] | undefined {
  const counts = sections.get('rows');
  if (!counts) return undefined;
  const rows = JSON.parse(decoder.decode(counts)) as number[];
  const shares: DatasetShare[] = [];
  for (const [index, name] of SITE_DATASETS.slice(0, Math.max(1, datasets)).entries()) {
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
    { name: 'hashes', bytes: encoder.encode(JSON.stringify(shares.map(shareHash))) },
    ...shares.flatMap((share, index) =>
      SHARE_FORMATS.map((format) => ({ name: `${SITE_DATASETS[index]}.${format}`, bytes: share[format] })),
    ),
  ];
}
