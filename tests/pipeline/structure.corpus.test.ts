/**
 * parseStructure over the shared development corpus and the 31 long reports, read at test time
 * (they are not copied into the project): invariants for every file, title facts against the
 * manifests.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStructure } from '../../lambda/pipeline/structure.ts';
import type { ReportStructure, Span } from '../../lambda/pipeline/types.ts';

const SHARED = new URL('../../../shared/', import.meta.url);

interface ManifestRow {
  dir: string;
  file: string;
  title: string;
  year: number;
  /** The province for long reports; '' for the corpus. */
  province: string;
  /** fazhi, gongzuo, tongji for the corpus; '' for the long reports (all 政府工作报告). */
  genre: string;
}

function readManifest(dir: string): ManifestRow[] {
  const [header, ...rows] = readFileSync(new URL(`${dir}/MANIFEST.tsv`, SHARED), 'utf8')
    .trim()
    .split('\n');
  const columns = (header ?? '').split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    const cell = (name: string) => cells[columns.indexOf(name)] ?? '';
    return {
      dir,
      file: cell('file'),
      title: cell('title'),
      year: Number(cell('year')),
      province: cell('province'),
      genre: cell('genre'),
    };
  });
}

const ROWS = [...readManifest('corpus'), ...readManifest('long')];
const parsed = ROWS.map((row) => {
  const text = readFileSync(new URL(`${row.dir}/${row.file}`, SHARED), 'utf8');
  return { row, text, structure: parseStructure(text) };
});

/** The manifest's title without its editorial brackets: `[某某街…报告](某某区;据正文拟定)`. */
function manifestTitle(title: string): string {
  return title.replace(/\(.*?\)$/u, '').replace(/^\[|\]$/gu, '');
}

function expectOrderedInside(spans: Span[], length: number, disjoint: boolean): void {
  let previous = { start: 0, end: 0 };
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeLessThanOrEqual(length);
    expect(span.start).toBeLessThanOrEqual(span.end);
    expect(span.start).toBeGreaterThanOrEqual(disjoint ? previous.end : previous.start);
    previous = span;
  }
}

function expectSentencesCoverText(text: string, structure: ReportStructure): void {
  const covered = new Uint8Array(text.length);
  for (const { start, end } of structure.sentences) covered.fill(1, start, end);
  for (let i = 0; i < text.length; i++) {
    if (covered[i] === 0 && !/\s/u.test(text.charAt(i))) throw new Error(`character ${i} is in no sentence`);
  }
  for (const { start, end } of structure.sentences) {
    expect(/^\s|\s$/u.test(text.slice(start, end))).toBe(false);
  }
}

function expectConsistentHeadings(structure: ReportStructure): void {
  const stack: string[][] = [];
  for (const heading of structure.headings) {
    expect(heading.level).toBeGreaterThanOrEqual(1);
    expect(heading.path.length).toBeLessThanOrEqual(heading.level);
    expect(heading.path.at(-1)).toBe(`${heading.marker}${heading.title}`);
    const parent = heading.path.slice(0, -1);
    expect(stack.some((path) => path.join('\n') === parent.join('\n')) || parent.length === 0).toBe(true);
    stack.push(heading.path);
    expect(heading.start).toBeGreaterThanOrEqual(structure.titleSpan.end);
    expect(heading.end).toBeLessThanOrEqual(structure.footerStart);
  }
}

describe.each(parsed)('$row.dir/$row.file', ({ row, text, structure }) => {
  it('has spans inside the text, in order', () => {
    expectOrderedInside(structure.paragraphs, text.length, true);
    expectOrderedInside(structure.sentences, text.length, true);
    expectOrderedInside(structure.headings, text.length, true);
    expectOrderedInside([structure.titleSpan], text.length, true);
    expect(structure.footerStart).toBeLessThanOrEqual(text.length);
    expect(structure.footerStart).toBeGreaterThanOrEqual(structure.titleSpan.end);
  });

  it('puts every non-blank character in exactly one sentence', () => {
    expectSentencesCoverText(text, structure);
  });

  it('has a consistent heading tree with level-1 sections', () => {
    expectConsistentHeadings(structure);
    expect(structure.headings.some((heading) => heading.level === 1)).toBe(true);
  });

  it("has the manifest's year", () => {
    expect(structure.titleInfo.year).toBe(row.year);
  });

  it('has an entity the manifest title agrees with', () => {
    const { entity } = structure.titleInfo;
    const title = manifestTitle(row.title);
    if (row.province !== '' && title.includes(row.province)) expect(entity).toBe(row.province);
    if (row.province === '') expect(entity.length).toBeGreaterThanOrEqual(2);
    expect(title).toContain(entity);
  });
});

/** What the kind of each genre says, whatever else its title adds. */
const GENRE_KIND: Record<string, RegExp> = {
  fazhi: /法治政府建设/u,
  gongzuo: /工作总结|工作报告/u,
  tongji: /统计公报/u,
  '': /政府工作报告/u,
};

describe.each(parsed)('metadata of $row.dir/$row.file', ({ row, structure }) => {
  const title = manifestTitle(row.title);
  const { entity, kind, year } = structure.titleInfo;

  it('has the entity at the head of the title (before or after the year)', () => {
    expect(title.startsWith(entity) || title.startsWith(`${year}年${entity}`)).toBe(true);
  });

  it("has a kind of the manifest's genre, written in the title after the year", () => {
    expect(kind).toMatch(GENRE_KIND[row.genre] ?? /.^/u);
    expect(title.endsWith(kind)).toBe(true);
    expect(title.indexOf(kind)).toBeGreaterThan(title.indexOf(`${row.year}`));
  });
});

it('prints what the title parse gives against the manifest', () => {
  const table = parsed.map(({ row, structure }) => {
    const { entity, year, kind } = structure.titleInfo;
    return `${row.file.padEnd(36)} ${String(year).padEnd(5)} ${entity.padEnd(9, '\u3000')} ${kind.padEnd(14, '\u3000')} ← ${row.title}`;
  });
  console.log(table.join('\n'));
  expect(table).toHaveLength(ROWS.length);
});
