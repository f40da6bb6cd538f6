/**
 * Random and hostile pages through what `fetch` does with a body: find its charset, take its main
 * text, read its links. Whatever the page (deep nesting, unclosed tags, stray bytes, scripts, huge
 * attributes), the answer is text or a FetchError, never another exception. `npm run fuzz` makes
 * more of them (OPENDATA_FUZZ_RUNS, OPENDATA_FUZZ_SEED).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FetchError } from '../../lambda/fetch/fetch-error.ts';
import { listingLinks } from '../../lambda/fetch/listing.ts';
import { pageText } from '../../lambda/fetch/page-text.ts';

const RUNS = Number(process.env.OPENDATA_FUZZ_RUNS ?? 80) * 4;
const SEED =
  process.env.OPENDATA_FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.OPENDATA_FUZZ_SEED ?? 20261201);
const DEPTH = RUNS > 320 ? 20_000 : 3_000;

const TAGS = [
  'div',
  'p',
  'span',
  'a href="/x/2025.html"',
  'table',
  'td',
  'b',
  'i',
  'script',
  'style',
  'title',
  'h1',
  'li',
];
const PIECES = [
  '青石镇2025年法治政府建设情况报告',
  '全年共受理矛盾纠纷12件，调解成功率100%。',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&#x0;',
  '&#xD800;',
  '<meta charset="gbk">',
  '<meta http-equiv="Content-Type" content="text/html; charset=x-unknown">',
  '\u0000',
  '\ufeff',
  `<a href="${'a'.repeat(5000)}">`,
  '<a href="javascript:alert(1)">链接</a>',
  '<a href="http://[">坏链接</a>',
  '</html>',
];

/** A nest of one tag `depth` deep around some text, opened and perhaps never closed. */
const nested = fc
  .tuple(fc.constantFrom(...TAGS), fc.integer({ min: 1, max: DEPTH }), fc.boolean())
  .map(([tag, depth, close]) => {
    const name = tag.split(' ')[0];
    return `${`<${tag}>`.repeat(depth)}报告正文${close ? `</${name}>`.repeat(depth) : ''}`;
  });

const soup = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.constantFrom(...TAGS.map((t) => `<${t}>`)),
      fc.string({ maxLength: 20 }),
    ),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(''));

const page = fc
  .tuple(fc.oneof(nested, soup), soup, fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }))))
  .map(([body, head, flip]) => {
    const bytes = new Uint8Array(
      Buffer.from(`<html><head>${head}</head><body>${body}</body></html>`, 'utf8'),
    );
    if (flip && bytes.length > 0) bytes[flip[0] % bytes.length] = flip[1];
    return bytes;
  });

describe('fetch on random and hostile pages', () => {
  it('takes text and links from every page or says why not, with a FetchError only', async () => {
    await fc.assert(
      fc.asyncProperty(
        page,
        fc.constantFrom('text/html', 'text/html; charset=gbk', 'text/html; charset=bogus'),
        async (bytes, type) => {
          try {
            const { text } = await pageText(type, bytes);
            expect(typeof text).toBe('string');
          } catch (error) {
            expect(error).toBeInstanceOf(FetchError);
          }
          const links = listingLinks(new TextDecoder().decode(bytes), 'https://www.example.gov.cn/list/');
          for (const link of links) expect(() => new URL(link.href)).not.toThrow();
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  }, 0);
});
