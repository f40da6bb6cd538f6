/**
 * The import graph between the rooms of the house, built from the source text alone (static
 * `import … from`, `export … from`, bare `import '…'` and `import('…')` of relative paths, read as
 * lambda/publish/import-specifiers.ts reads them for the code hashes), so that the architecture test
 * can say which arrows exist and which are forbidden. Pure: files in, findings out.
 */
import { posix } from 'node:path';
import { importSpecifiers } from '../../lambda/publish/import-specifiers.ts';

/** Room → room it imports → one import line that makes the arrow (`file:line: text`). */
export type ImportGraph = Map<string, Map<string, string>>;

/** A rule of the house: the arrows it forbids, and what it says of one. */
export interface ArrowRule {
  readonly name: string;
  forbids(from: string, to: string): boolean;
}

/**
 * The room of a file of the project: each folder of lambda/pipeline/ and of lambda/pipeline/extract/
 * is one, the files directly in lambda/pipeline/extract/ another; each other folder of lambda/ is
 * one, a file directly in lambda/ its own (`retry.ts`); lib/ and bin/ are one each.
 */
export function roomOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] === 'lib' || parts[0] === 'bin') return parts[0];
  if (parts[0] !== 'lambda' || parts.length < 2) return undefined;
  if (parts[1] !== 'pipeline') return parts[1];
  if (parts.length === 3) return 'pipeline';
  if (parts[2] === 'extract' && parts.length > 4) return `pipeline/extract/${parts[3]}`;
  return `pipeline/${parts[2]}`;
}

/** The relative specifiers a source imports, each with its 1-based line. */
function relativeImports(source: string): { specifier: string; line: number }[] {
  return importSpecifiers(source).filter(({ specifier }) => specifier.startsWith('.'));
}

/** The arrows between rooms of these files (path relative to the project root → source). */
export function importGraph(files: ReadonlyMap<string, string>): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const [path, source] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const from = roomOf(path);
    if (from === undefined) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    const lines = source.split('\n');
    for (const { specifier, line } of relativeImports(source)) {
      const to = roomOf(posix.normalize(posix.join(posix.dirname(path), specifier)));
      if (to === undefined || to === from) continue;
      const arrows = graph.get(from) as Map<string, string>;
      if (!arrows.has(to)) arrows.set(to, `${path}:${line}: ${lines[line - 1]?.trim()}`);
    }
  }
  return graph;
}

/**
 * Imports that reach into another room past its door: a file of `room` other than its index.ts,
 * for the rooms `doored` names. Each as `file:line: text`.
 */
export function sideDoors(files: ReadonlyMap<string, string>, doored: (room: string) => boolean): string[] {
  const found: string[] = [];
  for (const [path, source] of files) {
    const from = roomOf(path);
    if (from === undefined) continue;
    const lines = source.split('\n');
    for (const { specifier, line } of relativeImports(source)) {
      const target = posix.normalize(posix.join(posix.dirname(path), specifier));
      const to = roomOf(target);
      if (to === undefined || to === from || !doored(to) || posix.basename(target) === 'index.ts') continue;
      found.push(`${path}:${line}: ${lines[line - 1]?.trim()}`);
    }
  }
  return found.sort();
}

/** Every cycle between rooms, one per knot of rooms that reach each other, with the import line of each arrow. */
export function cycles(graph: ImportGraph): string[] {
  return knots(graph).map((knot) => {
    const path = shortestCycle(graph, knot);
    const arrows = path
      .slice(1)
      .map((to, i) => `  ${path[i]} → ${to}: ${graph.get(path[i] as string)?.get(to)}`);
    return [`cycle ${path.join(' → ')}`, ...arrows].join('\n');
  });
}

/** The arrows a rule forbids, each with the import line that makes it. */
export function violations(graph: ImportGraph, rule: ArrowRule): string[] {
  const found: string[] = [];
  for (const [from, arrows] of graph)
    for (const [to, evidence] of arrows)
      if (rule.forbids(from, to)) found.push(`${rule.name}: ${from} → ${to} (${evidence})`);
  return found.sort();
}

/** Strongly connected sets of two or more rooms (Tarjan), each in the graph's order. */
function knots(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (room: string): void => {
    index.set(room, index.size);
    low.set(room, index.get(room) as number);
    stack.push(room);
    for (const next of graph.get(room)?.keys() ?? []) {
      if (!index.has(next)) visit(next);
      if (stack.includes(next)) low.set(room, Math.min(low.get(room) as number, low.get(next) as number));
    }
    if (low.get(room) !== index.get(room)) return;
    const knot = stack.splice(stack.indexOf(room));
    if (knot.length > 1) found.push(knot);
  };
  for (const room of graph.keys()) if (!index.has(room)) visit(room);
  return found.map((knot) => [...graph.keys()].filter((room) => knot.includes(room)));
}

/** The shortest way from the knot's first room back to itself, within the knot (breadth first). */
function shortestCycle(graph: ImportGraph, knot: readonly string[]): string[] {
  const start = knot[0] as string;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const room = queue.shift() as string;
    for (const next of graph.get(room)?.keys() ?? []) {
      if (!knot.includes(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, room);
      if (next === start) queue.length = 0;
      else queue.push(next);
    }
  }
  const back: string[] = [];
  for (let room = cameFrom.get(start) as string; room !== start; room = cameFrom.get(room) as string)
    back.push(room);
  return [start, ...back.reverse(), start];
}
