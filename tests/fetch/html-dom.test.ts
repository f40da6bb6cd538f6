import { describe, expect, it } from 'vitest';
import { elements, parseHtml, renderLines, textOf } from '../../lambda/fetch/html-dom.ts';

const nested = (tag: string, depth: number, inner: string) =>
  `<html><body>${`<${tag}>`.repeat(depth)}${inner}${`</${tag}>`.repeat(depth)}</body></html>`;

describe('walks over the parsed page', () => {
  it.each([5_000, 100_000])('%i nested <div>s: every element walked and the text rendered', (depth) => {
    const document = parseHtml(nested('div', depth, '全年调解纠纷152件。'));
    // html, head, body and the divs: parse5 keeps the whole depth, so only a loop can walk it.
    expect([...elements(document)]).toHaveLength(depth + 3);
    expect(renderLines(document)).toEqual(['全年调解纠纷152件。']);
    expect(textOf(document)).toBe('全年调解纠纷152件。');
  });

  it('walks in document order and renders blocks, <br> and cells as before', () => {
    const document = parseHtml(
      '<div id="a"><p id="b">一<br>二<span id="c">三</span></p><table><tr><td>四</td><td>五</td></tr></table></div>' +
        '<div hidden>六</div><script>七</script>',
    );
    const ids = [...elements(document)].map((e) => e.attrs.find((a) => a.name === 'id')?.value ?? e.tagName);
    expect(ids).toEqual([
      'html',
      'head',
      'body',
      'a',
      'b',
      'br',
      'c',
      'table',
      'tbody',
      'tr',
      'td',
      'td',
      'div',
      'script',
    ]);
    expect(renderLines(document)).toEqual(['一', '二三', '四\t五']);
  });
});
