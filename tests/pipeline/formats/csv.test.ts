import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defineDataset } from '../../../lambda/pipeline/datasets/datasets.ts';
import { Chunked } from '../../../lambda/pipeline/formats/chunks.ts';
import {
  datasetCsvChunks,
  datasetJsonChunks,
  datasetToCsv,
  datasetToJson,
  formulaSafe,
} from '../../../lambda/pipeline/formats/csv.ts';

describe('formulaSafe', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1', "'+1"],
    ['-6.2%', "'-6.2%"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['＝HYPERLINK("http://x")', `'＝HYPERLINK("http://x")`],
    ['＋1', "'＋1"],
    ['－6.2%', "'－6.2%"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['办理事项＝2361件', '办理事项＝2361件'],
    ['办理事项', '办理事项'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (cell, expected) => {
    expect(formulaSafe(cell)).toBe(expected);
  });
});

const sample = defineDataset({
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
});

const dataset = sample.withRows([
  { id: 'a', value: -6.2, text: '-6.2%' },
  { id: 'b', value: 3418810000, text: '他说“好”,共"3"件' },
  { id: 'c', value: null, text: '' },
]);

describe('datasetToCsv', () => {
  it('writes RFC 4180: header, CRLF, quotes doubled, numbers plain, formulas neutralised', () => {
    expect(datasetToCsv(dataset)).toBe(
      'id,value,text\r\na,-6.2,\'-6.2%\r\nb,3418810000,"他说“好”,共""3""件"\r\nc,,\r\n',
    );
  });
});

describe('datasetToJson', () => {
  it('gives the same rows and columns as the CSV, raw text kept', () => {
    expect(JSON.parse(datasetToJson(dataset))).toEqual([
      { id: 'a', value: -6.2, text: '-6.2%' },
      { id: 'b', value: 3418810000, text: '他说“好”,共"3"件' },
      { id: 'c', value: null, text: '' },
    ]);
  });
});

describe('datasetCsvChunks and datasetJsonChunks', () => {
  const many = sample.withRows(
    Array.from({ length: 2345 }, (_, i) => ({
      id: `r${i}`,
      value: i % 7 === 0 ? null : i / 4,
      text: i % 5 === 0 ? `=“引号”,"${i}"\n换行` : `第${i}行`,
    })),
  );
  const joined = (body: Iterable<Uint8Array>) => Buffer.concat([...body]).toString('utf8');

  it.each([
    ['three rows', dataset],
    ['more rows than one batch', many],
    ['no rows', sample.withRows([])],
  ])('make the same bytes as the whole texts (%s), hashed as they go', (_, data) => {
    const csv = datasetCsvChunks(data);
    const json = datasetJsonChunks(data);
    expect(joined(csv)).toBe(datasetToCsv(data));
    expect(joined(json)).toBe(datasetToJson(data));
    const bytes = new TextEncoder().encode(datasetToJson(data));
    expect(json.entry).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.byteLength,
    });
  });

  it('make each chunk afresh on every pass, and measure only once', () => {
    let passes = 0;
    const body = new Chunked(function* () {
      passes += 1;
      yield new TextEncoder().encode('小王庄');
    });
    expect(body.entry.bytes).toBe(9);
    expect(body.entry.bytes).toBe(9);
    expect(passes).toBe(1);
    expect(joined(body)).toBe('小王庄');
    expect(passes).toBe(2);
  });
});
