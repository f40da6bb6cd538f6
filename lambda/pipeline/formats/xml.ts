/**
 * Characters XML 1.0 cannot hold at all, not even as a character reference: the C0 controls but
 * tab, LF and CR; U+FFFE and U+FFFF; and UTF-16 surrogates that are not part of a pair. A report
 * may contain them (a form feed, a vertical tab); every XML the site writes drops them, or its
 * readers would refuse the whole file.
 */
const XML_FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what XML 1.0 forbids.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function withoutXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}
