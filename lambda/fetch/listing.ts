/**
 * Discovery on a listing page: links whose text (or URL) matches the source's pattern and names a
 * newer year become new sources of the same town and kind. Links to other hosts are ignored, so a
 * listing cannot send the fetcher anywhere its registry entry did not name.
 */
import { attr, elements, parseHtml, textOf } from './html-dom.ts';
import { discoveredId, type Source } from './sources.ts';

export interface ListingLink {
  text: string;
  /** Absolute URL. */
  href: string;
}

export function listingLinks(html: string, base: string): ListingLink[] {
  const links: ListingLink[] = [];
  for (const element of elements(parseHtml(html))) {
    if (element.tagName !== 'a' || attr(element, 'href') === '') continue;
    try {
      const href = new URL(attr(element, 'href'), base);
      href.hash = '';
      links.push({ text: textOf(element) || attr(element, 'title'), href: href.href });
    } catch {
      // An unparsable href is just not a link to a report.
    }
  }
  return links;
}

/** Sources for the newer reports the links name, except ids already known; in page order. */
export function discoverSources(source: Source, links: ListingLink[], known: ReadonlySet<string>): Source[] {
  const { listing } = source;
  if (!listing) return [];
  const pattern = new RegExp(listing.pattern, 'u');
  const host = new URL(listing.url).hostname;
  const found = new Map<string, Source>();
  for (const link of links) {
    const url = new URL(link.href);
    if (url.hostname !== host || (url.protocol !== 'http:' && url.protocol !== 'https:')) continue;
    const match = pattern.exec(link.text) ?? pattern.exec(safeDecode(url.pathname));
    const year = Number(match?.groups?.year);
    if (!Number.isInteger(year) || year <= source.year || year > 2100) continue;
    const id = discoveredId(source, year);
    if (known.has(id) || found.has(id)) continue;
    const { listing: _, ...inherited } = source;
    found.set(id, { ...inherited, id, year, url: url.href });
  }
  return [...found.values()];
}

/**
 * What a listing names after reading it again: entries already fetched stay as they were; entries
 * never fetched are replaced by what today's links say, so a link fixed before its page went live
 * is followed at its new URL and a link taken down is forgotten; new ones come last, in page order.
 * `fresh` is discoverSources over the links with only the fetched entries counted as known.
 */
export function mergeFound(
  previous: readonly Source[],
  fresh: readonly Source[],
  wasFetched: (id: string) => boolean,
): Source[] {
  const refound = new Map(fresh.map((source) => [source.id, source]));
  const found: Source[] = [];
  for (const entry of previous) {
    const again = refound.get(entry.id);
    if (wasFetched(entry.id)) found.push(entry);
    else if (again) found.push(again);
    refound.delete(entry.id);
  }
  return [...found, ...refound.values()];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
