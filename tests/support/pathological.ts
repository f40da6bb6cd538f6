/**
 * Reports of pathological shapes (#13), made from the project's own texts and grown by a size n:
 * inputs under every limit that once cost time or output quadratic in them. Shared by
 * tests/pipeline/report-cost.test.ts (work counted, output measured) and bench/shapes.ts (timed).
 */
import { readFileSync } from 'node:fs';

// Not from ./temp.ts, which imports vitest: the benchmark reads these shapes too.
const ROOT = new URL('../../', import.meta.url);
const SEED = new URL('data/reports/xiaowangzhuang-2023.txt', ROOT);
const CORPUS = new URL('tests/fixtures/corpus/', ROOT);

const seed = readFileSync(SEED, 'utf8');
const TITLE = '青石镇2024年法治政府建设情况报告\n';
/** The seed's body: between its title line and its footer (主办单位…). */
const SEED_BODY = seed.slice(seed.indexOf('\n') + 1, seed.indexOf('主办单位'));
/** The seed's clauses that state a figure (a digit and a measure word), as written. */
const FIGURE_CLAUSES = SEED_BODY.split(/[,，。;；\n]/u).filter((clause) =>
  /\d+(?:余|多)?[件人次场条个家名%]/u.test(clause),
);
/** The statistical table of the corpus' 统计公报: its header and first row, as cells. */
const TABLE = readFileSync(new URL('32-hezhengxian-tongji-2022.txt', CORPUS), 'utf8')
  .split('\n')
  .filter((line) => /^(?:指标|地区生产总值) \|/u.test(line))
  .map((line) => line.split(' | ').map((cell) => cell.replace(/ \|$/u, '')));

const cycle = <T>(items: readonly T[], n: number): T[] =>
  Array.from({ length: n }, (_, i) => items[i % items.length] as T);
/**
 * The texts cycled, their numbers told apart on each round (2361件, 23611件, 23612件 …): figures of
 * one text in one sentence are distinct, as in a real table, and their id keys all differ.
 */
const distinct = (texts: readonly string[], n: number): string[] =>
  cycle(texts, n).map((text, i) => {
    const round = Math.floor(i / texts.length);
    return round === 0 ? text : text.replace(/\d+/gu, (digits) => `${digits}${round}`);
  });

export interface Shape {
  name: string;
  /** What the shape is, for the benchmark's table. */
  what: string;
  /** The report's text at size n. */
  text: (n: number) => string;
}

export const SHAPES: readonly Shape[] = [
  {
    name: 'long-sentence',
    what: "one sentence of n figures (the seed's own clauses joined by ，, their numbers told apart)",
    text: (n) => `${TITLE}一、主要成效\n${distinct(FIGURE_CLAUSES, n).join('，')}。\n`,
  },
  {
    name: 'commas',
    what: '`123,` repeated n times',
    text: (n) => `${TITLE}${'123,'.repeat(n)}\n`,
  },
  {
    name: 'headings',
    what: 'n headings `1.项` (170,000 of them are 1 MB)',
    text: (n) => `${TITLE}${Array.from({ length: n }, (_, i) => `${(i % 9) + 1}.项\n`).join('')}`,
  },
  {
    name: 'long-heading',
    what: 'a heading of n characters (no full stop on its line) over n / 20 lines of figures',
    text: (n) =>
      `${TITLE}一、${cycle([...'主要举措和成效'], n).join('')}\n${cycle(FIGURE_CLAUSES, n / 20).join('。\n')}。\n`,
  },
  {
    name: 'seed-repeated',
    what: "the seed's body n times: its headings, sentences, figures and checks",
    text: (n) => `${TITLE}${SEED_BODY.repeat(n)}`,
  },
  {
    name: 'wide-table',
    what: 'a table of n columns (the header and first row of the corpus 统计公报 table, widened)',
    text: (n) =>
      `${TITLE}一、综合\n${TABLE.map(([name, ...cells]) => `${name} | ${distinct(cells, n).join(' | ')} |`).join('\n')}\n`,
  },
  {
    name: 'digit-runs',
    what: 'a run of n digits, as an integer and as decimals, with units',
    text: (n) => {
      const digits = cycle([...'1234567890'], n).join('');
      return `${TITLE}一、主要成效\n共办理事项${digits}件，调解成功率1.${digits}%，受理${digits.replace(/(\d{3})/gu, '$1,')}件。\n`;
    },
  },
];
