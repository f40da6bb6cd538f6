/**
 * The heading hierarchy: marker hits ranked by kind. Line-start kinds rank in order of first
 * appearance (1 = outermost); the sentence-start kinds (一是, 第一，) rank after all of them.
 */
import { isBlank, type Line } from './lines.ts';
import { lineMarker, type MarkerHit, type MarkerKind, sentenceMarkers } from './markers.ts';
import type { Heading, Span } from './types.ts';

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
    const path = [...stack.map((h) => `${h.marker}${h.title}`), `${hit.marker}${hit.title}`];
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

function findMarkers(text: string, lines: Line[], body: Span): MarkerHit[] {
  const hits: MarkerHit[] = [];
  for (const line of lines) {
    if (isBlank(line) || line.trimmed.start < body.start || line.trimmed.start >= body.end) continue;
    const head = lineMarker(text, line);
    if (head !== null) hits.push(head);
    hits.push(...sentenceMarkers(text, line, head === null ? line.trimmed.start : head.end));
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
  return found === undefined ? '' : found.path.join(' › ');
}
