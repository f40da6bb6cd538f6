/**
 * Bytes of a report file → its text. Accepts UTF-8 (with or without BOM), UTF-16 LE/BE with a
 * BOM and GB18030/GBK; rejects everything else with a ReportError. The text is returned exactly
 * as decoded (minus the BOM) because every downstream offset indexes it.
 */
import { ReportError } from './errors.ts';

const BLANK = /^\s*$/u;
/** Where an HTML page gives itself away; only the first characters are looked at. */
const HTML_START =
  /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<(?:!doctype\s+)?html)/i;
const HTML_SNIFF_CHARS = 1024;

export function decodeReport(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new ReportError(file, 'is empty');
  // A file saved twice with a BOM starts with another U+FEFF: written into source.txt it would read as
  // a BOM, which every UTF-8 reader drops, and each offset would be one off. It is never report text.
  const text = decodeBytes(bytes, file).replace(/^\ufeff+/, '');
  if (BLANK.test(text)) throw new ReportError(file, 'is empty (only whitespace)');
  if (HTML_START.test(text.slice(0, HTML_SNIFF_CHARS))) {
    throw new ReportError(file, 'is an HTML page, not report text (save the text of the page instead)');
  }
  rejectControlCharacters(text, file);
  return text;
}

function decodeBytes(bytes: Uint8Array, file: string): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return strictDecode('utf-8', bytes.subarray(3), file);
  if (startsWith(bytes, [0xff, 0xfe])) return strictDecode('utf-16le', bytes.subarray(2), file);
  if (startsWith(bytes, [0xfe, 0xff])) return strictDecode('utf-16be', bytes.subarray(2), file);
  if (bytes.indexOf(0) !== -1) throw new ReportError(file, 'is binary (contains NUL bytes), not report text');
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return utf8;
  const scan = scanUtf8(bytes);
  if (scan.validMultibyte > scan.invalid) {
    throw new ReportError(
      file,
      `is not valid UTF-8 (bad byte ${hex(scan.firstBadByte)} at byte ${scan.firstBad})`,
    );
  }
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null && looksLikeChineseText(gb) && mostlyGb2312(bytes)) return gb;
  throw new ReportError(
    file,
    'cannot be decoded: it is neither UTF-8 nor GB18030/GBK text (Shift_JIS, Big5 and other encodings are not read: save it as UTF-8)',
  );
}

/**
 * GB18030 also "decodes" Shift_JIS and Big5 bytes, into rare characters. Chinese prose in GBK is
 * written almost only in GB2312's double-byte block (lead 0xA1–0xF7, trail 0xA1–0xFE: every common
 * character and punctuation mark); Shift_JIS kana lead with 0x81–0x9F and Big5 trails half the time
 * with 0x40–0x7E, both outside it. Names with rarer characters (GBK's extension blocks) leave
 * room below 100%; four-byte sequences, which neither of those encodings makes, do not count.
 */
function mostlyGb2312(bytes: Uint8Array): boolean {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] ?? 0;
    const next = bytes[i + 1] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    if (next >= 0x30 && next <= 0x39) {
      // A four-byte GB18030 sequence (rare characters, CJK extensions): neither encoding above makes one.
      i += 4;
      continue;
    }
    pairs++;
    if (lead >= 0xa1 && lead <= 0xf7 && next >= 0xa1 && next <= 0xfe) common++;
    i += 2;
  }
  return common >= pairs * 0.9;
}

function strictDecode(encoding: string, bytes: Uint8Array, file: string): string {
  const text = tryDecode(encoding, bytes);
  if (text === null)
    throw new ReportError(
      file,
      `starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}`,
    );
  return text;
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM keeps a BOM in the output; callers strip the one they detected before calling.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

interface Utf8Scan {
  validMultibyte: number;
  invalid: number;
  firstBad: number;
  firstBadByte: number;
}

/**
 * Counts well-formed multi-byte UTF-8 sequences against bytes that break UTF-8, so that a UTF-8
 * file with a few broken bytes is reported as broken UTF-8 rather than misread as GB18030.
 */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { validMultibyte: 0, invalid: 0, firstBad: -1, firstBadByte: 0 };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (
      length > 0 &&
      i + length <= bytes.length &&
      secondByteAllowed(b, bytes[i + 1] ?? 0) &&
      continuationBytes(bytes, i + 1, i + length)
    ) {
      scan.validMultibyte++;
      i += length;
      continue;
    }
    if (scan.firstBad === -1) {
      scan.firstBad = i;
      scan.firstBadByte = b;
    }
    scan.invalid++;
    i++;
  }
  return scan;
}

/**
 * The second byte's narrower ranges (RFC 3629): no overlong forms (E0, F0), no UTF-16 surrogates
 * encoded as UTF-8 (ED A0–BF, as CESU-8 writes them), nothing above U+10FFFF (F4).
 */
function secondByteAllowed(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0;
  if (lead === 0xed) return second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90;
  if (lead === 0xf4) return second <= 0x8f;
  return true;
}

function continuationBytes(bytes: Uint8Array, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (((bytes[j] ?? 0) & 0xc0) !== 0x80) return false;
  return true;
}

/**
 * GB18030 decodes almost any byte soup, so a decode is kept only if it reads like Chinese prose:
 * nearly all characters are common CJK, ASCII or CJK/full-width punctuation.
 */
function looksLikeChineseText(text: string): boolean {
  let common = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    if (isCommonCharacter(ch.codePointAt(0) ?? 0)) common++;
  }
  return common >= total * 0.95;
}

function isCommonCharacter(c: number): boolean {
  return (
    (c >= 0x20 && c < 0x7f) ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0xb7 ||
    (c >= 0x2010 && c <= 0x206f) ||
    (c >= 0x2460 && c <= 0x24ff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x20000 && c <= 0x3ffff)
  );
}

/** Text with a noticeable share of C0 control characters (other than tab, CR, LF, FF) is binary. */
function rejectControlCharacters(text: string, file: string): void {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0)
      controls++;
  }
  if (controls > 0 && controls >= Math.max(4, text.length * 0.005)) {
    throw new ReportError(file, `is binary (${controls} control characters), not report text`);
  }
}
