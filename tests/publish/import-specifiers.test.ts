/**
 * The one reading of a source file's imports that the code hashes follow and the architecture test
 * checks: every form of import, relative or bare, with its line and whether it brings only types,
 * and none that only a comment mentions.
 */
import { describe, expect, it } from 'vitest';
import { importSpecifiers } from '../../lambda/publish/import-specifiers.ts';

describe('the imports of a source file', () => {
  it('reads every form, in order, with its line', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b/index.ts';",
      'import {',
      '  c,',
      '  type C,',
      "} from 'csv-stringify/sync';",
      "export { d } from './d.ts';",
      "export type { E } from '@scope/e';",
      "export * from './f.ts';",
      "import './side-effect.ts';",
      "import data from '../../data/site.json' with { type: 'json' };",
      "const lazy = await import('unpdf');",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual([
      { specifier: './a.ts', line: 1, typeOnly: false },
      { specifier: '../b/index.ts', line: 2, typeOnly: true },
      { specifier: 'csv-stringify/sync', line: 6, typeOnly: false },
      { specifier: './d.ts', line: 7, typeOnly: false },
      { specifier: '@scope/e', line: 8, typeOnly: true },
      { specifier: './f.ts', line: 9, typeOnly: false },
      { specifier: './side-effect.ts', line: 10, typeOnly: false },
      { specifier: '../../data/site.json', line: 11, typeOnly: false },
      { specifier: 'unpdf', line: 12, typeOnly: false },
    ]);
  });

  it('reads none that a comment mentions', () => {
    const source = [
      '/**',
      " * Read lazily, with `import('unpdf')`: import { x } from './doc.ts'",
      ' */',
      "// import { y } from './line.ts';",
      "const z = 1; // then import('./after.ts')",
      "  /* import('./block.ts') */",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual([]);
  });
});
