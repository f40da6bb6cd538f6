/**
 * The modules a source file imports, read from its text alone: static `import … from`, `export …
 * from`, bare `import '…'` and `import('…')` of a literal. One reading shared by the code hashes of
 * the result cache (code-hashes.ts) and the architecture test's import graph, so that what one
 * follows the other checks. Pure: text in, specifiers out. A line inside a template string that
 * looks like an import is read as one; an `import()` of anything but a literal is not seen, nor one
 * in a comment (a line that opens with `*`, `/*` or `//`, or has `//` before it).
 */

/** One imported module: the specifier as written, its 1-based line, and whether only types come of it. */
export interface ImportSpecifier {
  readonly specifier: string;
  readonly line: number;
  /** `import type …` or `export type …`: erased when the code runs. */
  readonly typeOnly: boolean;
}

const STATIC_IMPORT = /^[ \t]*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module the source imports, in the order they appear. */
export function importSpecifiers(source: string): ImportSpecifier[] {
  const found: { specifier: string; at: number; typeOnly: boolean }[] = [];
  for (const match of source.matchAll(STATIC_IMPORT)) {
    const specifier = match[2] as string;
    found.push({ specifier, at: startOf(match, specifier), typeOnly: match[1] !== undefined });
  }
  for (const match of source.matchAll(DYNAMIC_IMPORT)) {
    const specifier = match[1] as string;
    if (inComment(source, match.index ?? 0)) continue;
    found.push({ specifier, at: startOf(match, specifier), typeOnly: false });
  }
  found.sort((a, b) => a.at - b.at);
  let line = 1;
  let counted = 0;
  return found.map(({ specifier, at, typeOnly }) => {
    for (let i = source.indexOf('\n', counted); i !== -1 && i < at; i = source.indexOf('\n', i + 1)) line++;
    counted = at;
    return { specifier, line, typeOnly };
  });
}

/** Where the specifier of a match starts in the source. */
function startOf(match: RegExpExecArray, specifier: string): number {
  return (match.index ?? 0) + match[0].lastIndexOf(specifier);
}

/** Whether a position is in a comment: on a line of a block comment, or after `//` on its line. */
function inComment(source: string, position: number): boolean {
  const before = source.slice(source.lastIndexOf('\n', position - 1) + 1, position);
  return /^\s*(?:\*|\/\*)/.test(before) || before.includes('//');
}
