/**
 * The folders of the house import one way: no cycle between rooms, the pipeline's stages each on the
 * ones below, the pipeline pure of every room with I/O, and the CDK half joined to the runtime half
 * only through lambda/contract. Read from the source, so a new import that breaks a rule fails here
 * with the line that made it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  type ArrowRule,
  cycles,
  importGraph,
  roomOf,
  sideDoors,
  violations,
} from '../support/import-graph.ts';
import { PROJECT_ROOT } from '../support/temp.ts';

/**
 * The pipeline's rooms from the bottom up: a room may import only the rooms above it in this list.
 * A new room must be placed here before its first import is allowed.
 */
const PIPELINE_ORDER = [
  'pipeline/lexicon', //          words and names every stage may look up
  'pipeline/report', //           what a report is: types, decode, meta, settings, errors
  'pipeline/structure', //        sections and paragraphs of the text
  'pipeline/extract/numbers', //  number tokens and units
  'pipeline/extract/labels', //   what a figure is called
  'pipeline/extract/rules', //    the extraction rules
  'pipeline/extract/tables', //   figures of tables
  'pipeline/extract/meaning', //  period, status and change of each figure
  'pipeline/extract', //          the figures of a report
  'pipeline/indicators', //       figures matched to indicators
  'pipeline/checks', //           checks of the figures
  'pipeline/datasets', //         the published tables
  'pipeline/formats', //          CSV, JSON, XLSX bytes
  'pipeline/metadata', //         Data Package, DCAT, feed, publication records
  'pipeline/portal', //           the HTML pages
  'pipeline/build', //            buildReport and buildSite compose the stages
] as const;

/** Rooms with I/O, which the pure pipeline must never reach. */
const IO_ROOMS = new Set(['stores', 'publish', 'serve', 'cli', 'handlers', 'fetch']);

const isPipeline = (room: string) => room === 'pipeline' || room.startsWith('pipeline/');
const isLambda = (room: string) => room !== 'lib' && room !== 'bin';
/** Rooms entered only through their index.ts, which says what the room is for and what it offers. */
const isDoored = (room: string) => isPipeline(room) || room === 'contract';
const level = (room: string) => PIPELINE_ORDER.indexOf(room as (typeof PIPELINE_ORDER)[number]);

const HOUSE_RULES: readonly ArrowRule[] = [
  {
    name: 'a pipeline room imports only the pipeline rooms below it',
    forbids: (from, to) => isPipeline(from) && isPipeline(to) && !(level(to) >= 0 && level(to) < level(from)),
  },
  {
    name: 'the pipeline imports no room with I/O',
    forbids: (from, to) => isPipeline(from) && IO_ROOMS.has(to),
  },
  {
    name: 'lib/ imports nothing of lambda/ but lambda/contract',
    forbids: (from, to) => from === 'lib' && isLambda(to) && to !== 'contract',
  },
  {
    name: 'lambda/contract imports nothing else of the project',
    forbids: (from) => from === 'contract',
  },
];

async function projectSources(): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const top of ['lambda', 'lib', 'bin']) {
    const names = await readdir(new URL(`${top}/`, PROJECT_ROOT), { recursive: true });
    for (const name of names.filter((n) => /\.(?:[cm]?[jt]sx?)$/.test(n)).sort()) {
      const path = `${top}/${name.split('\\').join('/')}`;
      sources.set(path, await readFile(new URL(path, PROJECT_ROOT), 'utf8'));
    }
  }
  return sources;
}

describe('the rooms of the house', async () => {
  const sources = await projectSources();
  const graph = importGraph(sources);

  it('reads the whole house', () => {
    expect(sources.size).toBeGreaterThan(150);
    expect([...graph.keys()]).toEqual(expect.arrayContaining(['lib', 'bin', 'contract', 'pipeline/report']));
  });

  it('places every pipeline room in the order', () => {
    const unplaced = [...graph.keys()].filter((room) => isPipeline(room) && level(room) < 0);
    expect(unplaced).toEqual([]);
  });

  it('has no cycle between rooms', () => {
    expect(cycles(graph).join('\n\n')).toBe('');
  });

  it.each(HOUSE_RULES.map((rule) => [rule.name, rule] as const))('%s', (_, rule) => {
    expect(violations(graph, rule)).toEqual([]);
  });

  it('enters the pipeline rooms and the contract only through their index.ts', () => {
    expect(sideDoors(sources, isDoored)).toEqual([]);
  });

  it('opens each doored room with a paragraph on what it is for', () => {
    const doors = [...sources].filter(([path]) => path.endsWith('/index.ts') && isDoored(roomOf(path) ?? ''));
    expect(doors.length).toBeGreaterThanOrEqual(PIPELINE_ORDER.length);
    for (const [path, source] of doors) expect(source, path).toMatch(/^\/\*\*\n(?: \* \S[^\n]*\n){3,}/);
  });
});

describe('the checks fail when they should', () => {
  const tiny = new Map([
    ['lambda/pipeline/report/report.ts', "import { outline } from '../structure/outline.ts';\n"],
    [
      'lambda/pipeline/structure/outline.ts',
      "import type { Report } from '../report/report.ts';\nexport { x } from '../report/x.ts';\n",
    ],
    ['lambda/pipeline/extract/numbers/tokens.ts', "const m = await import('../../../stores/store.ts');\n"],
    ['lambda/contract/index.ts', "export * from './keys.ts';\nimport '../serve/route.ts';\n"],
    [
      'lib/stack.ts',
      "import {\n  KEY,\n} from '../lambda/contract/index.ts';\nimport { s } from '../lambda/stores/s3.ts';\n",
    ],
    [
      'lambda/stores/s3.ts',
      "import { sha256Hex } from '../contract/index.ts';\n// import { no } from '../cli/x.ts';\n",
    ],
  ]);
  const graph = importGraph(tiny);

  it.each([
    ['lambda/pipeline/extract/numbers/tokens.ts', 'pipeline/extract/numbers'],
    ['lambda/pipeline/extract/figures.ts', 'pipeline/extract'],
    ['lambda/pipeline/build/build-site.ts', 'pipeline/build'],
    ['lambda/pipeline/x.ts', 'pipeline'],
    ['lambda/retry.ts', 'retry.ts'],
    ['lambda/contract/index.ts', 'contract'],
    ['lib/constructs/static-site.ts', 'lib'],
    ['bin/app.ts', 'bin'],
    ['tests/retry.test.ts', undefined],
  ])('%s is in room %s', (path, room) => {
    expect(roomOf(path)).toBe(room);
  });

  it('finds every arrow, with the line that makes it, and none in a comment', () => {
    expect(
      Object.fromEntries([...graph].map(([room, arrows]) => [room, Object.fromEntries(arrows)])),
    ).toEqual({
      'pipeline/extract/numbers': {
        stores:
          "lambda/pipeline/extract/numbers/tokens.ts:1: const m = await import('../../../stores/store.ts');",
      },
      'pipeline/report': {
        'pipeline/structure':
          "lambda/pipeline/report/report.ts:1: import { outline } from '../structure/outline.ts';",
      },
      'pipeline/structure': {
        'pipeline/report':
          "lambda/pipeline/structure/outline.ts:1: import type { Report } from '../report/report.ts';",
      },
      contract: { serve: "lambda/contract/index.ts:2: import '../serve/route.ts';" },
      lib: {
        contract: "lib/stack.ts:3: } from '../lambda/contract/index.ts';",
        stores: "lib/stack.ts:4: import { s } from '../lambda/stores/s3.ts';",
      },
      stores: { contract: "lambda/stores/s3.ts:1: import { sha256Hex } from '../contract/index.ts';" },
    });
  });

  it('names a cycle by its path and the import line of each arrow', () => {
    expect(cycles(graph)).toEqual([
      [
        'cycle pipeline/report → pipeline/structure → pipeline/report',
        "  pipeline/report → pipeline/structure: lambda/pipeline/report/report.ts:1: import { outline } from '../structure/outline.ts';",
        "  pipeline/structure → pipeline/report: lambda/pipeline/structure/outline.ts:1: import type { Report } from '../report/report.ts';",
      ].join('\n'),
    ]);
  });

  it('names each forbidden arrow under the rule it breaks', () => {
    expect(HOUSE_RULES.flatMap((rule) => violations(graph, rule))).toEqual([
      "a pipeline room imports only the pipeline rooms below it: pipeline/report → pipeline/structure (lambda/pipeline/report/report.ts:1: import { outline } from '../structure/outline.ts';)",
      "the pipeline imports no room with I/O: pipeline/extract/numbers → stores (lambda/pipeline/extract/numbers/tokens.ts:1: const m = await import('../../../stores/store.ts');)",
      "lib/ imports nothing of lambda/ but lambda/contract: lib → stores (lib/stack.ts:4: import { s } from '../lambda/stores/s3.ts';)",
      "lambda/contract imports nothing else of the project: contract → serve (lambda/contract/index.ts:2: import '../serve/route.ts';)",
    ]);
  });

  it('finds each import that passes a room by its side door', () => {
    expect(sideDoors(tiny, isDoored)).toEqual([
      "lambda/pipeline/report/report.ts:1: import { outline } from '../structure/outline.ts';",
      "lambda/pipeline/structure/outline.ts:1: import type { Report } from '../report/report.ts';",
      "lambda/pipeline/structure/outline.ts:2: export { x } from '../report/x.ts';",
    ]);
  });

  it('finds a cycle of three rooms and only the rooms in it', () => {
    const three = importGraph(
      new Map([
        ['lambda/a/a.ts', "import { b } from '../b/b.ts';\n"],
        ['lambda/b/b.ts', "import { c } from '../c/c.ts';\n"],
        ['lambda/c/c.ts', "import { a } from '../a/a.ts';\nimport { d } from '../d/d.ts';\n"],
        ['lambda/d/d.ts', ''],
      ]),
    );
    expect(cycles(three).map((cycle) => cycle.split('\n')[0])).toEqual(['cycle a → b → c → a']);
  });
});
