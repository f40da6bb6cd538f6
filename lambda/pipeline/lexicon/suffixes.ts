/**
 * Word lists looked up by the end of a string: the words are filed by their last character, so a
 * lookup reads one character and tries the few words ending with it, longest first. The clause
 * before every figure is read so, several times; a RegExp anchored at `$` would be tried from every
 * position of it, and a loop of endsWith over each list costs as much as the rest of the extractor.
 */
export class Suffixes<T> {
  /** Per UTF-16 code, 1 + the index in `lists` of the words ending with it; 0 for none. */
  private readonly listOf = new Uint8Array(0x10000);
  private readonly lists: Array<Array<readonly [string, T]>> = [];

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const entry of entries) {
      const last = entry[0].charCodeAt(entry[0].length - 1);
      if (this.listOf[last] === 0) this.listOf[last] = this.lists.push([]);
      const list = this.lists[(this.listOf[last] as number) - 1] as Array<readonly [string, T]>;
      list.push(entry);
      list.sort((a, b) => b[0].length - a[0].length);
    }
  }

  /** A list of words, each standing for itself. */
  static of(words: readonly string[]): Suffixes<string> {
    return new Suffixes(words.map((word) => [word, word] as const));
  }

  /** The longest word `s` ends with (before `end`) and what it stands for; undefined when none. */
  find(s: string, end = s.length): { word: string; value: T } | undefined {
    // Past either end of `s` (end 0), charCodeAt gives NaN, which indexes nothing.
    const index = this.listOf[s.charCodeAt(end - 1)];
    if (!index) return undefined;
    const list = this.lists[index - 1] as Array<readonly [string, T]>;
    for (const [word, value] of list)
      if (end >= word.length && s.startsWith(word, end - word.length)) return { word, value };
    return undefined;
  }

  /** Whether `s` ends with one of the words. */
  ends(s: string, end = s.length): boolean {
    return this.find(s, end) !== undefined;
  }
}
