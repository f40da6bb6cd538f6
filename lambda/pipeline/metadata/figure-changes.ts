import type { Figure } from '../report/index.ts';
import type { FigureChange } from './publication.ts';

type Comparable = Pick<Figure, 'section' | 'label' | 'unit' | 'value'>;

/**
 * The figures of one report that changed between two versions of its text. A figure's id changes
 * with its sentence, so figures are paired by what they count instead: section, label and unit, the
 * n-th of them in the old text with the n-th in the new. Unpaired figures were added or removed.
 */
export function figureChanges(
  report: string,
  before: readonly Comparable[],
  after: readonly Comparable[],
): FigureChange[] {
  const old = groupByMeaning(before);
  const changes: FigureChange[] = [];
  const seen = new Map<string, number>();
  for (const figure of after) {
    const key = meaning(figure);
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    const previous = old.get(key)?.[index];
    if (previous?.value === figure.value) continue;
    changes.push(change(report, figure, previous?.value ?? null, figure.value));
  }
  for (const [key, figures] of old) {
    for (const figure of figures.slice(seen.get(key) ?? 0)) {
      changes.push(change(report, figure, figure.value, null));
    }
  }
  return changes;
}

function groupByMeaning(figures: readonly Comparable[]): Map<string, Comparable[]> {
  const groups = new Map<string, Comparable[]>();
  for (const figure of figures) {
    const key = meaning(figure);
    const group = groups.get(key);
    if (group) group.push(figure);
    else groups.set(key, [figure]);
  }
  return groups;
}

function meaning(figure: Comparable): string {
  return `${figure.section}\u0000${figure.label}\u0000${figure.unit}`;
}

function change(report: string, figure: Comparable, old: number | null, now: number | null): FigureChange {
  return { report, section: figure.section, label: figure.label, unit: figure.unit, old, new: now };
}
