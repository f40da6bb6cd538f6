/**
 * A lexicon entry is a plain string of its member characters; these turn one into the forms the
 * extractor tests characters with: the body of a RegExp character class, a Set of characters,
 * and a table by UTF-16 code for the hot loops (a typed-array lookup beats a Set or a regex class).
 */

/** Characters with a meaning inside `[...]` (and `/`, which would end a literal that quoted the body). */
const CLASS_SYNTAX = /[\\\][^\-/]/g;

/** `chars` as the body of a RegExp character class: `new RegExp(`[${classOf(SENTENCE_ENDS)}]`, 'u')`. */
export function classOf(chars: string): string {
  return chars.replace(CLASS_SYNTAX, (ch) => `\\${ch}`);
}

/** The members of `chars`, to test one-character strings with. */
export function charSetOf(chars: string): ReadonlySet<string> {
  return new Set(chars);
}

/** 1 at the UTF-16 code of each member of `chars`, 0 elsewhere. */
export function codeTableOf(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/** `words` as a non-capturing alternation, escaped, in the order given (the regex tries them so). */
export function alternationOf(words: readonly string[]): string {
  return `(?:${words.map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, (ch) => `\\${ch}`)).join('|')})`;
}
