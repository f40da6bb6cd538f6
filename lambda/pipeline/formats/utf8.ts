/**
 * Text as UTF-8 bytes, the same bytes as `TextEncoder.encode` gives (a lone surrogate becomes
 * U+FFFD in both), written with `encodeInto` into a buffer used again and copied out at its size:
 * a third less time than `encode` on the tens of kilobytes of Chinese a report's page and shares
 * are, each of which is encoded once a report. Text longer than the buffer may grow to is encoded
 * as `encode` does it, so the buffer never holds more than a few megabytes.
 */
const encoder = new TextEncoder();
const MOST_KEPT = 8 * 1024 * 1024;
let scratch = new Uint8Array(256 * 1024);

export function utf8(text: string): Uint8Array {
  // UTF-8 takes at most 3 bytes for each UTF-16 code unit.
  const most = text.length * 3;
  if (most > MOST_KEPT) return encoder.encode(text);
  if (scratch.byteLength < most)
    scratch = new Uint8Array(Math.min(MOST_KEPT, Math.max(most, 2 * scratch.byteLength)));
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.slice(0, written);
}
