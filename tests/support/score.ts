/**
 * Scoring of extracted figures against a hand-labelled gold file, exactly as docs/figures.md says:
 * a prediction matches a gold figure when the spans overlap and value and unit agree (units
 * after NFKC); P/R/F1 count `must` figures only; a prediction matching an optional figure is
 * neither a true nor a false positive. Matching is one-to-one. What a figure means (period,
 * status, change: docs/meaning.md) is scored over the matched must figures, each field where the
 * gold is not `?`, and the three together.
 */
import type { FigureMeaning, NumberMention } from '../../lambda/pipeline/report/types.ts';

/** A prediction: a number mention, with its meaning when the scanner gives one (the peer's has none). */
type Predicted = NumberMention & Partial<FigureMeaning>;

/** The three fields of meaning, in the order they are printed. */
export const MEANING_FIELDS = ['status', 'change', 'period'] as const;
type MeaningField = (typeof MEANING_FIELDS)[number];

/** One line of a `*.gold.jsonl` file. */
export interface GoldFigure {
  start: number;
  end: number;
  text: string;
  value: number;
  unit: string;
  qualifier: string;
  /** Words a good label contains, `|`-separated alternatives. */
  keyword: string;
  must: boolean;
  /** docs/meaning.md; `?` where the text leaves it open (not scored). */
  period: string;
  status: string;
  change: string;
}

/** Hits over the figures counted. */
interface Tally {
  hits: number;
  total: number;
  accuracy: number;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Matched figures (must or optional) whose label holds one of the gold keywords. */
  labelHits: number;
  labelTotal: number;
  labelAccuracy: number;
  /** Matched must figures whose qualifier equals gold's (exact, over, under, approx). */
  qualifierHits: number;
  qualifierTotal: number;
  qualifierAccuracy: number;
  /**
   * Matched must figures whose field equals gold's, over those whose gold is not `?`; `all`: the
   * three together, over the figures with at least one field scored.
   */
  meaning: Record<MeaningField | 'all', Tally>;
  falsePositives: Predicted[];
  falseNegatives: GoldFigure[];
  /** Matched pairs whose label misses the keyword. */
  labelMisses: Array<{ predicted: Predicted; gold: GoldFigure }>;
  /** Matched must pairs whose qualifier differs from gold's. */
  qualifierMisses: Array<{ predicted: Predicted; gold: GoldFigure }>;
  /** Matched must pairs with a scored field of meaning that differs from gold's. */
  meaningMisses: Array<{ predicted: Predicted; gold: GoldFigure; fields: MeaningField[] }>;
}

const RELATIVE_TOLERANCE = 1e-9;

function valuesAgree(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function figureMatches(p: Predicted, g: GoldFigure): boolean {
  return (
    overlaps(p, g) && valuesAgree(p.value, g.value) && p.unit.normalize('NFKC') === g.unit.normalize('NFKC')
  );
}

function labelHasKeyword(label: string, keyword: string): boolean {
  return keyword.split('|').some((k) => k.length > 0 && label.includes(k));
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** Pairs predictions with gold figures one-to-one, must figures first, in text order. */
function pair(predicted: readonly Predicted[], gold: readonly GoldFigure[]): Map<number, number> {
  const used = new Set<number>();
  const pairs = new Map<number, number>();
  const order = gold.map((_, i) => i).sort((a, b) => Number(gold[b]?.must) - Number(gold[a]?.must) || a - b);
  for (const gi of order) {
    const g = gold[gi] as GoldFigure;
    const pi = predicted.findIndex((p, i) => !used.has(i) && figureMatches(p, g));
    if (pi >= 0) {
      used.add(pi);
      pairs.set(gi, pi);
    }
  }
  return pairs;
}

function tally(hits: number, total: number): Tally {
  return { hits, total, accuracy: ratio(hits, total) };
}

/** The fields of `p` that are scored for `g` and differ, and whether any is scored. */
function meaningDiff(p: Predicted, g: GoldFigure): { scored: MeaningField[]; missed: MeaningField[] } {
  const scored = MEANING_FIELDS.filter((field) => g[field] !== '?');
  return { scored, missed: scored.filter((field) => p[field] !== g[field]) };
}

class MeaningCount {
  readonly hits = { status: 0, change: 0, period: 0, all: 0 };
  readonly totals = { status: 0, change: 0, period: 0, all: 0 };
  readonly misses: Score['meaningMisses'] = [];

  add(p: Predicted, g: GoldFigure): void {
    const { scored, missed } = meaningDiff(p, g);
    for (const field of scored) {
      this.totals[field]++;
      if (!missed.includes(field)) this.hits[field]++;
    }
    if (scored.length === 0) return;
    this.totals.all++;
    if (missed.length === 0) this.hits.all++;
    else this.misses.push({ predicted: p, gold: g, fields: missed });
  }

  tallies(): Score['meaning'] {
    const of = (key: MeaningField | 'all') => tally(this.hits[key], this.totals[key]);
    return { status: of('status'), change: of('change'), period: of('period'), all: of('all') };
  }
}

export function scoreFigures(predicted: readonly Predicted[], gold: readonly GoldFigure[]): Score {
  const pairs = pair(predicted, gold);
  const matchedPredictions = new Set(pairs.values());
  let tp = 0;
  let labelHits = 0;
  let qualifierHits = 0;
  const labelMisses: Score['labelMisses'] = [];
  const qualifierMisses: Score['qualifierMisses'] = [];
  const meaning = new MeaningCount();
  const falseNegatives: GoldFigure[] = [];
  gold.forEach((g, gi) => {
    const pi = pairs.get(gi);
    if (pi === undefined) {
      if (g.must) falseNegatives.push(g);
      return;
    }
    const p = predicted[pi] as Predicted;
    if (g.must) {
      tp++;
      if (p.qualifier === g.qualifier) qualifierHits++;
      else qualifierMisses.push({ predicted: p, gold: g });
      meaning.add(p, g);
    }
    if (labelHasKeyword(p.label, g.keyword)) labelHits++;
    else labelMisses.push({ predicted: p, gold: g });
  });
  const falsePositives = predicted.filter((_, i) => !matchedPredictions.has(i));
  const fp = falsePositives.length;
  const fn = falseNegatives.length;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    tp,
    fp,
    fn,
    precision,
    recall,
    f1,
    labelHits,
    labelTotal: pairs.size,
    labelAccuracy: ratio(labelHits, pairs.size),
    qualifierHits,
    qualifierTotal: tp,
    qualifierAccuracy: ratio(qualifierHits, tp),
    meaning: meaning.tallies(),
    falsePositives,
    falseNegatives,
    labelMisses,
    qualifierMisses,
    meaningMisses: meaning.misses,
  };
}

/** Sums per-file scores into micro-averaged totals (lists of misses are concatenated). */
export function microScore(scores: Score[]): Score {
  const sum = (key: 'tp' | 'fp' | 'fn' | 'labelHits' | 'labelTotal' | 'qualifierHits' | 'qualifierTotal') =>
    scores.reduce((a, s) => a + s[key], 0);
  const [tp, fp, fn] = [sum('tp'), sum('fp'), sum('fn')];
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    tp,
    fp,
    fn,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    labelHits: sum('labelHits'),
    labelTotal: sum('labelTotal'),
    labelAccuracy: ratio(sum('labelHits'), sum('labelTotal')),
    qualifierHits: sum('qualifierHits'),
    qualifierTotal: sum('qualifierTotal'),
    qualifierAccuracy: ratio(sum('qualifierHits'), sum('qualifierTotal')),
    meaning: sumMeaning(scores),
    falsePositives: scores.flatMap((s) => s.falsePositives),
    falseNegatives: scores.flatMap((s) => s.falseNegatives),
    labelMisses: scores.flatMap((s) => s.labelMisses),
    qualifierMisses: scores.flatMap((s) => s.qualifierMisses),
    meaningMisses: scores.flatMap((s) => s.meaningMisses),
  };
}

function sumMeaning(scores: Score[]): Score['meaning'] {
  const of = (key: MeaningField | 'all') =>
    tally(
      scores.reduce((a, s) => a + s.meaning[key].hits, 0),
      scores.reduce((a, s) => a + s.meaning[key].total, 0),
    );
  return { status: of('status'), change: of('change'), period: of('period'), all: of('all') };
}
