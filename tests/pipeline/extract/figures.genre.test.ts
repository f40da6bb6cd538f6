/**
 * Phrasing of work summaries and statistical communiqués (written for these tests, not taken from
 * any report): change rates, shares, lists sharing a unit, compound and rate units, totals.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../lambda/pipeline/extract/figures.ts';

/** [text, value, unit, qualifier, label] of each figure, in order. */
type Row = [string, number, string, string, string];

function rows(text: string): Row[] {
  return extractFigures(text).map((f) => [f.text, f.value, f.unit, f.qualifier, f.label]);
}

describe('extractFigures: statistical communiqués', () => {
  it.each<[string, Row[]]>([
    [
      '全年粮食总产量45.6万吨，比上年增长2.1%。',
      [
        ['45.6万吨', 456000, '吨', 'exact', '粮食总产量'],
        ['2.1%', 2.1, '%', 'exact', '粮食总产量增长'],
      ],
    ],
    [
      '全年全社会用电量12.5亿千瓦时，同比下降6.3%。',
      [
        ['12.5亿千瓦时', 1250000000, '千瓦时', 'exact', '全社会用电量'],
        ['6.3%', 6.3, '%', 'exact', '全社会用电量下降'],
      ],
    ],
    [
      '规模以上工业综合能源消费量45.2万吨标准煤。',
      [['45.2万吨标准煤', 452000, '吨标准煤', 'exact', '规模以上工业综合能源消费量']],
    ],
    [
      '年末耕地面积41.2千公顷，其中水田面积12.5千公顷，占30.3%。',
      [
        ['41.2千公顷', 41200, '公顷', 'exact', '耕地面积'],
        ['12.5千公顷', 12500, '公顷', 'exact', '水田面积'],
        ['30.3%', 30.3, '%', 'exact', '水田面积占比'],
      ],
    ],
    [
      '人口出生率为11.2‰，死亡率6.5‰，城镇化率提高0.5个百分点。',
      [
        ['11.2‰', 11.2, '‰', 'exact', '人口出生率'],
        ['6.5‰', 6.5, '‰', 'exact', '死亡率'],
        ['0.5个百分点', 0.5, '个百分点', 'exact', '城镇化率提高'],
      ],
    ],
    [
      '小麦、玉米、大豆产量分别增长2.1%、3.5%和-1.2%。',
      [
        ['2.1%', 2.1, '%', 'exact', '小麦产量增长'],
        ['3.5%', 3.5, '%', 'exact', '玉米产量增长'],
        ['-1.2%', -1.2, '%', 'exact', '大豆产量增长'],
      ],
    ],
    ['污水处理能力提高到16.9万吨/日。', [['16.9万吨/日', 169000, '吨/日', 'exact', '污水处理能力']]],
    // 普及 holds 及: the list of names is split at 、 only.
    [
      '学前教育普及率、义务教育巩固率分别达到92%、98%。',
      [
        ['92%', 92, '%', 'exact', '学前教育普及率'],
        ['98%', 98, '%', 'exact', '义务教育巩固率'],
      ],
    ],
    // A pair of modifiers before one noun: each takes the whole noun, not its last two characters.
    [
      '城镇和农村常住居民人均消费支出分别增长5.1%、6.2%。',
      [
        ['5.1%', 5.1, '%', 'exact', '城镇常住居民人均消费支出增长'],
        ['6.2%', 6.2, '%', 'exact', '农村常住居民人均消费支出增长'],
      ],
    ],
    // 下降至, like 下降到, ends no label: 刑事案件, not 刑事案件下.
    ['辖区刑事案件下降至15起。', [['15起', 15, '起', 'exact', '刑事案件']]],
    // The start of a from–to pair is named by the words before 从, not by the verb after it.
    [
      '规上工业企业从120家增加到158家。',
      [
        ['120家', 120, '家', 'exact', '规上工业企业'],
        ['158家', 158, '家', 'exact', '规上工业企业'],
      ],
    ],
    [
      '城镇调查失业率平均为4.2%，粮食播种面积稳定在600万亩以上。',
      [
        ['4.2%', 4.2, '%', 'exact', '城镇调查失业率'],
        ['600万亩', 6000000, '亩', 'over', '粮食播种面积'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('extractFigures: totals and plans', () => {
  it.each<[string, string[]]>([
    ['截至年底，“非常满意”800条，满意160条，合计960条。', ['非常满意', '满意', '非常满意合计']],
    ['受理案件：民事案件120件，刑事案件30件，合计150件。', ['民事案件', '刑事案件', '受理案件合计']],
    ['审查民事案件12件、刑事案件3件，共计15件。', ['民事案件', '刑事案件', '案件共计']],
  ])('%s', (text, expected) => {
    expect(extractFigures(text).map((f) => f.label)).toEqual(expected);
  });

  it('leaves the outline of a plan out (9个方面工作)', () => {
    expect(extractFigures('今年重点抓好9个方面工作：')).toEqual([]);
  });

  it('drops a target year from the label', () => {
    expect(extractFigures('技术合同成交额2030年达到600亿元。').map((f) => f.label)).toEqual([
      '技术合同成交额',
    ]);
  });
});
