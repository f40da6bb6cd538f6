import {
  alternationOf,
  CHANGE_WORDS,
  CLAUSE_MARKS,
  codeTableOf,
  PREVIOUS_YEAR_WORDS,
} from '../../lexicon/index.ts';
import type { Figure } from '../../report/index.ts';

/** A figure with where it sits in its sentence: what the matching rules and the checks read. */
export interface FigureContext {
  figure: Figure;
  /** Index of the figure in its sentence. */
  offset: number;
  /** The clause before the figure: from the last ，；。：! ? (or the sentence start) up to the figure. */
  before: string;
  /** The rest of the sentence after the figure. */
  after: string;
  /** Whether the figure states a change (增长5.2%, 比上年增加3件) rather than a level. */
  change: boolean;
}

const IS_CLAUSE_MARK = codeTableOf(CLAUSE_MARKS);
/**
 * The clause before a figure is read back at most this far (the reports' longest is 33 characters):
 * in a table row, which has no clause marks, it ran back to the row's start for every cell, and the
 * rules read it once per cell (a table of 4,000 columns took 90 s).
 */
export const MAX_CLAUSE = 100;
const CHANGE_LABEL = new RegExp(`(?:${alternationOf(CHANGE_WORDS)}|同比)$`, 'u');
/** 增加值 (value added) is a level, not a change: 增加 counts only when 值 does not follow. */
const CHANGE_BEFORE = new RegExp(
  `同比|(?:比|较)${alternationOf(PREVIOUS_YEAR_WORDS)}|增加(?!值)|${alternationOf(CHANGE_WORDS.filter((w) => w !== '增加'))}`,
  'u',
);

/**
 * The context of every figure of a report. Works from the figures alone (the aggregates no longer
 * hold the text): figures of one sentence share its start, found from where their texts fit.
 */
export function figureContexts(figures: readonly Figure[]): FigureContext[] {
  const sorted = [...figures].sort((a, b) => a.start - b.start);
  const contexts: FigureContext[] = [];
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i] as Figure;
    let end = i + 1;
    while (end < sorted.length && sameSentence(first, sorted[end] as Figure)) end++;
    const group = sorted.slice(i, end);
    const sentenceStart = startOf(group);
    for (const figure of group) contexts.push(contextOf(figure, figure.start - sentenceStart));
    i = end;
  }
  return contexts;
}

function sameSentence(first: Figure, other: Figure): boolean {
  return other.sentence === first.sentence && other.start - first.start < first.sentence.length;
}

/** The sentence's offset in the text: the one placing every figure's text where the sentence has it. */
function startOf(group: readonly Figure[]): number {
  const first = group[0] as Figure;
  for (
    let at = first.sentence.indexOf(first.text);
    at >= 0;
    at = first.sentence.indexOf(first.text, at + 1)
  ) {
    const start = first.start - at;
    if (group.every((f) => first.sentence.slice(f.start - start, f.end - start) === f.text)) return start;
  }
  return first.start;
}

function contextOf(figure: Figure, rawOffset: number): FigureContext {
  const offset = Math.max(0, Math.min(rawOffset, figure.sentence.length));
  const head = figure.sentence.slice(0, offset);
  const reach = Math.max(0, head.length - MAX_CLAUSE);
  let cut = head.length;
  while (cut > reach && IS_CLAUSE_MARK[head.charCodeAt(cut - 1)] !== 1) cut--;
  const before = head.slice(cut).trim();
  const after = figure.sentence.slice(offset + figure.text.length);
  const change = CHANGE_LABEL.test(figure.label) || CHANGE_BEFORE.test(before);
  return { figure, offset, before, after, change };
}

/** The contexts split by sentence, in text order (two equal sentences stay apart). */
export function sentenceGroups(contexts: readonly FigureContext[]): FigureContext[][] {
  const groups: FigureContext[][] = [];
  let current: FigureContext[] = [];
  for (const context of contexts) {
    const last = current.at(-1);
    if (last && (last.figure.sentence !== context.figure.sentence || context.offset <= last.offset)) {
      groups.push(current);
      current = [];
    }
    current.push(context);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
