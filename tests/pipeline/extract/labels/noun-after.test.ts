/**
 * Labels read after the measure word (noun-after.ts), through extractFigures: the noun a count
 * counts, the place and what it set up, the noun after a lower bound. Sentences from the seed and
 * from the provincial work reports of 2026 (shipped in data/reports), as written.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../../lambda/pipeline/extract/figures.ts';

/** [text, value, label] of each figure, in order. */
function labelled(text: string): Array<[string, number, string]> {
  return extractFigures(text).map((f) => [f.text, f.value, f.label]);
}

describe('extractFigures: a count of places that set something up names both', () => {
  it.each<[string, Array<[string, number, string]>]>([
    ['在21个行政村居设立“三务”公开栏,公示全村的党务、政务、财务。', [['21个', 21, '行政村居设立三务公开栏']]],
    ['推动全镇21个村居建立村级应急队伍,细化各村居责任。', [['21个', 21, '村居建立村级应急队伍']]],
    [
      '456个小区完成临时用电治理、60万户居民用上舒心电。',
      [
        ['456个', 456, '小区完成临时用电治理'],
        ['60万户', 600_000, '居民用上舒心电'],
      ],
    ],
    ['新疆财经大学阿勒泰校区、新疆工业学院等6所高校实现招生，', [['6所', 6, '高校实现招生']]],
  ])('%s', (text, expected) => {
    expect(labelled(text)).toEqual(expected);
  });
});

describe('extractFigures: the noun alone when there is no place, no set-up or no whole thing', () => {
  it.each<[string, Array<[string, number, string]>]>([
    // 县域医共体建设 is cut at 共 (a stop character): half a word is no label.
    ['86个县市区开展县域医共体建设，', [['86个', 86, '县市区']]],
    [
      '810个省重点项目完成投资10428.6亿元。',
      [
        ['810个', 810, '省重点项目'],
        ['10428.6亿元', 1_042_860_000_000, '投资'],
      ],
    ],
    ['实现全镇21个村(居)委会人民调解委员会全覆盖,', [['21个', 21, '村委会人民调解委员会']]],
    ['在镇大厅每个业务窗口和基层21个便民服务站分别设置“好差评”二维码,', [['21个', 21, '便民服务站']]],
  ])('%s', (text, expected) => {
    expect(labelled(text)).toEqual(expected);
  });
});

describe('extractFigures: the noun after a lower bound', () => {
  it.each<[string, Array<[string, number, string]>]>([
    ['加快重点产业智能化改造，新增50家以上先进智能工厂，', [['50家', 50, '先进智能工厂']]],
    ['强化科技人才支撑，选派1200名以上科技特派员到基层开展科技服务，', [['1200名', 1200, '科技特派员']]],
    // 华为云 is cut at 为: one character names nothing, the words before are kept.
    ['累计引进和培育150家以上华为云生态企业。', [['150家', 150, '和培育']]],
    // A verb after the bound: the counted thing is before the number.
    ['组织执法人员10人以上参加培训。', [['10人', 10, '执法人员']]],
  ])('%s', (text, expected) => {
    expect(labelled(text)).toEqual(expected);
  });
});
