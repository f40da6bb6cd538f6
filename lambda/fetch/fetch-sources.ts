/**
 * One fetch run over the registry: look at each listing for newer reports, then fetch every page
 * (registered or discovered) conditionally. What changed is archived and written; what did not
 * costs a 304 and writes nothing; what failed is reported and leaves the existing report untouched.
 * A discovered page that is not there yet (404, 410) is pending, not failed, and asked for again next
 * run; what the registry no longer names is forgotten from the state (its reports stay published).
 */

import { CONTENT_TYPES, OCTET_STREAM, FETCH_STATE_KEY as STATE_KEY, sha256Hex } from '../contract/index.ts';
import type { Store } from '../stores/store.ts';
import { type FetchPolicy, PageClient } from './client.ts';
import { discover } from './discovery.ts';
import { FetchError, isNotFound, problemOf } from './fetch-error.ts';
import {
  type FetchState,
  forgetRemoved,
  isSameContent,
  loadState,
  serializeState,
  validatorsFor,
  withValidators,
} from './fetch-state.ts';
import { pageText } from './page-text.ts';
import { writeReport } from './provenance.ts';
import type { Source } from './sources.ts';
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

interface FetchFailure {
  id: string;
  problem: string;
}

/** A source found on a listing whose page answers 404 or 410: not published yet, tried again next run. */
interface PendingSource {
  id: string;
  url: string;
  problem: string;
}

export interface FetchSummary {
  /** Ids whose report was (re)written. */
  fetched: string[];
  /** Ids whose page had not changed: nothing written. */
  unchanged: string[];
  /** Ids first seen on a listing page in this run (also fetched, pending or failed). */
  discovered: string[];
  /** Discovered sources whose page is not there (yet): not a failure, nothing written. */
  pending: PendingSource[];
  failed: FetchFailure[];
}

export async function fetchSources(options: FetchSourcesOptions): Promise<FetchSummary> {
  const stateStore = options.state ?? options.archive;
  const client =
    options.client ?? new PageClient({ ...options.policy, allowPrivate: options.allowPrivate ?? false });
  const before = await loadState(stateStore);
  const state = forgetRemoved(structuredClone(before), options.sources);
  const { sources, discovered, failed } = await discover(options.sources, state, client);
  const summary: FetchSummary = { fetched: [], unchanged: [], discovered, pending: [], failed };
  const registered = new Set(options.sources.map((source) => source.id));
  for (const source of sources) {
    try {
      const outcome = await fetchOne(source, state, client, options);
      summary[outcome].push(source.id);
    } catch (error) {
      // A listing may link next year's report before its page is live; the registry's pages must exist.
      if (!registered.has(source.id) && isNotFound(error))
        summary.pending.push({ id: source.id, url: source.url, problem: error.message });
      else summary.failed.push({ id: source.id, problem: problemOf(error, source.url) });
    }
  }
  const bytes = serializeState(state);
  if (Buffer.compare(bytes, serializeState(before)) !== 0)
    await stateStore.put(STATE_KEY, bytes, { contentType: CONTENT_TYPES.json });
  return summary;
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
    contentType: result.contentType || OCTET_STREAM,
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
