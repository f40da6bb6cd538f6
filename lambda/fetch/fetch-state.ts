/**
 * What the last run saw, kept next to the archive: each page's validators and sha256 (so the next run
 * asks conditionally and writes nothing when nothing changed) and the sources found on listings.
 */
import { z } from 'zod';
import { FETCH_STATE_KEY as STATE_KEY } from '../contract/index.ts';
import { parseJsonWith } from '../pipeline/report/index.ts';
import type { Store } from '../stores/store.ts';
import type { Validators } from './client.ts';
import { type Source, sourceSchema } from './sources.ts';

const validators = {
  etag: z.string().min(1).optional(),
  lastModified: z.string().min(1).optional(),
};

const pageStateSchema = z
  .object({
    url: z.string(),
    retrieved: z.string(),
    ...validators,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    archive: z.string(),
  })
  .strict();

const listingStateSchema = z
  .object({ url: z.string(), ...validators, sha256: z.string(), found: z.array(sourceSchema) })
  .strict();

const fetchStateSchema = z
  .object({
    pages: z.record(z.string(), pageStateSchema),
    listings: z.record(z.string(), listingStateSchema),
  })
  .strict();

export type PageState = z.infer<typeof pageStateSchema>;
export type ListingState = z.infer<typeof listingStateSchema>;
export type FetchState = z.infer<typeof fetchStateSchema>;

export async function loadState(store: Store): Promise<FetchState> {
  const bytes = await store.get(STATE_KEY);
  if (!bytes) return { pages: {}, listings: {} };
  return parseJsonWith(fetchStateSchema, bytes, `${store.location.replace(/\/+$/, '')}/${STATE_KEY}`);
}

/**
 * The state without what the registry no longer names: the listings of sources gone (or that lost
 * their listing), with what they found, and the pages of ids neither registered nor found by a
 * remaining listing. Only the state: written reports and archived originals are published data.
 */
export function forgetRemoved(state: FetchState, registry: readonly Source[]): FetchState {
  const withListing = new Set(registry.filter((source) => source.listing).map((source) => source.id));
  const listings = Object.fromEntries(Object.entries(state.listings).filter(([id]) => withListing.has(id)));
  const named = new Set(registry.map((source) => source.id));
  for (const listing of Object.values(listings)) for (const found of listing.found) named.add(found.id);
  const pages = Object.fromEntries(Object.entries(state.pages).filter(([id]) => named.has(id)));
  return { pages, listings };
}

export function serializeState(state: FetchState): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(state, null, 2)}\n`);
}

/**
 * The validators to send: those of the last fetch of the same URL, unless what it produced is gone
 * (a deleted report must be fetched in full, not answered with a 304).
 */
export function validatorsFor(
  previous: { url: string; etag?: string; lastModified?: string } | undefined,
  url: string,
  outputPresent: boolean,
): Validators {
  if (!previous || previous.url !== url || !outputPresent) return {};
  return { etag: previous.etag, lastModified: previous.lastModified };
}

/** Whether a 200 brought the very bytes of last time (a server without validators, or a changed ETag). */
export function isSameContent(
  previous: { sha256: string } | undefined,
  sha256: string,
  outputPresent: boolean,
) {
  return outputPresent && previous?.sha256 === sha256;
}

/** Validators newly learned for unchanged bytes: kept so the next request can be conditional. */
export function withValidators<S extends { etag?: string; lastModified?: string }>(
  state: S,
  fresh: Validators,
): S {
  const { etag: _e, lastModified: _l, ...rest } = state;
  return { ...rest, ...definedOnly({ etag: fresh.etag, lastModified: fresh.lastModified }) } as S;
}

export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
