import pLimit from 'p-limit';
import { isReportId, REPORT_ID_RULE, sha256Hex, sha256Stream } from '../contract/index.ts';
import { buildReport } from '../pipeline/build/index.ts';
import type { Report } from '../pipeline/report/index.ts';
import { parseReportMeta, ReportError } from '../pipeline/report/index.ts';
import { ObjectTooLargeError, type Store, type UnfollowedEntry } from '../stores/store.ts';
import { inputFingerprint, type KnownInputs } from './input-fingerprints.ts';

/** A report that could not be published as it is now, and why. */
export interface ReportProblem {
  /** The report's id, when the file is named like a report. */
  id?: string;
  file: string;
  problem: string;
  /**
   * The version whose copy of the report stays published instead: its last good publication is
   * carried forward unchanged. Absent when there is none (a new report, or a file that is no report).
   */
  kept?: string;
}

/** The bytes of one report and its optional sidecar, as read from the source store. */
export interface ReportInput {
  id: string;
  /** Where it was read from, for messages. */
  file: string;
  bytes: Uint8Array;
  metaBytes: Uint8Array | undefined;
  /** Why the report cannot be read at all (too big, a link, gone): its last good version is kept. */
  problem?: string;
  /** Its text's and sidecar's fingerprint in the listing, when the store gave them (input-fingerprints.ts). */
  fingerprint?: string;
  /** The hashes of a report known by its fingerprint: its bytes were not read (they are empty here). */
  known?: { sha256: string; metaSha256?: string };
}

/**
 * A report as the plan keeps it once it is hashed: its bytes let go (50,000 reports of text would not
 * fit beside everything else) and read again when its unit runs, checked against these hashes.
 */
export interface PlannedInput extends ReportInput {
  sha256: string;
  metaSha256: string | undefined;
  /** Whether its bytes are still held (else its unit reads them again). */
  loaded: boolean;
}

/**
 * Bytes of reports the plan keeps for their units rather than reading them again: every report of
 * a site of a couple of thousand; past this, the rest are read again (one more read or GET each of a
 * report the cache does not have, or whose sidecar may name an archived original; other cached
 * reports need none). Kept small because what a process once held this way it keeps: each report's
 * bytes are a buffer of its own, freed by the time the reports are made but left in the allocator's
 * heap, so the resident memory stays at the mark. At 256 MB, 20,000 generated reports ended the
 * per-report phase at 619 MB RSS with 231 MB of JavaScript heap and 21 MB of buffers; at 16 MB,
 * 377 MB with about the same heap, and no slower. At 32 MB, the first publication of 10,000
 * (bench/publish.ts, before and after on the same machine) peaked at 415 MB instead of 501 MB, and
 * of 50,000 at 1,092–1,103 MB, against 1,287 MB in the last bench before.
 */
const KEPT_INPUT_BYTES = 32 * 1024 * 1024;

/**
 * Plans each input as it is read: its hashes (a known report's from the record, the others' from
 * their bytes), its bytes let go at once when those kept pass KEPT_INPUT_BYTES, so that the reads
 * of 50,000 reports never hold all their bytes together (720 MB) even for a moment.
 */
export function inputPlanner(): (input: ReportInput) => PlannedInput {
  let kept = 0;
  return (input) => {
    if (input.known) {
      const { known, ...rest } = input;
      return { ...rest, sha256: known.sha256, metaSha256: known.metaSha256, loaded: false };
    }
    const planned: PlannedInput = {
      ...input,
      sha256: sha256Hex(input.bytes),
      metaSha256: input.metaBytes ? sha256Hex(input.metaBytes) : undefined,
      loaded: true,
    };
    kept += input.bytes.byteLength + (input.metaBytes?.byteLength ?? 0);
    if (kept > KEPT_INPUT_BYTES) {
      planned.bytes = NO_BYTES;
      planned.metaBytes = undefined;
      planned.loaded = false;
    }
    return planned;
  };
}

/**
 * The report's bytes and sidecar read again for its unit, as the plan hashed them; a report that
 * changed or went since is a problem of this run (its last good version is kept), never a mix.
 */
export async function reloadInput(
  source: Store,
  planned: PlannedInput,
  onChanged?: () => Promise<void>,
): Promise<ReportInput> {
  if (planned.problem !== undefined || planned.loaded) return planned;
  const { id, file } = planned;
  const bytes = await source.get(`${id}.txt`, { maxBytes: MAX_REPORT_BYTES });
  const metaBytes = planned.metaSha256
    ? await source.get(`${id}.meta.json`, { maxBytes: MAX_SIDECAR_BYTES })
    : undefined;
  const same =
    bytes !== undefined &&
    sha256Hex(bytes) === planned.sha256 &&
    (metaBytes ? sha256Hex(metaBytes) : undefined) === planned.metaSha256;
  if (!same) {
    await onChanged?.();
    return {
      id,
      file,
      bytes: NO_BYTES,
      metaBytes: undefined,
      problem: CHANGED_WHILE_PUBLISHED,
    };
  }
  return { id, file, bytes, metaBytes };
}

const CHANGED_WHILE_PUBLISHED = 'changed while it was being published: the next run publishes it';

/**
 * Reports bigger than this are refused unread. Real reports are 15–300 KB; a report's cost is linear
 * in its figures (pages, checks and rows), and 1 MiB dense with figures (a 920 KB table of 34,500)
 * already takes ~12 s and ~620 MB, so a 50 MB upload (a data dump, a mistake) must not take the run down.
 */
const MAX_REPORT_BYTES = 1024 * 1024;

/** A sidecar holds a dozen short fields (each limited, see SIDECAR_LIMITS): real ones are under 2 KB. */
const MAX_SIDECAR_BYTES = 64 * 1024;

/**
 * Reads every `<id>.txt` at the top of the store, with its optional `<id>.meta.json`, sorted by id;
 * a report whose text and sidecar have the fingerprints `known` records is not read (its hashes come
 * from the record). Files that are not reports at all become problems; the texts are parsed later,
 * one at a time.
 */
export async function readReportInputs<T = ReportInput>(
  source: Store,
  known: KnownInputs = new Map(),
  settle: (input: ReportInput) => T = (input) => input as T,
): Promise<{ inputs: T[]; problems: ReportProblem[] }> {
  // Sizes come with the listing where the store gives them, so what is too large is never read.
  const listed: { key: string; bytes?: number; fingerprint?: string }[] = source.listWithSizes
    ? await source.listWithSizes('')
    : (await source.list('')).map((key) => ({ key }));
  const keys = listed.map((object) => object.key);
  const available = new Map<string, number | undefined>(listed.map((object) => [object.key, object.bytes]));
  const fingerprints = new Map(listed.map((object) => [object.key, object.fingerprint]));
  const listedFingerprint = (id: string) =>
    inputFingerprint(fingerprints.get(`${id}.txt`), {
      listed: available.has(`${id}.meta.json`),
      fingerprint: fingerprints.get(`${id}.meta.json`),
    });
  const links = new Map((source.unfollowed ? await source.unfollowed('') : []).map((e) => [e.key, e.kind]));
  const reads: Promise<T>[] = [];
  const problems: ReportProblem[] = [];
  const where = (key: string) => `${source.location.replace(/\/+$/, '')}/${key}`;
  // A few reads at a time: each is a wait on the store (a disk, S3), 10,000 of them one by one took seconds.
  const limit = pLimit(READS_AT_ONCE);
  for (const key of [...keys, ...links.keys()].filter((k) => /\.txt$/i.test(k)).sort()) {
    const file = where(key);
    const id = key.slice(0, -'.txt'.length);
    if (key.includes('/')) {
      problems.push({ file, problem: 'is in a subfolder: only reports at the top of the folder are read' });
    } else if (!isReportId(id) || !key.endsWith('.txt')) {
      problems.push({
        file,
        problem: `has a name that is not a report id (use ${REPORT_ID_RULE})`,
      });
    } else {
      const metaKey = `${id}.meta.json`;
      const fingerprint = links.has(key) || links.has(metaKey) ? undefined : listedFingerprint(id);
      const was = known.get(id);
      if (fingerprint !== undefined && was?.fingerprint === fingerprint) {
        reads.push(Promise.resolve(settle(knownInput({ id, file, fingerprint }, was))));
        continue;
      }
      const place = { id, file, links, available, metaFile: where(metaKey) };
      reads.push(
        limit(async () =>
          settle({ ...(await readInput(source, place)), ...(fingerprint ? { fingerprint } : {}) }),
        ),
      );
    }
  }
  return { inputs: await Promise.all(reads), problems };
}

const READS_AT_ONCE = 16;

/** A report known by its fingerprint: its hashes from the record, its bytes not read. */
function knownInput(
  input: { id: string; file: string; fingerprint: string },
  was: { sha256: string; metaSha256?: string },
): ReportInput {
  const hashes = { sha256: was.sha256, ...(was.metaSha256 ? { metaSha256: was.metaSha256 } : {}) };
  return { ...input, bytes: NO_BYTES, metaBytes: undefined, known: hashes };
}

/**
 * The bytes of a report not read, or let go: one empty array for all (an array of its own is 190
 * bytes a report).
 */
export const NO_BYTES = new Uint8Array(0);

/** What the plan records of the inputs it read or knew (input-fingerprints.ts): those with a fingerprint and no problem. */
export function knownInputsOf(inputs: readonly PlannedInput[]): KnownInputs {
  const known: KnownInputs = new Map();
  for (const input of inputs) {
    if (input.fingerprint === undefined || input.problem !== undefined) continue;
    known.set(input.id, {
      fingerprint: input.fingerprint,
      sha256: input.sha256,
      ...(input.metaSha256 ? { metaSha256: input.metaSha256 } : {}),
    });
  }
  return known;
}

interface InputPlace {
  id: string;
  file: string;
  metaFile: string;
  /** Entries that are not regular files, never read. */
  links: ReadonlyMap<string, UnfollowedEntry['kind']>;
  /** The keys listed, with their sizes when the store gave them. */
  available: ReadonlyMap<string, number | undefined>;
}

/** One report's bytes and sidecar, or the reason they cannot be used (the input then carries it). */
async function readInput(source: Store, place: InputPlace): Promise<ReportInput> {
  const { id, file, links, available } = place;
  const none = new Uint8Array(0);
  const refused = (problem: string, where = file): ReportInput => ({
    id,
    file: where,
    bytes: none,
    metaBytes: undefined,
    problem,
  });
  const metaKey = `${id}.meta.json`;
  const unread = (kind: UnfollowedEntry['kind']) =>
    kind === 'symbolic link'
      ? 'is a symbolic link: links are not followed, so it was not read'
      : 'is not a regular file (a pipe, a socket or a device), so it was not read';
  const reportKind = links.get(`${id}.txt`);
  if (reportKind) return refused(unread(reportKind));
  const metaKind = links.get(metaKey);
  if (metaKind) return refused(unread(metaKind), place.metaFile);
  const report = await readBounded(source, `${id}.txt`, available.get(`${id}.txt`), REPORT_LIMIT);
  if (!report) return refused('disappeared while it was being read');
  if ('problem' in report) return refused(report.problem);
  const meta = available.has(metaKey)
    ? await readBounded(source, metaKey, available.get(metaKey), SIDECAR_LIMIT)
    : undefined;
  if (meta && 'problem' in meta) return refused(meta.problem, place.metaFile);
  return { id, file, bytes: report.bytes, metaBytes: meta?.bytes };
}

interface SizeLimit {
  bytes: number;
  /** What is refused, for the message: `reports`, `sidecars`. */
  noun: string;
  advice: string;
}

const REPORT_LIMIT: SizeLimit = {
  bytes: MAX_REPORT_BYTES,
  noun: 'reports',
  advice: ' (split it or remove what is not report text)',
};
const SIDECAR_LIMIT: SizeLimit = { bytes: MAX_SIDECAR_BYTES, noun: 'sidecars', advice: '' };

/**
 * The object's bytes, or why it is refused for its size: told by the listing before anything is
 * read, by the store while reading (an open file's size, a ranged GET), or after, by a store that
 * cannot tell before. Undefined when it is gone.
 */
async function readBounded(
  source: Store,
  key: string,
  listedBytes: number | undefined,
  limit: SizeLimit,
): Promise<{ bytes: Uint8Array } | { problem: string } | undefined> {
  const oversize = (bytes: number) => ({
    problem: `is ${megabytes(bytes)}; ${limit.noun} over ${megabytes(limit.bytes)} are refused${limit.advice}`,
  });
  if (listedBytes !== undefined && listedBytes > limit.bytes) return oversize(listedBytes);
  try {
    const bytes = await source.get(key, { maxBytes: limit.bytes });
    if (bytes && bytes.byteLength > limit.bytes) return oversize(bytes.byteLength);
    return bytes ? { bytes } : undefined;
  } catch (error) {
    if (error instanceof ObjectTooLargeError) return oversize(error.bytes);
    throw error;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Text → structure → figures for one input. Throws ReportError when it cannot be read. */
export function parseReportInput(input: ReportInput, defaultLicense: string): Report {
  if (input.problem !== undefined) throw new ReportError(input.file, input.problem);
  const meta = input.metaBytes
    ? parseReportMeta(input.metaBytes, input.file.replace(/\.txt$/, '.meta.json'))
    : undefined;
  return buildReport({ id: input.id, file: input.file, bytes: input.bytes, meta, defaultLicense });
}

/**
 * One hash of everything a publication is made from: the reports and their sidecars (by their
 * hashes), and whatever else shapes the site (settings, catalog, the code, the portal's assets).
 */
export function inputsHash(inputs: readonly PlannedInput[], shaping: unknown): string {
  const hash = sha256Stream().update(JSON.stringify(shaping));
  for (const input of inputs) {
    hash.update(`\u0000${input.id}\u0000${input.sha256}`);
    if (input.metaSha256) hash.update(`\u0000meta\u0000${input.metaSha256}`);
    if (input.problem !== undefined) hash.update(`\u0000problem\u0000${input.problem}`);
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
