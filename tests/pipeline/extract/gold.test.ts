/**
 * Scores the extractor against the hand-labelled gold files (tests/fixtures: the seed's and the
 * development corpus) and prints a per-file table: figures, labels, qualifiers, and what each
 * figure means (status, change, period, the three together: docs/meaning.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../lambda/pipeline/build/build-report.ts';
import type { FigureMention } from '../../../lambda/pipeline/report/types.ts';
import {
  type GoldFigure,
  MEANING_FIELDS,
  microScore,
  type Score,
  scoreFigures,
} from '../../support/score.ts';
import { CORPUS, SEED, SEED_GOLD } from '../../support/temp.ts';

interface Case {
  name: string;
  /** The figures as `opendata extract` gives them: through the whole pipeline, title and footer left out. */
  predicted: FigureMention[];
  gold: GoldFigure[];
}

function loadCase(name: string, text: URL, goldFile: URL): Case {
  const file = text.pathname;
  const report = buildReport({ id: name, file, bytes: readFileSync(text), defaultLicense: 'CC-BY-4.0' });
  const gold = readFileSync(goldFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldFigure);
  return { name, predicted: report.figures, gold };
}

function corpusCases(): Case[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.gold.jsonl'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.gold\.jsonl$/, '');
      return loadCase(name, new URL(`${name}.txt`, CORPUS), new URL(f, CORPUS));
    });
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);

function row(name: string, s: Score): string {
  const meaning = [...MEANING_FIELDS, 'all' as const]
    .map((field) => pct(s.meaning[field].accuracy))
    .join(' ');
  return `${name.padEnd(34)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${pct(s.labelAccuracy)} ${pct(s.qualifierAccuracy)} ${meaning}`;
}

const isPerfect = (s: Score): boolean =>
  s.f1 === 1 && s.labelAccuracy === 1 && s.qualifierAccuracy === 1 && s.meaning.all.accuracy === 1;

function details(s: Score): string[] {
  const out: string[] = [];
  for (const p of s.falsePositives) out.push(`    FP ${p.start} ${p.text} ${p.value}${p.unit} [${p.label}]`);
  for (const g of s.falseNegatives)
    out.push(`    FN ${g.start} ${g.text} ${g.value}${g.unit} (${g.keyword})`);
  for (const m of s.labelMisses)
    out.push(`    LABEL ${m.predicted.text} [${m.predicted.label}] wants ${m.gold.keyword}`);
  for (const m of s.qualifierMisses)
    out.push(`    QUALIFIER ${m.predicted.text} ${m.predicted.qualifier} wants ${m.gold.qualifier}`);
  for (const m of s.meaningMisses) {
    const fields = m.fields.map((field) => `${field} ${m.predicted[field]} wants ${m.gold[field]}`);
    out.push(
      `    MEANING ${m.predicted.start} ${m.predicted.text} [${m.predicted.label}] ${fields.join(', ')}`,
    );
  }
  return out;
}

function report(cases: Case[]): Score[] {
  const lines = [
    `${'file'.padEnd(34)}   tp  fp  fn      P      R     F1  label   qual status change period  all 3`,
  ];
  const scores = cases.map((c) => {
    const s = scoreFigures(c.predicted, c.gold);
    lines.push(row(c.name, s));
    if (!isPerfect(s)) lines.push(...details(s));
    return s;
  });
  if (cases.length > 1) lines.push(row('MICRO', microScore(scores)));
  console.log(lines.join('\n'));
  return scores;
}

describe('gold evaluation', () => {
  it('scores the seed report at F1 ≥ 0.97 with label accuracy 1.00', () => {
    const [s] = report([loadCase('xiaowangzhuang-2023', SEED, SEED_GOLD)]);
    expect(s?.f1).toBeGreaterThanOrEqual(0.97);
    expect(s?.labelAccuracy).toBe(1);
    expect(s?.qualifierAccuracy).toBeGreaterThanOrEqual(0.97);
  });

  const cases = corpusCases();
  it('scores the development corpus at micro F1 ≥ 0.95, label ≥ 0.90, qualifier ≥ 0.97', () => {
    expect(cases.length, 'the corpus in tests/fixtures/corpus').toBe(12);
    const total = microScore(report(cases));
    expect(total.f1).toBeGreaterThanOrEqual(0.95);
    expect(total.labelAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(total.qualifierAccuracy).toBeGreaterThanOrEqual(0.97);
  });

  it('reads what the figures of the corpus and the seed mean: status, change, period ≥ 0.97 each, all three ≥ 0.95', () => {
    const total = microScore(report([...cases, loadCase('xiaowangzhuang-2023', SEED, SEED_GOLD)]));
    expect(total.f1).toBeGreaterThanOrEqual(0.99);
    expect(total.labelAccuracy).toBeGreaterThanOrEqual(0.95);
    // A field whose gold is `?` is not scored; the accuracies below must rest on nearly every figure.
    expect(total.meaning.all.total).toBeGreaterThan(0.9 * total.tp);
    for (const field of MEANING_FIELDS)
      expect(total.meaning[field].accuracy, field).toBeGreaterThanOrEqual(0.97);
    expect(total.meaning.all.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
