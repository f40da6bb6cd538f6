import type { Report } from '../report/report.ts';
import type { Figure, Span } from '../report/types.ts';
import { qualifierName, valueWithUnit } from './format.ts';
import { bilingual, type Html, html } from './html.ts';
import type { SectionEntry } from './sections.ts';

/**
 * The body of the report as HTML: headings as headings (a 一是… clause that opens a paragraph as a
 * run-in heading), every other line a paragraph, every figure a highlighted anchor.
 */
export function reportText(report: Report, sections: readonly SectionEntry[]): Html {
  const { titleSpan, footerStart } = report.structure;
  const figures = [...report.figures].sort((a, b) => a.start - b.start);
  const body = report.structure.paragraphs.filter((p) => p.start >= titleSpan.end && p.start < footerStart);
  const blocks = body.map((paragraph) => paragraphBlocks(report.text, paragraph, sections, figures));
  return html`<div class="report-text">${blocks}</div>`;
}

/** The footer lines of the source page (主办单位 …), kept apart from the report's own text. */
export function sourceFooter(report: Report): Html {
  const lines = report.structure.paragraphs.filter((p) => p.start >= report.structure.footerStart);
  if (lines.length === 0) return html``;
  return html`<div class="source-footer"><h2>${bilingual('原网页页脚', 'Footer of the source page')}</h2>
${lines.map((line) => html`<p>${report.text.slice(line.start, line.end)}</p>`)}</div>`;
}

function paragraphBlocks(
  text: string,
  paragraph: Span,
  sections: readonly SectionEntry[],
  figures: readonly Figure[],
): Html {
  // Sections are in text order: a binary search, not a pass over all of them for every paragraph
  // (40,000 headings took 6 s).
  const from = firstAtOrAfter(sections, paragraph.start, (s) => s.heading.start);
  const inside = sections.slice(
    from,
    firstAtOrAfter(sections, paragraph.end, (s) => s.heading.start),
  );
  const firstStart = inside[0]?.heading.start ?? paragraph.end;
  const lead =
    firstStart > paragraph.start ? html`<p>${highlight(text, paragraph.start, firstStart, figures)}</p>` : '';
  const headed = inside.map((section, i) => {
    const blockEnd = inside[i + 1]?.heading.start ?? paragraph.end;
    return headedBlock(text, section, blockEnd, figures);
  });
  return html`${lead}${headed}\n`;
}

function headedBlock(
  text: string,
  section: SectionEntry,
  blockEnd: number,
  figures: readonly Figure[],
): Html {
  const { heading, anchor, depth } = section;
  const tag = `h${Math.min(6, depth + 1)}`;
  const rest = text.slice(heading.end, blockEnd);
  if (rest.trim() === '' || /^[。.：:\s]*$/.test(rest)) {
    return html`${open(tag, anchor, 'section-heading')}${highlight(text, heading.start, blockEnd, figures)}</${tag}>`;
  }
  // A figure never straddles the cut between the run-in heading and its text.
  // Figures do not overlap: only the last one starting before the cut can reach over it.
  const before = figures[firstAtOrAfter(figures, heading.end, startOf) - 1];
  const straddling = before && before.end > heading.end ? before : undefined;
  const cut = straddling ? straddling.end : heading.end;
  return html`<div class="run-in-block">${open(tag, anchor, 'run-in')}${highlight(text, heading.start, cut, figures)}</${tag}><p>${highlight(text, cut, blockEnd, figures)}</p></div>`;
}

function open(tag: string, anchor: string, className: string): Html {
  return html`<${tag} id="${anchor}" class="${className}">`;
}

/** The text of [start, end) with each figure inside it as a mark with its details. */
export function highlight(text: string, start: number, end: number, figures: readonly Figure[]): Html {
  const parts: unknown[] = [];
  let at = start;
  // Figures are in text order: start at the first one in this block and stop past it, so that
  // rendering every block stays linear in the figures however many blocks there are.
  for (let i = firstAtOrAfter(figures, start, startOf); i < figures.length; i++) {
    const figure = figures[i] as Figure;
    if (figure.start >= end) break;
    if (figure.start < at || figure.end > end) continue;
    parts.push(text.slice(at, figure.start), figureMark(figure));
    at = figure.end;
  }
  parts.push(text.slice(at, end));
  return html`${parts}`;
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

/**
 * The figure is a link to itself, so it takes keyboard focus and can be shared; its details show on
 * hover, on focus and when it is the page's target, and screen readers get them as its description.
 */
export function figureMark(figure: Figure): Html {
  const tip = `t-${figure.id}`;
  return html`<mark id="f-${figure.id}" class="fig"><a href="#f-${figure.id}" aria-describedby="${tip}">${figure.text}</a><span class="tip" role="tooltip" id="${tip}"><span class="tip-row"><b>${bilingual('指标', 'Label')}</b> ${figure.label || '—'}</span>
<span class="tip-row"><b>${bilingual('数值', 'Value')}</b> ${valueWithUnit(figure.value, figure.unit)}</span>
<span class="tip-row"><b>${bilingual('限定', 'Qualifier')}</b> ${qualifierName(figure.qualifier)}</span></span></mark>`;
}
