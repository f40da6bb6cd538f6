/**
 * The portal's one way to put raw markup into a page (a test fails if `dangerouslySetInnerHTML`
 * appears anywhere else in lambda/), and its two uses.
 *
 * A JSON-LD block, whose content preact would otherwise escape as text (a `<script>` is raw text,
 * so `&quot;` would stay `&quot;` for a reader of the JSON). `<` is written as `\u003c` so that text
 * such as `</script>` from a report cannot end the block; U+2028/2029 are escaped for older
 * JavaScript parsers.
 */
export function JsonLdScript({ value }: { value: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(value) }} />;
}

/** The JSON text of a `<script type="application/ld+json">` block. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A `div` of markup written as strings: the report's text, whose figures' marks made as elements
 * (twenty for each figure) were most of the cost of its page. Every piece of text and every
 * attribute value in it goes through `escapeAsPreact`; the rest is fixed markup.
 */
export function EscapedMarkup({ className, markup }: { className: string; markup: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: markup }} />;
}

/**
 * Text escaped for element content and double-quoted attribute values exactly as preact-render-to-
 * string escapes them (`"`, `&` and `<`; no tag can start without `<`), so that a part of a page
 * written as strings reads byte for byte as preact would have written it.
 */
export function escapeAsPreact(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (char) => ENTITIES[char] as string) : text;
}

const NEEDS_ESCAPE = /["&<]/;
const ESCAPED = /["&<]/g;
const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', '<': '&lt;' };
