/** What one table cell says: its unit, number and row name. */
import { describe, expect, it } from 'vitest';
import {
  captionUnit,
  isNumericCell,
  parseCellValue,
  parseUnit,
  rowName,
} from '../../../../lambda/pipeline/extract/tables/table-values.ts';

describe('parseUnit', () => {
  it.each([
    ['万元', { unit: '元', multiplier: 1e4 }],
    ['%', { unit: '%', multiplier: 1 }],
    ['亿千瓦时', { unit: '千瓦时', multiplier: 1e8 }],
    ['千公顷', { unit: '公顷', multiplier: 1e3 }],
    ['万吨标准煤', { unit: '吨标准煤', multiplier: 1e4 }],
    ['年', null],
    ['单位', null],
  ])('%s', (words, expected) => {
    expect(parseUnit(words)).toEqual(expected);
  });
});

describe('isNumericCell and parseCellValue', () => {
  it.each([
    ['341881', 341881],
    ['7.23', 7.23],
    ['１２．５', 12.5],
    ['-6.2', -6.2],
    ['－19.3', -19.3],
    ['1,234,567', 1234567],
    ['1·8', 1.8],
  ])('%s is a number: %d', (cell, value) => {
    expect(isNumericCell(cell)).toBe(true);
    expect(parseCellValue(cell)).toBe(value);
  });

  it.each(['12.5万', '1,23', '三', '', '比上年增长'])('%j is none', (cell) => {
    expect(isNumericCell(cell)).toBe(false);
  });
});

describe('rowName', () => {
  it.each([
    ['其中：第一产业', '第一产业'],
    ['（一）粮食产量', '粮食产量'],
    ['# 规模以上工业', '规模以上工业'],
    ['2．城镇居民人均可支配收入', '城镇居民人均可支配收入'],
  ])('%s → %s', (text, name) => {
    expect(rowName({ text, start: 0, end: text.length })).toBe(name);
  });
});

describe('captionUnit', () => {
  it.each([
    ['表2 主要农产品产量 单位：万吨', { unit: '吨', multiplier: 1e4 }],
    ['单位:亿元', { unit: '元', multiplier: 1e8 }],
    ['主要农产品产量', null],
  ])('%s', (line, unit) => {
    expect(captionUnit(line)).toEqual(unit);
  });
});
