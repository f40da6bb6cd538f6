/**
 * Scoring of extracted figures against a hand-labelled gold file, exactly as FIGURES.md says:
 * a prediction matches a gold figure when the spans overlap and value and unit agree (units
 * after NFKC); P/R/F1 count `must` figures only; a prediction matching an optional figure is
 * neither a true nor a false positive. Matching is one-to-one.
 */
import type { FigureMention } from '../../lambda/pipeline/report/types.ts';

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
  falsePositives: FigureMention[];
  falseNegatives: GoldFigure[];
  /** Matched pairs whose label misses the keyword. */
  labelMisses: Array<{ predicted: FigureMention; gold: GoldFigure }>;
  /** Matched must pairs whose qualifier differs from gold's. */
  qualifierMisses: Array<{ predicted: FigureMention; gold: GoldFigure }>;
}

const RELATIVE_TOLERANCE = 1e-9;

function valuesAgree(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function figureMatches(p: FigureMention, g: GoldFigure): boolean {
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
function pair(predicted: FigureMention[], gold: GoldFigure[]): Map<number, number> {
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

export function scoreFigures(predicted: FigureMention[], gold: GoldFigure[]): Score {
  const pairs = pair(predicted, gold);
  const matchedPredictions = new Set(pairs.values());
  let tp = 0;
  let labelHits = 0;
  let qualifierHits = 0;
  const labelMisses: Score['labelMisses'] = [];
  const qualifierMisses: Score['qualifierMisses'] = [];
  const falseNegatives: GoldFigure[] = [];
  gold.forEach((g, gi) => {
    const pi = pairs.get(gi);
    if (pi === undefined) {
      if (g.must) falseNegatives.push(g);
      return;
    }
    const p = predicted[pi] as FigureMention;
    if (g.must) {
      tp++;
      if (p.qualifier === g.qualifier) qualifierHits++;
      else qualifierMisses.push({ predicted: p, gold: g });
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
    falsePositives,
    falseNegatives,
    labelMisses,
    qualifierMisses,
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
    falsePositives: scores.flatMap((s) => s.falsePositives),
    falseNegatives: scores.flatMap((s) => s.falseNegatives),
    labelMisses: scores.flatMap((s) => s.labelMisses),
    qualifierMisses: scores.flatMap((s) => s.qualifierMisses),
  };
}
