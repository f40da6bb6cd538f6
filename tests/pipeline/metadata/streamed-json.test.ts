import { describe, expect, it } from 'vitest';
import { streamedJson } from '../../../lambda/pipeline/metadata/streamed-json.ts';

/** What the pieces must add up to: the whole document stringified at once. */
function whole(head: Record<string, unknown>, key: string, items: unknown[]): string {
  return `${JSON.stringify({ ...head, [key]: items }, null, 2)}\n`;
}

describe('streamedJson', () => {
  const items = [
    { title: 'a "quoted"\nline', nested: { list: [1, 2, { deep: [] }], empty: {} } },
    { title: '\u0000streamed array\u0000', path: '  "sources": "x"' },
    'a string item',
    42,
  ];

  it('gives the bytes of JSON.stringify(document, null, 2) for an array in the middle, last, or alone', () => {
    const head = { name: 'x', sources: [], resources: [{ a: 1 }] };
    expect([...streamedJson(head, 'sources', items)].join('')).toBe(whole(head, 'sources', items));
    const last = { '@id': 'c', 'dcat:dataset': [] };
    expect([...streamedJson(last, 'dcat:dataset', items)].join('')).toBe(whole(last, 'dcat:dataset', items));
    expect([...streamedJson({}, 'only', items)].join('')).toBe(whole({}, 'only', items));
  });

  it('writes an empty array as JSON.stringify does', () => {
    const head = { before: true, list: [], after: 'z' };
    expect([...streamedJson(head, 'list', [])].join('')).toBe(whole(head, 'list', []));
  });

  it('makes each item only when it is reached', () => {
    let made = 0;
    function* counted() {
      for (const item of items) {
        made += 1;
        yield item;
      }
    }
    const pieces = streamedJson({ list: [] }, 'list', counted());
    pieces.next();
    expect(made).toBe(0);
    pieces.next();
    expect(made).toBe(1);
  });
});
