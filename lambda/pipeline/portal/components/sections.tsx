import type { Figure, Heading, Report } from '../../report/index.ts';
import { sectionOf } from '../../structure/index.ts';
import { TitledSection } from './titled-section.tsx';

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
export function TableOfContents({ entries }: { entries: readonly SectionEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <TitledSection as="nav" class="toc" titleId="toc-title" zh="目录" en="Contents">
      {nestedList(entries, 0, entries.length, 1)}
    </TitledSection>
  );
}

function nestedList(entries: readonly SectionEntry[], from: number, to: number, depth: number) {
  const items = [];
  for (let i = from; i < to; ) {
    const entry = entries[i] as SectionEntry;
    let next = i + 1;
    while (next < to && (entries[next] as SectionEntry).depth > entry.depth) next++;
    items.push(
      <li>
        <a href={`#${entry.anchor}`}>
          {entry.heading.marker}
          {entry.heading.title}
        </a>
        {'\n'}
        <span class="count">{entry.figures}</span>
        {next > i + 1 ? nestedList(entries, i + 1, next, depth + 1) : null}
      </li>,
    );
    i = next;
  }
  return <ol class={`toc-level-${depth}`}>{items}</ol>;
}
