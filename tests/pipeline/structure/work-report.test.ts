/**
 * What a 政府工作报告 says of itself without its title line: the 31 shipped provincial reports cut
 * to start at the speech's first paragraph (no title, meeting line, speaker or address) and the two excerpts of
 * the development corpus must give the kind, year and province their sidecar or manifest gives;
 * reports of other kinds, and a city's voice, must give nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../lambda/pipeline/structure/lines.ts';
import { parseStructure } from '../../../lambda/pipeline/structure/structure.ts';
import { workReportInfo } from '../../../lambda/pipeline/structure/work-report.ts';
import { CORPUS, PROJECT_ROOT } from '../../support/temp.ts';

const REPORTS = new URL('data/reports/', PROJECT_ROOT);
const read = (url: URL) => readFileSync(url, 'utf8');

const shipped = readdirSync(REPORTS)
  .filter((name) => name.endsWith('.meta.json'))
  .map((name) => ({
    id: name.slice(0, -'.meta.json'.length),
    meta: JSON.parse(read(new URL(name, REPORTS))),
  }))
  .filter(({ meta }) => meta.kind === '政府工作报告')
  .map(({ id, meta }) => [id, meta.entity, meta.year] as [string, string, number]);

/** The speech from its first paragraph on (title, meeting line, speaker and 各位代表 cut): an excerpt. */
function withoutHead(text: string): string {
  const address = /^\s*各位代表[：:，,！!]?\s*$/mu.exec(text);
  return address ? text.slice(address.index + address[0].length).trimStart() : text;
}

describe('a provincial work report without its title', () => {
  it('is checked on all 31 shipped reports', () => {
    expect(shipped).toHaveLength(31);
  });

  it.each(shipped)('%s: %s, %i', (id, entity, year) => {
    const text = withoutHead(read(new URL(`${id}.txt`, REPORTS)));
    expect(parseStructure(text).titleInfo).toEqual({ title: '', entity, year, kind: '政府工作报告' });
  });

  it.each([
    ['90-hebei-zhengfugongzuobaogao-2026', '河北省'],
    ['91-liaoning-zhengfugongzuobaogao-2026', '辽宁省'],
  ])('%s (an excerpt of the corpus): %s, 2026', (name, entity) => {
    const { titleInfo } = parseStructure(read(new URL(`${name}.txt`, CORPUS)));
    expect(titleInfo).toEqual({ title: '', entity, year: 2026, kind: '政府工作报告' });
  });
});

describe('what is not a provincial work report', () => {
  const others = readdirSync(CORPUS).filter(
    (name) => name.endsWith('.txt') && !name.includes('zhengfugongzuo'),
  );

  it.each(others)('%s is of another kind', (name) => {
    expect(workReportInfo(splitLines(read(new URL(name, CORPUS))))).toBeNull();
  });

  const hebei = read(new URL('90-hebei-zhengfugongzuobaogao-2026.txt', CORPUS));
  it.each([
    // A city of the province speaks of 全市 and names the 省委: the province it names is not itself.
    ['a city inside the province', hebei.replaceAll('全省', '全市')],
    // With 全市 and no 省委 it would be a municipality, and 河北 is none.
    ['a municipality that is no municipality', hebei.replaceAll('全省', '全市').replaceAll('省委', '市委')],
  ])('%s names no entity', (_, text) => {
    expect(workReportInfo(splitLines(text))).toEqual({ kind: '政府工作报告', year: 2026, entity: '' });
  });
});
