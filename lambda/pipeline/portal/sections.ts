import type { Report } from '../report/report.ts';
import type { Figure, Heading } from '../report/types.ts';
import { sectionOf } from '../structure/headings.ts';
import { bilingual, type Html, html } from './html.ts';

/** A heading with its in-page anchor and the number of figures under it (its subsections included). */
export interface SectionEntry {
  heading: Heading;
  /** `s-1`, `s-1-4`, `s-1-4-2`: numbered by position, so editing a sentence never moves an anchor. */
  anchor: string;
  depth: number;
  figures: number;
}

/** Every heading of the report in order, numbered by its place in the tree. */
export function sectionEntries(report: Report): SectionEntry[] {
  const under = figuresUnder(report.figures);
  const counters: number[] = [];
  return report.structure.headings.map((heading) => {
    const depth = Math.max(1, heading.path.length);
    counters.length = depth;
    counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
    const numbers = Array.from(counters, (n) => n ?? 1);
    return {
      heading,
      anchor: `s-${numbers.join('-')}`,
      depth,
      figures: under.get(sectionOf(heading)) ?? 0,
    };
  });
}

const JOINT = ' › ';

/**
 * How many figures each section path holds, its subsections included: a figure counts for its own
 * section and for every path its section starts with (up to a ' › '). Counted once over the
 * figures' distinct sections, not once a heading over all figures (20,000 headings took a minute).
 */
function figuresUnder(figures: readonly Figure[]): Map<string, number> {
  const own = new Map<string, number>();
  for (const { section } of figures) own.set(section, (own.get(section) ?? 0) + 1);
  const under = new Map<string, number>();
  const add = (path: string, count: number) => under.set(path, (under.get(path) ?? 0) + count);
  for (const [section, count] of own) {
    for (let at = section.indexOf(JOINT); at >= 0; at = section.indexOf(JOINT, at + 1))
      add(section.slice(0, at), count);
    add(section, count);
  }
  return under;
}

/** The section tree as nested lists of in-page links. */
export function tableOfContents(entries: readonly SectionEntry[]): Html {
  if (entries.length === 0) return html``;
  return html`<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${bilingual('目录', 'Contents')}</h2>
${nestedList(entries, 0, entries.length, 1)}</nav>`;
}

function nestedList(entries: readonly SectionEntry[], from: number, to: number, depth: number): Html {
  const items: Html[] = [];
  for (let i = from; i < to; ) {
    const entry = entries[i] as SectionEntry;
    let next = i + 1;
    while (next < to && (entries[next] as SectionEntry).depth > entry.depth) next++;
    const children = next > i + 1 ? nestedList(entries, i + 1, next, depth + 1) : html``;
    items.push(html`<li><a href="#${entry.anchor}">${entry.heading.marker}${entry.heading.title}</a>
<span class="count">${entry.figures}</span>${children}</li>`);
    i = next;
  }
  return html`<ol class="toc-level-${depth}">${items}</ol>`;
}

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 170;
const CHART_WIDTH = 320;
const LABEL_CHARS = 12;

/**
 * Figures by section (the outer level, and the next where it has figures) as a horizontal bar chart in inline SVG: no library and
 * no request. The same numbers are in the table of contents as text.
 */
export function sectionChart(entries: readonly SectionEntry[]): Html {
  const rows = entries.filter((entry) => entry.depth === 1 || (entry.depth === 2 && entry.figures > 0));
  if (rows.length === 0) return html``;
  // A loop, not Math.max(...): 170,000 headings as arguments overflow the stack (#13).
  const max = rows.reduce((most, row) => Math.max(most, row.figures), 1);
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 30;
  const height = rows.length * BAR_HEIGHT + 8;
  const bars = rows.map((row, i) => {
    const y = i * BAR_HEIGHT + 4;
    const width = Math.round((row.figures / max) * barSpace);
    const name = `${row.heading.marker}${row.heading.title}`;
    const label = name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name;
    const indent = row.depth === 1 ? 0 : 12;
    return html`<g class="bar depth-${row.depth}"><title>${name}: ${row.figures}</title>
<text x="${indent}" y="${y + 15}">${label}</text>
<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${width}" height="${BAR_HEIGHT - 8}"></rect>
<text class="value" x="${LABEL_WIDTH + width + 6}" y="${y + 15}">${row.figures}</text></g>`;
  });
  const summary = rows.map((row) => `${row.heading.marker}${row.heading.title}: ${row.figures}`).join('; ');
  return html`<figure class="chart"><figcaption id="chart-title">${bilingual('各章节的数字个数', 'Figures by section')}</figcaption>
<svg viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
<desc id="chart-desc">${summary}</desc>
${bars}</svg></figure>`;
}
