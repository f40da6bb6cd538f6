/**
 * Helpers for the tests of the result cache (#15): reports generated as the benchmark makes them, a
 * cache folder's entries read and damaged as a disk, a crash or another publisher's version would
 * damage them, and a publication run twice in lockstep, once with a cache folder and once with none,
 * so that a test can say that what the cache gave is what no cache gives, byte for byte.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateReport, loadSourcePool, type SourcePool } from '../../bench/generated-reports.ts';
import { type PublishOptions, type PublishSummary, publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { settings } from './publication.ts';
import { treeDigest } from './tree.ts';

let sourcePool: SourcePool | undefined;

/** Writes generated reports `from` … `from + count - 1` into a folder; gives their ids. */
export async function writeGeneratedReports(dir: string, from: number, count: number): Promise<string[]> {
  sourcePool ??= loadSourcePool();
  const ids: string[] = [];
  for (let index = from; index < from + count; index++) {
    const report = generateReport(sourcePool, index);
    await writeFile(join(dir, `${report.id}.txt`), report.text);
    ids.push(report.id);
  }
  return ids;
}

/**
 * Writes generated report `index` grown to `parts` reports' bodies (about 11 kB each) under its own
 * title: one report whose work takes hundreds of times another's. Gives its id.
 */
export async function writeLongReport(dir: string, index: number, parts: number): Promise<string> {
  sourcePool ??= loadSourcePool();
  const head = generateReport(sourcePool, index);
  const bodies = Array.from({ length: parts - 1 }, (_, k) => {
    const text = generateReport(sourcePool as SourcePool, 100_000 + k).text;
    return text.slice(text.indexOf('\n') + 1);
  });
  await writeFile(join(dir, `${head.id}.txt`), [head.text, ...bodies].join(''));
  return head.id;
}

/** A cache folder's entries (`<stage>/<xx>/<key>`) by path, with their bytes. */
export async function cacheEntries(folder: string): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    entries.set(path.slice(folder.length + 1), await readFile(path));
  }
  return entries;
}

/** The bytes every file of a folder takes. */
export async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const bytes of (await cacheEntries(folder)).values()) total += bytes.byteLength;
  return total;
}

/** When each file of a folder was last written, by its path. */
export async function modifiedTimes(folder: string): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  for (const path of (await cacheEntries(folder)).keys())
    times[path] = (await stat(join(folder, path))).mtimeMs;
  return times;
}

/** The end of an entry's two header lines (the format line, the JSON line): its sections follow. */
function headerEnd(bytes: Buffer): number {
  return bytes.indexOf(10, bytes.indexOf(10) + 1) + 1;
}

/**
 * The damage a cache entry can come to: each takes an entry's bytes (and the other entries of its
 * stage, for one written under the wrong name) and gives what is on disk instead.
 */
export const FAULTS: Record<string, (bytes: Buffer, others: Buffer[]) => Buffer> = {
  /** A write cut short: its last bytes are missing. */
  truncated: (bytes) => bytes.subarray(0, bytes.byteLength - 7),
  /** Written by a publisher of another entry format: the format line's number is another. */
  'of another format version': (bytes) => {
    const line = bytes.subarray(0, bytes.indexOf(10)).toString();
    const other = line.replace(/\d+$/, (n) => String(Number(n) + 1));
    if (other === line) throw new Error(`the format line ${line} ends in no version number`);
    return Buffer.concat([Buffer.from(other), bytes.subarray(line.length)]);
  },
  /** A bit gone wrong on disk: one byte inside its sections flipped, its length unchanged. */
  'with one byte of a section flipped': (bytes) => {
    const start = headerEnd(bytes);
    if (start >= bytes.byteLength) throw new Error('the entry has no section bytes to flip');
    const damaged = Buffer.from(bytes);
    const at = start + Math.floor((bytes.byteLength - start) / 2);
    damaged[at] = (damaged[at] as number) ^ 0xff;
    return damaged;
  },
  /** Another report's entry of the same stage under this one's name: its key line names the other key. */
  'whose key line names another key': (bytes, others) => {
    const other = others.find((candidate) => !candidate.equals(bytes));
    if (!other) throw new Error('no other entry of the stage to put in its place');
    return other;
  },
};

/** Damages every entry of the given stages in a cache folder; gives how many it damaged. */
export async function damageEntries(
  folder: string,
  stages: readonly string[],
  fault: (bytes: Buffer, others: Buffer[]) => Buffer,
): Promise<number> {
  const entries = await cacheEntries(folder);
  let damaged = 0;
  for (const stage of stages) {
    const ofStage = [...entries].filter(([path]) => path.startsWith(`${stage}/`));
    const bodies = ofStage.map(([, bytes]) => bytes);
    for (const [index, [path, bytes]] of ofStage.entries()) {
      const others = [...bodies.slice(index + 1), ...bodies.slice(0, index)];
      await writeFile(join(folder, path), fault(bytes, others));
      damaged += 1;
    }
  }
  return damaged;
}

/** What a test passes to each run: publish()'s options, but for the stores and the cache. */
type RunOptions = Omit<PublishOptions, 'source' | 'target' | 'settings' | 'cacheFolder'>;

/**
 * One folder of reports published into two sites at each step: one with a cache folder, one with
 * none (each run's cache is a temporary folder, so it makes everything): the reference.
 */
export class TwinSites {
  constructor(
    readonly reports: string,
    readonly site: string,
    readonly cacheFolder: string,
    readonly referenceSite: string,
  ) {}

  /** Publishes into both; gives the summary of the run with the cache. */
  async publish(options: RunOptions, cached: Partial<PublishOptions> = {}): Promise<PublishSummary> {
    const source = new FsStore(this.reports);
    const summary = await publish({
      source,
      target: new FsStore(this.site),
      settings,
      workers: 1,
      cacheFolder: this.cacheFolder,
      ...options,
      ...cached,
    });
    await publish({ source, target: new FsStore(this.referenceSite), settings, workers: 1, ...options });
    return summary;
  }

  /** Every file of both sites, by the sha256 of its bytes. */
  async trees(): Promise<{ cached: Record<string, string>; reference: Record<string, string> }> {
    return { cached: await treeDigest(this.site), reference: await treeDigest(this.referenceSite) };
  }
}
