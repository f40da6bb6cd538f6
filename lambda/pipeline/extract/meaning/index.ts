/**
 * Meaning: what each figure is about (docs/meaning.md), so that figures of different reports and
 * years compare: the period it covers, whether it is an actual, an estimate or a target, and whether
 * it is a level or a change up or down. Read in one pass over the text, from the figure's clause and
 * sentence, the headings it sits under and the report's kind and year (ReportFrame).
 */
export type { ReportFrame } from './frame.ts';
export { NO_FRAME } from './frame.ts';
export { assignMeaning } from './meaning.ts';
