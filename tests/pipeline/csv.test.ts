import { describe, expect, it } from 'vitest';
import { datasetToCsv, datasetToJson, formulaSafe } from '../../lambda/pipeline/csv.ts';
import type { Dataset } from '../../lambda/pipeline/datasets.ts';

describe('formulaSafe', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1', "'+1"],
    ['-6.2%', "'-6.2%"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['办理事项', '办理事项'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (cell, expected) => {
    expect(formulaSafe(cell)).toBe(expected);
  });
});

const dataset: Dataset = {
  name: 't',
  title: 'T',
  titleZh: '表',
  description: 'test',
  primaryKey: ['id'],
  fields: [
    { name: 'id', type: 'string', title: 'Id', titleZh: '编号', description: '' },
    { name: 'value', type: 'number', title: 'Value', titleZh: '数值', description: '' },
    { name: 'text', type: 'string', title: 'Text', titleZh: '原文', description: '' },
  ],
  rows: [
    { id: 'a', value: -6.2, text: '-6.2%' },
    { id: 'b', value: 3418810000, text: '他说“好”,共"3"件' },
    { id: 'c', value: 0.5, text: null },
  ],
};

describe('datasetToCsv', () => {
  it('writes RFC 4180: header, CRLF, quotes doubled, numbers plain, formulas neutralised', () => {
    expect(datasetToCsv(dataset)).toBe(
      'id,value,text\r\na,-6.2,\'-6.2%\r\nb,3418810000,"他说“好”,共""3""件"\r\nc,0.5,\r\n',
    );
  });
});

describe('datasetToJson', () => {
  it('gives the same rows and columns as the CSV, raw text kept', () => {
    expect(JSON.parse(datasetToJson(dataset))).toEqual([
      { id: 'a', value: -6.2, text: '-6.2%' },
      { id: 'b', value: 3418810000, text: '他说“好”,共"3"件' },
      { id: 'c', value: 0.5, text: null },
    ]);
  });
});
