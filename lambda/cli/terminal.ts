/**
 * Text from files and buckets (file names, titles, version ids from a manifest) is shown to a
 * terminal, which would obey the control characters in it: an escape sequence in a file name could
 * recolour, clear or retitle the screen, and a bidi override could make a line read as another.
 * Such characters are shown as escapes instead (`\x1b`, `\u202e`); a tab and the line's own end stay.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is matched.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
