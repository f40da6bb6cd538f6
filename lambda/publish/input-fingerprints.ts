/**
 * What the last run learned of each report it read: the fingerprint its file had in the source's
 * listing (an S3 ETag; a file's inode, size and times once settled: see the stores) and the sha256 of
 * its bytes and of its sidecar's. A report whose fingerprints are the ones recorded has those bytes,
 * so the plan takes its hashes from here instead of reading and hashing it again: an unchanged run of
 * 10,000 reports reads none of their 144 MB, and a unit that comes from the cache never needs them.
 * A unit that does need the bytes reads them then and checks them against these hashes (a report
 * that changed all the same is that run's problem and is read whole by the next, its fingerprint
 * having changed). The record is one entry of the result cache, for each source; a record that is
 * gone, refused or not this shape only means every report is read again.
 */
import { sha256Hex } from '../contract/index.ts';
import type { ResultCache } from './result-cache.ts';

/** A report as the last run read it: the fingerprints of its text and sidecar, and their sha256. */
interface KnownInput {
  /** The text's fingerprint and the sidecar's (`-` for none), joined. */
  fingerprint: string;
  sha256: string;
  metaSha256?: string;
}

/** Known reports by id. */
export type KnownInputs = Map<string, KnownInput>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The record of one source: its location names it (another folder or bucket has another record). */
function recordKey(location: string): string {
  return sha256Hex(`input fingerprints 1\u0000${location}`);
}

/** The fingerprint of a report and its sidecar as the listing gave them; undefined when either has none. */
export function inputFingerprint(
  report: string | undefined,
  sidecar: { listed: boolean; fingerprint: string | undefined },
): string | undefined {
  if (report === undefined || (sidecar.listed && sidecar.fingerprint === undefined)) return undefined;
  return `${report}|${sidecar.listed ? sidecar.fingerprint : '-'}`;
}

/** What the last run recorded for this source, or nothing. */
export async function readKnownInputs(cache: ResultCache, location: string): Promise<KnownInputs> {
  const bytes = (await cache.getRecord('inputs', recordKey(location)))?.get('inputs');
  if (!bytes) return new Map();
  try {
    const record = JSON.parse(decoder.decode(bytes)) as unknown;
    if (!record || typeof record !== 'object' || Array.isArray(record)) return new Map();
    const known: KnownInputs = new Map();
    for (const [id, value] of Object.entries(record as Record<string, KnownInput>)) {
      if (typeof value?.fingerprint === 'string' && typeof value.sha256 === 'string') known.set(id, value);
    }
    return known;
  } catch {
    return new Map();
  }
}

/** Records what this run knows, unless it is what the last run recorded (an unchanged run writes nothing). */
export async function recordKnownInputs(
  cache: ResultCache,
  location: string,
  known: KnownInputs,
  before: KnownInputs,
): Promise<void> {
  if (sameRecord(known, before)) return;
  const record = Object.fromEntries([...known].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await cache.putRecord('inputs', recordKey(location), [
    { name: 'inputs', bytes: encoder.encode(JSON.stringify(record)) },
  ]);
}

/**
 * Deletes the record: a report read for its unit did not have the bytes the plan took as its own
 * (it changed during the run, or the record was wrong), so the next run reads every report again
 * rather than trust it.
 */
export async function forgetKnownInputs(cache: ResultCache, location: string): Promise<void> {
  await cache.deleteRecord('inputs', recordKey(location));
}

function sameRecord(a: KnownInputs, b: KnownInputs): boolean {
  if (a.size !== b.size) return false;
  for (const [id, input] of a) {
    const other = b.get(id);
    if (
      other?.fingerprint !== input.fingerprint ||
      other.sha256 !== input.sha256 ||
      other.metaSha256 !== input.metaSha256
    )
      return false;
  }
  return true;
}
