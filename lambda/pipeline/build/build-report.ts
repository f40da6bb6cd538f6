import { sha256Hex } from '../../contract/index.ts';
import { extractFigures, FigureIds, type SentenceIds } from '../extract/index.ts';
import type { Figure, FigureMention, Report, ReportInput, ReportStructure, Span } from '../report/index.ts';
import { decodeReport } from '../report/index.ts';
import { parseStructure, sectionPathAt, sentenceAt, sentenceExcerpt } from '../structure/index.ts';

/** bytes → text → structure → figures. Throws ReportError for input that cannot be read at all. */
export function buildReport(input: ReportInput): Report {
  const text = decodeReport(input.bytes, input.file);
  const structure = parseStructure(text);
  const meta = input.meta ?? {};
  const { titleInfo, footer } = structure;
  const year = meta.year ?? titleInfo.year;
  const kind = meta.kind ?? titleInfo.kind;
  const mentions = extractFigures(text, { kind, year, headings: structure.headings });
  return {
    id: input.id,
    title: meta.title ?? titleInfo.title,
    entity: meta.entity ?? titleInfo.entity,
    parent: meta.parent ?? '',
    year,
    kind,
    publisher: meta.publisher ?? footer.主办单位 ?? '',
    license: meta.license ?? input.defaultLicense,
    source: {
      file: input.file,
      url: meta.sourceUrl ?? '',
      sha256: sha256Hex(input.bytes),
      ...(meta.retrievedFrom ? { retrievedFrom: meta.retrievedFrom } : {}),
      ...(meta.archive ? { archive: meta.archive } : {}),
    },
    text,
    structure,
    figures: placeFigures(input.id, text, structure, mentions),
  };
}

/**
 * Keeps the mentions that sit in the body (not the title, page words above it or the footer) and gives
 * each its section, sentence (whole, and as the datasets give it) and a stable id. The figures of one
 * sentence share one string of it, so that comparing their sentences costs nothing.
 */
function placeFigures(
  reportId: string,
  text: string,
  structure: ReportStructure,
  mentions: FigureMention[],
): Figure[] {
  const { titleSpan, footerStart } = structure;
  const ids = new FigureIds(reportId);
  const units = new Map<string, string>();
  const figures: Figure[] = [];
  let current: { span: Span; sentence: string; ids: SentenceIds } | undefined;
  for (const mention of mentions) {
    // Above the title end are the title and scraped page words; the footer is site boilerplate.
    if (mention.start < titleSpan.end || mention.end > footerStart) continue;
    const span = sentenceAt(structure, mention.start);
    if (current?.span.start !== span.start || current.span.end !== span.end) {
      const sentence = text.slice(span.start, span.end);
      current = { span, sentence, ids: ids.sentence(sentence) };
    }
    const { sentence } = current;
    const within = (offset: number) => Math.min(Math.max(offset - span.start, 0), sentence.length);
    // A literal of one shape, not a spread of the mention: 100,000 figures a report.
    figures.push({
      start: mention.start,
      end: mention.end,
      value: mention.value,
      // One spelling per unit across reports (％ and % alike), so the column can be compared.
      unit: normalUnit(units, mention.unit),
      qualifier: mention.qualifier,
      text: mention.text,
      label: mention.label,
      period: mention.period,
      status: mention.status,
      change: mention.change,
      id: ids.next(current.ids, mention.text),
      section: sectionPathAt(structure, mention.start),
      sentence,
      excerpt: sentenceExcerpt(sentence, { start: within(mention.start), end: within(mention.end) }),
    });
  }
  return figures;
}

/** A unit in NFKC, looked up in `known`: a report has a few units and may have 100,000 figures. */
function normalUnit(known: Map<string, string>, unit: string): string {
  let normal = known.get(unit);
  if (normal === undefined) {
    normal = unit.normalize('NFKC');
    known.set(unit, normal);
  }
  return normal;
}
