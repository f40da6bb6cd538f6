/** Tables whose unit sits in a header (table fixtures written for these tests). */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../../lambda/pipeline/extract/figures.ts';
import { extractTableFigures } from '../../../../lambda/pipeline/extract/tables/tables.ts';

type Row = [string, number, string, string];

function rows(text: string): Row[] {
  return extractTableFigures(text).map((f) => [f.text, f.value, f.unit, f.label]);
}

describe('extractTableFigures', () => {
  it('reads a pipe table: header unit and magnitude, row and column names, rules and group rows skipped', () => {
    const text = [
      '表1 全县地区生产总值 | | |',
      '指标 | 绝对数(万元) | 比上年增长(%) |',
      '|---|---|---|',
      '地区生产总值 | 123456 | 6.5 |',
      '分产业 | -- | -- |',
      '第一产业 | 2345.6 | -1.2 |',
      '',
      '全年完成投资1.2亿元。',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['123456', 1234560000, '元', '地区生产总值'],
      ['6.5', 6.5, '%', '地区生产总值增长'],
      ['2345.6', 23456000, '元', '第一产业'],
      ['-1.2', -1.2, '%', '第一产业增长'],
    ]);
    for (const f of extractTableFigures(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('reads a whitespace table with a unit column and one with a caption unit', () => {
    const text = [
      '指标\t单位\t绝对数\t比上年增长(%)',
      '粮食产量\t万吨\t12.5\t3.1',
      '发电量\t亿千瓦时\t8.8\t-2.0',
      '',
      '表2  主要农产品产量',
      '单位：吨',
      '品种    2023年    2022年',
      '  其中：小麦    4200    4100',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['12.5', 125000, '吨', '粮食产量'],
      ['3.1', 3.1, '%', '粮食产量增长'],
      ['8.8', 880000000, '千瓦时', '发电量'],
      ['-2.0', -2, '%', '发电量增长'],
      ['4200', 4200, '吨', '小麦'],
      ['4100', 4100, '吨', '小麦2022年'],
    ]);
  });

  it('takes no cell without a unit, no year cell and nothing from prose', () => {
    const text = [
      '年份 | 项目数 | 备注 |',
      '2023 | 12 | 新建 |',
      '　　全年新建项目12个，总投资3.5亿元。',
      '　　主办单位：某某镇人民政府　　网站标识码：1234567890',
    ].join('\n');
    expect(extractTableFigures(text)).toEqual([]);
  });

  it('gives table cells through extractFigures, leaving sentence figures as they are', () => {
    const text = '指标 | 绝对数(万元) |\n地区生产总值 | 100 |\n全年地区生产总值100万元。';
    expect(extractFigures(text).map((f) => [f.text, f.value, f.label])).toEqual([
      ['100', 1000000, '地区生产总值'],
      ['100万元', 1000000, '地区生产总值'],
    ]);
  });
});
