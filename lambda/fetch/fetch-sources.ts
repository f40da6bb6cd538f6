/**
 * One fetch run over the registry: look at each listing for newer reports, then fetch every page
 * (registered or discovered) conditionally. What changed is archived and written; what did not
 * costs a 304 and writes nothing; what failed is reported and leaves the existing report untouched.
 */
import { createHash } from 'node:crypto';
import { ReportError } from '../pipeline/errors.ts';
import type { Store } from '../stores/store.ts';
import { decodePage } from './charset.ts';
import { type FetchPolicy, PageClient } from './client.ts';
import { FetchError } from './fetch-error.ts';
import { discoverSources, listingLinks } from './listing.ts';
import { pageText } from './page-text.ts';
import { writeReport } from './provenance.ts';
import type { Source } from './sources.ts';
import {
  type FetchState,
  isSameContent,
  type ListingState,
  loadState,
  STATE_KEY,
  serializeState,
  validatorsFor,
  withValidators,
} from './state.ts';
import { reportTextProblem } from './text-check.ts';

export interface FetchSourcesOptions {
  sources: Source[];
  /** Where `<id>.txt` and `<id>.meta.json` go: the store `publish` reads. */
  reports: Store;
  /** Where the originals go, as `sources/<id>/<sha256>.<ext>`. */
  archive: Store;
  /** Where the run state is kept. @default archive */
  state?: Store;
  now: () => Date;
  /** Reach private and loopback addresses (tests); a list allows exactly those. @default false */
  allowPrivate?: FetchPolicy['allowPrivate'];
  /** Timeouts, retries, size limit, pacing. @default DEFAULT_POLICY */
  policy?: Partial<FetchPolicy>;
  /** @default a PageClient with the policy */
  client?: PageClient;
}

export interface FetchFailure {
  id: string;
  problem: string;
}

export interface FetchSummary {
  /** Ids whose report was (re)written. */
  fetched: string[];
  /** Ids whose page had not changed: nothing written. */
  unchanged: string[];
  /** Ids first seen on a listing page in this run (also fetched, or failed). */
  discovered: string[];
  failed: FetchFailure[];
}

export async function fetchSources(options: FetchSourcesOptions): Promise<FetchSummary> {
  const stateStore = options.state ?? options.archive;
  const client =
    options.client ?? new PageClient({ ...options.policy, allowPrivate: options.allowPrivate ?? false });
  const before = await loadState(stateStore);
  const state: FetchState = structuredClone(before);
  const summary: FetchSummary = { fetched: [], unchanged: [], discovered: [], failed: [] };
  const sources = await withDiscovered(options.sources, state, client, summary);
  for (const source of sources) {
    try {
      const outcome = await fetchOne(source, state, client, options);
      summary[outcome].push(source.id);
    } catch (error) {
      summary.failed.push({ id: source.id, problem: problemOf(error, source.url) });
    }
  }
  const bytes = serializeState(state);
  if (Buffer.compare(bytes, serializeState(before)) !== 0)
    await stateStore.put(STATE_KEY, bytes, { contentType: 'application/json' });
  return summary;
}

/** The registry plus every source found on a listing, in this run or an earlier one. */
async function withDiscovered(
  registry: Source[],
  state: FetchState,
  client: PageClient,
  summary: FetchSummary,
): Promise<Source[]> {
  const all = new Map(registry.map((source) => [source.id, source]));
  for (const source of registry) {
    if (!source.listing) continue;
    try {
      const known = new Set(all.keys());
      const found = await readListing(source, state, client, known);
      for (const added of found) if (!all.has(added.id)) all.set(added.id, added);
    } catch (error) {
      summary.failed.push({ id: source.id, problem: `listing: ${problemOf(error, source.listing.url)}` });
    }
  }
  for (const [id, source] of all)
    if (!registry.some((r) => r.id === id) && !Object.hasOwn(state.pages, id))
      summary.discovered.push(source.id);
  // A listing that failed this time still names what it named before.
  for (const listing of Object.values(state.listings))
    for (const found of listing.found) if (!all.has(found.id)) all.set(found.id, found);
  return [...all.values()];
}

async function readListing(source: Source, state: FetchState, client: PageClient, known: Set<string>) {
  const listing = source.listing;
  if (!listing) return [];
  const previous = state.listings[source.id];
  const result = await client.get(listing.url, validatorsFor(previous, listing.url, true));
  if (result.status === 'unchanged') return previous?.found ?? [];
  const sha256 = sha256Hex(result.body);
  const links = listingLinks(decodePage(result.contentType, result.body), result.url);
  const found = [...(previous?.found ?? [])];
  for (const added of discoverSources(source, links, new Set([...known, ...found.map((f) => f.id)])))
    found.push(added);
  state.listings[source.id] = withValidators<ListingState>({ url: listing.url, sha256, found }, result);
  return found;
}

async function fetchOne(
  source: Source,
  state: FetchState,
  client: PageClient,
  options: FetchSourcesOptions,
): Promise<'fetched' | 'unchanged'> {
  const previous = state.pages[source.id];
  const present = (await options.reports.get(`${source.id}.txt`)) !== undefined;
  const result = await client.get(source.url, validatorsFor(previous, source.url, present));
  if (result.status === 'unchanged') return 'unchanged';
  const sha256 = sha256Hex(result.body);
  if (previous && isSameContent(previous, sha256, present)) {
    state.pages[source.id] = withValidators(previous, result);
    return 'unchanged';
  }
  const { format, text } = await pageText(result.contentType, result.body);
  const problem = reportTextProblem(text, source);
  if (problem) throw new FetchError(`${result.url}: ${problem}`, false);
  const retrieved = options.now().toISOString();
  state.pages[source.id] = await writeReport(options.reports, options.archive, {
    source,
    url: result.url,
    contentType: result.contentType || 'application/octet-stream',
    etag: result.etag,
    lastModified: result.lastModified,
    body: result.body,
    sha256,
    format,
    text,
    retrieved,
  });
  return 'fetched';
}

function problemOf(error: unknown, url: string): string {
  if (error instanceof FetchError)
    return error.message.startsWith('http') ? error.message : `${url}: ${error.message}`;
  if (error instanceof ReportError) return error.message;
  throw error;
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
