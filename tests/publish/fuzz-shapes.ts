/**
 * Report shapes that cost too much when a pass over them is not linear: one sentence of thousands
 * of figures, long digit runs, thousands of headings, wide tables, and sidecars at and over their
 * limits. The fuzz test mixes them with mutated seed text; `scale` sets how large they get.
 */
import fc from 'fast-check';

const longSentence = (n: number) => `全年${'办理事项12件，调解纠纷3起，'.repeat(n)}共计${n}件。`;
const digitRun = (n: number) => '123,'.repeat(n);
const headings = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${'一二三四五六七八九十'[i % 10]}、第${i}项工作\n（一）办理事项${i}件\n`,
  ).join('');
const wideTable = (n: number) => {
  const years = Array.from({ length: n }, (_, i) => String(1900 + i));
  const values = Array.from({ length: n }, (_, i) => String(i * 7));
  return `单位：万元\n| 项目 | ${years.join(' | ')} |\n| --- | ${years.map(() => '---').join(' | ')} |\n| 财政收入 | ${values.join(' | ')} |\n`;
};
const deepHeadings = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${['一、', '（一）', '1.', '（1）', '①'][i % 5]}层级${i}，共${i}个\n`,
  ).join('');

const SHAPES = [longSentence, digitRun, headings, wideTable, deepHeadings] as const;

/** One pathological stretch of text, up to `scale` repetitions of its unit. */
export function pathologicalText(scale: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat(SHAPES.length - 1), fc.integer({ min: 1, max: scale }))
    .map(([shape, n]) => `某某镇2024年法治政府建设情况报告\n${(SHAPES[shape] as (n: number) => string)(n)}`);
}

/** Sidecars at and past their limits: one huge, one with an overlong title, hostile licences and keys. */
export const hostileSidecar: fc.Arbitrary<string> = fc.oneof(
  fc.constant(JSON.stringify({ title: '长'.repeat(30_000) })),
  fc.integer({ min: 290, max: 310 }).map((n) => JSON.stringify({ title: '题'.repeat(n) })),
  fc
    .constantFrom(
      'CC BY 4.0',
      'Proprietary, all rights reserved',
      'LicenseRef-X',
      'https://example.org/l',
      '',
      'GPL',
    )
    .map((license) => JSON.stringify({ license })),
  fc.constant('{"__proto__": {"year": 2024}}'),
  fc.constant(`{"entity": "${'镇'.repeat(101)}"}`),
);
