/**
 * The listing half of a run: read each registered listing for newer reports and name every source
 * the run fetches, registered or found on a listing (in this run or an earlier one). Only listings
 * the registry still has count: forgetRemoved has dropped the others from the state beforehand.
 */

import { sha256Hex } from '../contract/index.ts';
import { decodePage } from './charset.ts';
import type { PageClient } from './client.ts';
import { problemOf } from './fetch-error.ts';
import { type FetchState, type ListingState, validatorsFor, withValidators } from './fetch-state.ts';
import { discoverSources, listingLinks, mergeFound } from './listing.ts';
import type { Source } from './sources.ts';

export interface Discovery {
  /** The registry first, then what the listings name, without duplicates. */
  sources: Source[];
  /** Ids a listing named for the first time in this run. */
  discovered: string[];
  /** Listings that could not be read, under the id of the source that has them. */
  failed: { id: string; problem: string }[];
}

/** Reads every listing of the registry, updating `state.listings`. */
export async function discover(
  registry: Source[],
  state: FetchState,
  client: PageClient,
): Promise<Discovery> {
  const namedBefore = new Set(Object.values(state.listings).flatMap((l) => l.found.map((f) => f.id)));
  const all = new Map(registry.map((source) => [source.id, source]));
  const failed: Discovery['failed'] = [];
  for (const source of registry) {
    if (!source.listing) continue;
    let found: Source[];
    try {
      found = await readListing(source, state, client, new Set(all.keys()));
    } catch (error) {
      failed.push({ id: source.id, problem: `listing: ${problemOf(error, source.listing.url)}` });
      // A listing that failed this time still names what it named before.
      found = state.listings[source.id]?.found ?? [];
    }
    for (const added of found) if (!all.has(added.id)) all.set(added.id, added);
  }
  const registered = new Set(registry.map((source) => source.id));
  const discovered = [...all.keys()].filter((id) => !registered.has(id) && !namedBefore.has(id));
  return { sources: [...all.values()], discovered, failed };
}

async function readListing(source: Source, state: FetchState, client: PageClient, known: Set<string>) {
  const listing = source.listing;
  if (!listing) return [];
  const previous = state.listings[source.id];
  const result = await client.get(listing.url, validatorsFor(previous, listing.url, true));
  if (result.status === 'unchanged') return previous?.found ?? [];
  const sha256 = sha256Hex(result.body);
  const links = listingLinks(decodePage(result.contentType, result.body), result.url);
  const wasFetched = (id: string) => Object.hasOwn(state.pages, id);
  const fetchedBefore = (previous?.found ?? []).filter((f) => wasFetched(f.id)).map((f) => f.id);
  const fresh = discoverSources(source, links, new Set([...known, ...fetchedBefore]));
  const found = mergeFound(previous?.found ?? [], fresh, wasFetched);
  state.listings[source.id] = withValidators<ListingState>({ url: listing.url, sha256, found }, result);
  return found;
}
