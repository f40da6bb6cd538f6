/**
 * Labels: the words that say what a figure counts, taken from the clause around the number
 * (the noun before it, the noun after a count word, 共/累计/总计 totals) and trimmed of verbs
 * and decoration, so that 调解纠纷 and 纠纷调解 read alike.
 */

export type { FigureContext } from './figure-context.ts';
export { figureContexts, sentenceGroups } from './figure-context.ts';
export type { Draft } from './figure-labels.ts';
export { assignLabels } from './figure-labels.ts';
export { endsWithActionVerb } from './labels.ts';
export { startsVerbAfterNoun } from './noun-after.ts';
