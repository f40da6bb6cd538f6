/**
 * What each figure means (docs/meaning.md): its period, status and change, read in one pass over
 * the text from the figure's clause, its sentence, the stretch it is in and the report's kind and
 * year.
 */
import { codeTableOf } from '../../lexicon/index.ts';
import type { Change, FigureMention, NumberMention, Status } from '../../report/index.ts';
import { changeBefore, changeOfLabel, withoutFillers } from './change.ts';
import type { ReportFrame } from './frame.ts';
import { formatPeriod, isSpan, type Period, startYear } from './periods.ts';
import { MeaningReader } from './reader.ts';
import { fromPeriod, levelPeriod } from './span-levels.ts';

/** How far back a figure's clause is read (the genre's clauses before a figure are shorter). */
const MAX_CLAUSE = 60;
/** Only these between two figures make the second a member of the first's list (增长4.3%、5.3%). */
const LIST_GAP = codeTableOf('、和及与或 \u3000\t');

function isListGap(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (LIST_GAP[s.charCodeAt(i)] !== 1) return false;
  return true;
}

/**
 * The mentions of `text` (sorted by start) with their period, status and change. `stops`, the
 * sentence ends and line breaks of the text in order, are the scanner's (scanNumberTokens).
 */
export function assignMeaning(
  text: string,
  mentions: readonly NumberMention[],
  frame: ReportFrame,
  stops: readonly number[],
): FigureMention[] {
  const reader = new MeaningReader(text, frame, stops);
  const figures: FigureMention[] = [];
  let previousEnd = -1;
  let previousChange: Change = 'none';
  for (const mention of mentions) {
    reader.advance(mention.start);
    const figure = meaningOf(text, reader, mention, previousEnd, previousChange);
    reader.passFigure(mention.end);
    previousEnd = mention.end;
    previousChange = figure.change;
    figures.push(figure);
  }
  return figures;
}

function meaningOf(
  text: string,
  reader: MeaningReader,
  mention: NumberMention,
  previousEnd: number,
  previousChange: Change,
): FigureMention {
  const clauseFrom = Math.max(reader.clauseStart, mention.start - MAX_CLAUSE);
  const inClause = previousEnd > clauseFrom;
  const before = text.slice(inClause ? previousEnd : clauseFrom, mention.start);
  const words = withoutFillers(before);
  const change = isTableCell(text, mention.start)
    ? changeOfLabel(mention.label)
    : (changeBefore(words) ?? (inClause && isListGap(before) ? previousChange : 'none'));
  const explicit = reader.local ?? reader.running;
  const status = statusOf(reader, explicit, explicit ?? reader.defaultPeriod, mention.start);
  // A goal is of the time it is set for: without one named, the year planned for.
  const period = explicit ?? (status === 'target' ? reader.goalPeriod : reader.defaultPeriod);
  const own =
    status !== 'target' && change === 'none' && period
      ? levelOf(
          period,
          words,
          () => (inClause ? text.slice(clauseFrom, mention.start) : before),
          mention.unit,
        )
      : period;
  const { start, end, value, unit, qualifier, text: raw, label } = mention;
  return { start, end, value, unit, qualifier, text: raw, label, period: formatPeriod(own), status, change };
}

/**
 * A goal when its sentence states one, when it is about a time after the one reviewed, or when it
 * sits in a plan and its text names no time already past; else an estimate when its sentence (or a
 * note before it) says so; else a result.
 */
function statusOf(reader: MeaningReader, explicit: Period | null, period: Period | null, at: number): Status {
  const { years } = reader;
  const future = period !== null && years !== null && startYear(period) > years.reviewed;
  const past = explicit !== null && years !== null && explicit.to <= years.reviewed;
  if (reader.target || future || (reader.plan === true && !past)) return 'target';
  return reader.estimate || reader.estimatesBefore(at) ? 'estimate' : 'actual';
}

/** `clause` gives the words of the clause before the figure, read only in a stretch of years. */
function levelOf(period: Period, words: string, clause: () => string, unit: string): Period {
  if (isSpan(period)) return levelPeriod(period, words, clause(), unit);
  return fromPeriod(period, words) ?? period;
}

/** A cell of a table: a pipe or a tab before it, or a run of spaces (tables.ts reads the same marks). */
function isTableCell(text: string, start: number): boolean {
  let at = start - 1;
  while (at >= 0 && (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x3000)) at--;
  // By code, as the scanner reads them: text[at] would make a string of the character before every figure.
  const mark = text.charCodeAt(at);
  return mark === 0x7c || mark === 0xff5c || mark === 0x09 || start - at > 2;
}
