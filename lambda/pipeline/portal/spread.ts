/**
 * All of the items up to `limit`, else `limit` of them evenly spread over all: the i-th is item
 * ⌊i·n/limit⌋, so the selection reaches across every part of the data, keeps its order and is the
 * same for the same items. Takes rows made as they are iterated (`lazyRows`) too: only the chosen
 * ones are kept.
 */
/** The indices `evenlySpread` picks of `total` items: all up to `limit`, else ⌊i·total/limit⌋. */
export function spreadIndices(total: number, limit: number): number[] {
  if (total <= limit) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: limit }, (_, i) => Math.floor((i * total) / limit));
}

export function evenlySpread<T>(
  items: Iterable<T> & { readonly length: number },
  limit: number,
): readonly T[] {
  if (items.length <= limit) return Array.isArray(items) ? (items as readonly T[]) : Array.from(items);
  const picked: T[] = [];
  let index = 0;
  for (const item of items) {
    if (index === Math.floor((picked.length * items.length) / limit)) {
      picked.push(item);
      if (picked.length === limit) break;
    }
    index += 1;
  }
  return picked;
}
