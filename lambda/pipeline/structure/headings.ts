/**
 * The heading hierarchy: marker hits ranked by kind. Line-start kinds rank in order of first
 * appearance (1 = outermost); the sentence-start kinds (一是, 第一，) rank after all of them.
 */

import type { Heading, Span } from '../report/index.ts';
import { isBlank, type Line } from './lines.ts';
import { lineMarker, type MarkerHit, type MarkerKind, sentenceMarkers } from './markers.ts';

const SENTENCE_KINDS: ReadonlySet<MarkerKind> = new Set(['ordinalShi', 'ordinalDi']);

export interface HeadingResult {
  headings: Heading[];
  /** Ends of headings whose body continues on the same line: sentence breaks. */
  bodyBreaks: number[];
}

/** Headings of the lines inside `body` (the text between title and footer). */
export function parseHeadings(text: string, lines: Line[], body: Span): HeadingResult {
  const hits = findMarkers(text, lines, body);
  const levels = rankKinds(hits);
  const headings: Heading[] = [];
  const stack: Heading[] = [];
  for (const hit of hits) {
    const level = levels.get(hit.kind) ?? 1;
    while (stack.length > 0 && (stack[stack.length - 1] as Heading).level >= level) stack.pop();
    const path = [...stack.map((h) => h.path[h.path.length - 1] as string), pathTitle(hit)];
    const heading: Heading = {
      start: hit.start,
      end: hit.end,
      level,
      marker: hit.marker,
      title: hit.title,
      path,
    };
    stack.push(heading);
    headings.push(heading);
  }
  const bodyBreaks = hits.filter((hit) => hit.bodyFollows).map((hit) => hit.end);
  return { headings, bodyBreaks };
}

const PATH_TITLE_LIMIT = 200;

/**
 * A heading's title as its section path gives it: cut at PATH_TITLE_LIMIT characters. Every figure
 * under it carries its path, so a title of a whole line (a heading marker before 500 KB without a
 * full stop) would be copied into every figure row. The longest title of the shipped reports and
 * the corpus has 192 characters.
 */
function pathTitle(hit: MarkerHit): string {
  const title =
    hit.title.length > PATH_TITLE_LIMIT ? `${hit.title.slice(0, PATH_TITLE_LIMIT - 1)}…` : hit.title;
  return `${hit.marker}${title}`;
}

function findMarkers(text: string, lines: Line[], body: Span): MarkerHit[] {
  const hits: MarkerHit[] = [];
  for (const line of lines) {
    if (isBlank(line) || line.trimmed.start < body.start || line.trimmed.start >= body.end) continue;
    const head = lineMarker(text, line);
    if (head !== null) hits.push(head);
    // One by one: a spread of a line's markers overflows the stack past ~100,000 of them.
    for (const hit of sentenceMarkers(text, line, head === null ? line.trimmed.start : head.end))
      hits.push(hit);
  }
  return hits;
}

function rankKinds(hits: MarkerHit[]): Map<MarkerKind, number> {
  const levels = new Map<MarkerKind, number>();
  for (const pass of [false, true]) {
    for (const hit of hits) {
      if (SENTENCE_KINDS.has(hit.kind) === pass && !levels.has(hit.kind))
        levels.set(hit.kind, levels.size + 1);
    }
  }
  return levels;
}

const sections = new WeakMap<Heading, string>();

/** The heading's path joined with ' › ', made once: every figure under it shares the string. */
export function sectionOf(heading: Heading): string {
  let section = sections.get(heading);
  if (section === undefined) {
    section = heading.path.join(' › ');
    sections.set(heading, section);
  }
  return section;
}

/** The heading path at offset, joined with ' › ' ('' before the first heading). */
export function sectionPathAt(headings: Heading[], offset: number): string {
  let low = 0;
  let high = headings.length - 1;
  let found: Heading | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const heading = headings[mid] as Heading;
    if (heading.start <= offset) {
      found = heading;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found === undefined ? '' : sectionOf(found);
}
