/**
 * The portal's one way to put raw markup into a page, and its one use: a JSON-LD block, whose
 * content preact would otherwise escape as text (a `<script>` is raw text, so `&quot;` would stay
 * `&quot;` for a reader of the JSON). `<` is written as `\u003c` so that text such as `</script>`
 * from a report cannot end the block; U+2028/2029 are escaped for older JavaScript parsers. A test
 * fails if `dangerouslySetInnerHTML` appears anywhere else in lambda/.
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
