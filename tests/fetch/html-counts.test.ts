import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { countElements, isInside } from '../../lambda/fetch/html-counts.ts';
import { type Element, elements, isHidden, parseHtml, textOf } from '../../lambda/fetch/html-dom.ts';

const fixture = (name: string) => readFile(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const chars = (text: string) => text.replace(/\s/g, '').length;

describe('countElements', () => {
  it.each(['trs-page.html.txt', 'table-layout.html.txt'])(
    '%s: one pass gives what rendering each element on its own gives',
    async (name) => {
      const document = parseHtml(await fixture(name));
      const counts = countElements(document);
      for (const element of elements(document)) {
        const links = [...elements(element)].filter((e) => e.tagName === 'a');
        expect(counts.get(element)).toEqual({
          order: expect.any(Number),
          elements: [...elements(element)].length,
          chars: isHidden(element) ? 0 : chars(textOf(element)),
          linkedChars: links.reduce((sum, a) => sum + chars(textOf(a)), 0),
        });
      }
    },
  );

  it('says which element lies inside which, at any depth', () => {
    const document = parseHtml(
      `<div id="outer">${'<div>'.repeat(100_000)}<p id="deep">x</p>${'</div>'.repeat(100_000)}</div><p id="after">y</p>`,
    );
    const counts = countElements(document);
    const byId = new Map<string, Element>();
    for (const element of elements(document))
      for (const { name, value } of element.attrs) if (name === 'id') byId.set(value, element);
    const inside = (a: string, b: string) => isInside(counts, byId.get(a) as Element, byId.get(b) as Element);
    expect([
      inside('outer', 'deep'),
      inside('outer', 'after'),
      inside('deep', 'outer'),
      inside('outer', 'outer'),
    ]).toEqual([true, false, false, false]);
    expect(counts.get(byId.get('outer') as Element)).toMatchObject({
      elements: 100_002,
      chars: 1,
      linkedChars: 0,
    });
  });
});
