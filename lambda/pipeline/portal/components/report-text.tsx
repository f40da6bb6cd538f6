import type { Figure, Report, Span } from '../../report/index.ts';
import { EscapedMarkup, escapeAsPreact } from '../raw-markup.tsx';
import { Bilingual } from './bilingual.tsx';
import { type Flag, figureMark } from './figure-mark.tsx';
import type { SectionEntry } from './sections.tsx';

type Flags = ReadonlyMap<string, readonly Flag[]>;

interface TextProps {
  report: Report;
  sections: readonly SectionEntry[];
  /** The figures that checks flag (see `figureFlags`). */
  flags: Flags;
}

/**
 * The body of the report: headings as headings (a 一是… clause that opens a paragraph as a run-in
 * heading), every other line a paragraph, every figure a highlighted anchor. Its markup is written
 * as strings into one list, joined once: made of elements, the thousands of pieces preact joins one
 * to the next cost more to put together (and then to read out as UTF-8) than all the rest of the page.
 */
export function ReportText({ report, sections, flags }: TextProps) {
  const { titleSpan, footerStart } = report.structure;
  const marks = { figures: [...report.figures].sort((a, b) => a.start - b.start), flags };
  const out: string[] = [];
  for (const paragraph of report.structure.paragraphs)
    if (paragraph.start >= titleSpan.end && paragraph.start < footerStart)
      paragraphBlocks(out, report.text, paragraph, sections, marks);
  return <EscapedMarkup className="report-text" markup={out.join('')} />;
}

/** The footer lines of the source page (主办单位 …), kept apart from the report's own text. */
export function SourceFooter({ report }: { report: Report }) {
  const lines = report.structure.paragraphs.filter((p) => p.start >= report.structure.footerStart);
  if (lines.length === 0) return null;
  return (
    <div class="source-footer">
      <h2>
        <Bilingual zh="原网页页脚" en="Footer of the source page" />
      </h2>
      {'\n'}
      {lines.map((line) => (
        <p>{report.text.slice(line.start, line.end)}</p>
      ))}
    </div>
  );
}

/** The figures in text order, and the flags of those that checks flag. */
interface Marks {
  figures: readonly Figure[];
  flags: Flags;
}

function paragraphBlocks(
  out: string[],
  text: string,
  paragraph: Span,
  sections: readonly SectionEntry[],
  marks: Marks,
): void {
  // Sections are in text order: a binary search, not a pass over all of them for every paragraph
  // (40,000 headings took 6 s).
  const from = firstAtOrAfter(sections, paragraph.start, (s) => s.heading.start);
  const inside = sections.slice(
    from,
    firstAtOrAfter(sections, paragraph.end, (s) => s.heading.start),
  );
  const firstStart = inside[0]?.heading.start ?? paragraph.end;
  if (firstStart > paragraph.start) {
    out.push('<p>');
    highlight(out, text, paragraph.start, firstStart, marks);
    out.push('</p>');
  }
  inside.forEach((section, i) => {
    const blockEnd = inside[i + 1]?.heading.start ?? paragraph.end;
    headedBlock(out, text, section, blockEnd, marks);
  });
  out.push('\n');
}

function headedBlock(
  out: string[],
  text: string,
  section: SectionEntry,
  blockEnd: number,
  marks: Marks,
): void {
  const { heading, anchor, depth } = section;
  const tag = `h${Math.min(6, depth + 1)}`;
  const id = escapeAsPreact(anchor);
  const rest = text.slice(heading.end, blockEnd);
  if (rest.trim() === '' || /^[。.：:\s]*$/.test(rest)) {
    out.push(`<${tag} id="${id}" class="section-heading">`);
    highlight(out, text, heading.start, blockEnd, marks);
    out.push(`</${tag}>`);
    return;
  }
  // A figure never straddles the cut between the run-in heading and its text.
  // Figures do not overlap: only the last one starting before the cut can reach over it.
  const before = marks.figures[firstAtOrAfter(marks.figures, heading.end, startOf) - 1];
  const straddling = before && before.end > heading.end ? before : undefined;
  const cut = straddling ? straddling.end : heading.end;
  out.push(`<div class="run-in-block"><${tag} id="${id}" class="run-in">`);
  highlight(out, text, heading.start, cut, marks);
  out.push(`</${tag}><p>`);
  highlight(out, text, cut, blockEnd, marks);
  out.push('</p></div>');
}

/** The text of [start, end) with each figure inside it as a mark with its details. */
function highlight(out: string[], text: string, start: number, end: number, { figures, flags }: Marks): void {
  let at = start;
  // Figures are in text order: start at the first one in this block and stop past it, so that
  // rendering every block stays linear in the figures however many blocks there are.
  for (let i = firstAtOrAfter(figures, start, startOf); i < figures.length; i++) {
    const figure = figures[i] as Figure;
    if (figure.start >= end) break;
    if (figure.start < at || figure.end > end) continue;
    out.push(escapeAsPreact(text.slice(at, figure.start)), figureMark(figure, flags.get(figure.id)));
    at = figure.end;
  }
  out.push(escapeAsPreact(text.slice(at, end)));
}

const startOf = (figure: Figure) => figure.start;

/** Index of the first item starting at or after `offset` (binary search over text order). */
function firstAtOrAfter<T>(items: readonly T[], offset: number, start: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (start(items[middle] as T) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
