import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../lambda/pipeline/build/build-report.ts';
import { figureContexts, MAX_CLAUSE } from '../../../../lambda/pipeline/extract/labels/figure-context.ts';

const TITLE = '青石镇2024年法治政府建设情况报告\n一、主要成效\n';

/** [text, the clause before it, its offset in its sentence] of each figure of a report of `body`. */
function contexts(body: string): [string, string, number][] {
  const bytes = new TextEncoder().encode(`${TITLE}${body}\n`);
  const report = buildReport({
    id: 'qingshi-2024',
    file: 'qingshi-2024.txt',
    bytes,
    defaultLicense: 'CC-BY-4.0',
  });
  return figureContexts(report.figures).map((c) => [c.figure.text, c.before, c.offset]);
}

const HEADER = `指标 | ${'绝对数(万元) | 增长(%) | 构成(%) | '.repeat(50)}`;
const ROW = `地区生产总值 | ${'341881 | 7.23 | 100 | '.repeat(50)}`;

describe('figureContexts: the clause before a figure', () => {
  it.each<[string, string, [string, string, number][]]>([
    [
      'runs back to the last clause mark',
      '全年共受理矛盾纠纷12件，调解成功率100%。',
      [
        ['12件', '全年共受理矛盾纠纷', 9],
        ['100%', '调解成功率', 18],
      ],
    ],
    ['or to the sentence start', '依法处罚2家企业。', [['2家', '依法处罚', 4]]],
  ])('%s', (_name, body, expected) => {
    expect(contexts(body)).toEqual(expected);
  });

  it(`is read back at most ${MAX_CLAUSE} characters, as in a table row without clause marks`, () => {
    const found = contexts(`${HEADER}\n${ROW}`);
    expect(found).toHaveLength(150);
    const [text, before, offset] = found[149] as [string, string, number];
    expect([text, offset]).toEqual(['100', ROW.lastIndexOf('100')]);
    expect(before).toBe(ROW.slice(ROW.lastIndexOf('100') - MAX_CLAUSE, ROW.lastIndexOf('100')).trim());
    expect(found[1]).toEqual(['7.23', '地区生产总值 | 341881 |', 18]);
  });
});
