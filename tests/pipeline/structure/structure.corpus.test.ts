/**
 * parseStructure over the development corpus (tests/fixtures/corpus) and the 31 provincial work
 * reports shipped in data/reports: invariants for every file, title facts against the corpus
 * manifest and the reports' sidecars.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReportStructure, Span } from '../../../lambda/pipeline/report/types.ts';
import { parseStructure } from '../../../lambda/pipeline/structure/structure.ts';
import { CORPUS, PROJECT_ROOT } from '../../support/temp.ts';

const REPORTS = new URL('data/reports/', PROJECT_ROOT);

interface ManifestRow {
  dir: 'corpus' | 'reports';
  file: string;
  title: string;
  year: number;
  /** The province, for a provincial report; '' for the other corpus texts. */
  province: string;
  /** fazhi, gongzuo, tongji, baogao (政府工作报告). */
  genre: string;
}

/** `2026年河北省政府工作报告(…;节选)` → 河北省: the province a provincial report's title names. */
const PROVINCE_IN_TITLE = /^\d{4}年(\p{Script=Han}{2,8}?(?:自治区|省|市))/u;

function readManifest(): ManifestRow[] {
  const [header, ...rows] = readFileSync(new URL('MANIFEST.tsv', CORPUS), 'utf8').trim().split('\n');
  const columns = (header ?? '').split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    const cell = (name: string) => cells[columns.indexOf(name)] ?? '';
    const province = cell('level') === 'province' ? (PROVINCE_IN_TITLE.exec(cell('title'))?.[1] ?? '?') : '';
    return {
      dir: 'corpus',
      file: cell('file'),
      title: cell('title'),
      year: Number(cell('year')),
      province,
      genre: cell('genre'),
    };
  });
}

/** The shipped work reports, as their sidecars describe them (chosen by kind, not listed by hand). */
function readSidecars(): ManifestRow[] {
  return readdirSync(REPORTS)
    .filter((name) => name.endsWith('.meta.json'))
    .map((name) => ({ name, meta: JSON.parse(readFileSync(new URL(name, REPORTS), 'utf8')) }))
    .filter(({ meta }) => meta.kind === '政府工作报告')
    .map(({ name, meta }) => ({
      dir: 'reports',
      file: name.replace(/\.meta\.json$/, '.txt'),
      title: meta.title,
      year: meta.year,
      province: meta.entity,
      genre: 'baogao',
    }));
}

const ROWS = [...readManifest(), ...readSidecars()];
const parsed = ROWS.map((row) => {
  const text = readFileSync(new URL(row.file, row.dir === 'corpus' ? CORPUS : REPORTS), 'utf8');
  return { row, text, structure: parseStructure(text) };
});

it('reads the 12 corpus texts and the 31 shipped work reports', () => {
  expect(ROWS.filter((row) => row.dir === 'corpus')).toHaveLength(12);
  expect(ROWS.filter((row) => row.dir === 'reports')).toHaveLength(31);
  expect(ROWS.filter((row) => row.province === '?')).toEqual([]);
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

  it('has the province of a provincial report, else an entity the manifest title names', () => {
    const { entity } = structure.titleInfo;
    if (row.province !== '') expect(entity).toBe(row.province);
    else {
      expect(entity.length).toBeGreaterThanOrEqual(2);
      expect(manifestTitle(row.title)).toContain(entity);
    }
  });
});

/** What the kind of each genre says, whatever else its title adds. */
const GENRE_KIND: Record<string, RegExp> = {
  fazhi: /法治政府建设/u,
  gongzuo: /工作总结|工作报告/u,
  tongji: /统计公报/u,
  baogao: /政府工作报告/u,
};

describe.each(parsed)('metadata of $row.dir/$row.file', ({ row, structure }) => {
  const title = manifestTitle(row.title);
  const { entity, kind, year } = structure.titleInfo;

  it('has the entity at the head of the title (before or after the year), when the title names one', () => {
    const named = title.startsWith(entity) || title.startsWith(`${year}年${entity}`);
    // A title of the year and kind alone (2026年政府工作报告) names none.
    expect(named || title === `${row.year}年${kind}`).toBe(true);
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
