import { describe, expect, it } from 'vitest';
import { lazyRows } from '../../../lambda/pipeline/datasets/datasets.ts';
import { evenlySpread } from '../../../lambda/pipeline/portal/spread.ts';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('evenlySpread', () => {
  it.each([
    [10, 4, [0, 2, 5, 7]],
    [10, 10, numbers(10)],
    [3, 5, [0, 1, 2]],
    [7, 3, [0, 2, 4]],
    [100, 1, [0]],
  ])('of %i items, at most %i: the i-th is ⌊i·n/limit⌋', (n, limit, picked) => {
    expect(evenlySpread(numbers(n), limit)).toEqual(picked);
  });

  it('returns a list within the limit as it is', () => {
    const items = numbers(10);
    expect(evenlySpread(items, 10)).toBe(items);
  });

  it('picks the same items from rows made as they are iterated, and stops iterating at the last one', () => {
    let made = 0;
    const rows = lazyRows(1000, function* () {
      for (let i = 0; i < 1000; i++) {
        made += 1;
        yield { id: i };
      }
    });
    expect(evenlySpread(rows, 4).map((row) => row.id)).toEqual([0, 250, 500, 750]);
    expect(made).toBe(751);
    expect(evenlySpread(rows, 4).map((row) => row.id)).toEqual(evenlySpread(numbers(1000), 4));
  });
});
