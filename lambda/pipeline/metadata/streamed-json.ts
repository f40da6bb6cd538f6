/**
 * JSON documents with one array of an item a report (the DCAT catalog's datasets, the data package's
 * sources), written piece by piece: at 50,000 reports the catalog is 135 MB of text, and holding its
 * object tree, its string and its bytes at once took hundreds of megabytes. The pieces are exactly
 * the bytes `JSON.stringify(value, null, 2)` gives for the whole document, the array's items
 * stringified one at a time.
 */

/** Stands in for the streamed array while the rest of the document is stringified. */
const PLACEHOLDER = '\u0000streamed array\u0000';

/**
 * `JSON.stringify(document, null, 2)` followed by a newline, as pieces of text, where `document` is
 * `head` with `key` (a key of `head` itself, not of a nested object) set to the array of `items`.
 * Each item is stringified when it is reached, so only one is ever held.
 */
export function* streamedJson(
  head: Record<string, unknown>,
  key: string,
  items: Iterable<unknown>,
): Generator<string> {
  const text = JSON.stringify({ ...head, [key]: PLACEHOLDER }, null, 2);
  const marker = `\n  ${JSON.stringify(key)}: ${JSON.stringify(PLACEHOLDER)}`;
  const at = text.indexOf(marker);
  // Found once: a string holds no raw newline, so only the document's own key starts a line this way.
  if (at < 0) throw new Error(`streamedJson: "${key}" was not found in the document`);
  const valueAt = at + marker.length - JSON.stringify(PLACEHOLDER).length;
  yield text.slice(0, valueAt);
  let first = true;
  for (const item of items) {
    yield `${first ? '[\n' : ',\n'}    ${JSON.stringify(item, null, 2).replaceAll('\n', '\n    ')}`;
    first = false;
  }
  yield first ? '[]' : '\n  ]';
  yield `${text.slice(at + marker.length)}\n`;
}
