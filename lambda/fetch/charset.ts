/**
 * The character set of a fetched page, in the order HTML gives them precedence: a byte order mark,
 * the Content-Type header, then `<meta charset>` / `<meta http-equiv="Content-Type">` near the top.
 * GBK and GB2312 are decoded as GB18030, their superset (as browsers do).
 */

/** How far into the page a `<meta>` charset is looked for. The HTML spec says 1024; real pages bury it. */
const META_SNIFF_BYTES = 4096;
const GB_FAMILY = new Set(['gbk', 'gb2312', 'gb_2312-80', 'gb18030', 'x-gbk', 'csgb2312', 'cp936', 'euc-cn']);

/** `text/html; charset="GBK"` → `gbk`, or null when the header names none. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1] ? match[1].toLowerCase() : null;
}

/** The charset a `<meta>` near the top of the page declares, or null. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_SNIFF_BYTES));
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag[0]);
    if (direct?.[1]) return direct[1].toLowerCase();
  }
  return null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** A label TextDecoder knows, normalised: the GB family becomes gb18030; unknown labels become null. */
function normalizeCharset(label: string | null): string | null {
  if (label === null) return null;
  const lower = label.toLowerCase();
  if (GB_FAMILY.has(lower)) return 'gb18030';
  try {
    return new TextDecoder(lower).encoding;
  } catch {
    return null;
  }
}

/** The charset to decode with: BOM, header, `<meta>`, then UTF-8 if the bytes are valid UTF-8, else GB18030. */
export function detectCharset(contentType: string | undefined, bytes: Uint8Array, sniffMeta = true): string {
  const declared =
    bomCharset(bytes) ??
    normalizeCharset(charsetFromContentType(contentType)) ??
    (sniffMeta ? normalizeCharset(charsetFromMeta(bytes)) : null);
  if (declared !== null) return declared;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Decodes with the detected charset; the BOM is dropped. Bad bytes become U+FFFD rather than failing. */
export function decodePage(contentType: string | undefined, bytes: Uint8Array, sniffMeta = true): string {
  return new TextDecoder(detectCharset(contentType, bytes, sniffMeta)).decode(bytes);
}
