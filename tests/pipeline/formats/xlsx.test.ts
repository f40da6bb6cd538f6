import { readFile } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../lambda/pipeline/build/build-report.ts';
import { buildSite } from '../../../lambda/pipeline/build/build-site.ts';
import { defineDataset } from '../../../lambda/pipeline/datasets/datasets.ts';
import {
  datasetToXlsx,
  datasetXlsxChunks,
  xlsxAssembler,
  xlsxFragment,
} from '../../../lambda/pipeline/formats/xlsx.ts';
import { parseSiteSettings } from '../../../lambda/pipeline/report/settings.ts';
import { readPortalAssets } from '../../../lambda/publish/portal-assets.ts';
import { PROJECT_ROOT, SEED } from '../../support/temp.ts';

interface ZipEntry {
  path: string;
  dosTime: number;
  dosDate: number;
  crc: number;
  /** Its bytes as stored in the archive (deflated), and inflated. */
  compressed: number;
  data: Uint8Array;
}

/**
 * Reads a ZIP through its central directory and checks each entry against its local header and data
 * descriptor: deflated (method 8), sizes and CRC-32 as the data has them.
 */
function readZip(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    expect(view.getUint16(at + 10, true)).toBe(8);
    const [crc, compressed, size] = [16, 20, 24].map((offset) => view.getUint32(at + offset, true));
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const path = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    expect(view.getUint16(local + 8, true)).toBe(8);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = zip.subarray(dataStart, dataStart + (compressed ?? 0));
    const data = new Uint8Array(inflateRawSync(raw));
    expect([data.byteLength, crc32(data)]).toEqual([size, crc]);
    const descriptor = dataStart + (compressed ?? 0);
    expect([0, 4, 8, 12].map((offset) => view.getUint32(descriptor + offset, true))).toEqual([
      0x08074b50,
      crc,
      compressed,
      size,
    ]);
    entries.push({
      path,
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      crc: crc ?? 0,
      compressed: compressed ?? 0,
      data,
    });
    at += 46 + nameLength;
  }
  return entries;
}

const sample = defineDataset({
  name: 'sample',
  title: 'Sample',
  titleZh: '样例',
  description: 'A sample.',
  descriptionZh: '样例。',
  fields: [
    { name: 'label', type: 'string', title: 'Label', titleZh: '指标', description: 'What.' },
    { name: 'value', type: 'number', title: 'Value', titleZh: '数值', description: 'How much.' },
  ],
  primaryKey: ['label'],
});

const dataset = sample.withRows([
  { label: '办理事项', value: 2361 },
  { label: '=1+1 <b> & "q"', value: -6.2 },
  { label: '', value: null },
]);

describe('datasetToXlsx: the ZIP', () => {
  it('writes a ZIP of the workbook parts, every entry dated 1980-01-01 with a correct CRC', () => {
    const entries = readZip(datasetToXlsx(dataset));
    expect(entries.map((e) => e.path)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    for (const entry of entries) expect([entry.dosTime, entry.dosDate]).toEqual([0, 0x21]);
  });

  it.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'])(
    'gives the same bytes in the time zone %s',
    (zone) => {
      const before = process.env.TZ;
      const utc = datasetToXlsx(dataset);
      try {
        process.env.TZ = zone;
        expect(Buffer.compare(datasetToXlsx(dataset), utc)).toBe(0);
      } finally {
        if (before === undefined) delete process.env.TZ;
        else process.env.TZ = before;
      }
    },
  );

  it('deflates every part: many rows take a small share of their size', () => {
    const big = sample.withRows(Array.from({ length: 2000 }, (_, i) => ({ label: `第${i}项`, value: i })));
    const entries = readZip(datasetToXlsx(big));
    const sheet = entries[5] as ZipEntry;
    expect(sheet.compressed).toBeLessThan(sheet.data.byteLength / 5);
  });
});

/** A sheet's cells by row and column, as the XML places them: each `<c>` the column after the last. */
function sheetCells(sheet: Uint8Array | undefined): string[][] {
  const xml = new TextDecoder().decode(sheet);
  expect(xml).not.toMatch(/<(row|c) [^>]*\br="/);
  return [...xml.matchAll(/<row>(.*?)<\/row>/gs)].map((row) =>
    [...(row[1] ?? '').matchAll(/<c\/>|<c[^>]*>(.*?)<\/c>/gs)].map((cell) => cell[1] ?? ''),
  );
}

/** The text of an inline string cell. */
const text = (value: string) => `<is><t xml:space="preserve">${value}</t></is>`;

describe('the sheet of all reports', () => {
  it('is the shares of the reports one after the other, whatever came before each', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ label: `第${i}项`, value: i % 7 ? i : null }));
    const whole = readZip(datasetToXlsx(sample.withRows(rows)));
    const chunks: Uint8Array[] = [];
    const workbook = xlsxAssembler(sample.withRows([]), (chunk) => chunks.push(chunk.slice()));
    for (const part of [rows.slice(0, 1), [], rows.slice(1, 120), rows.slice(120)])
      workbook.add(xlsxFragment(sample.withRows(part)));
    workbook.end();
    const parts = readZip(Buffer.concat(chunks));
    expect(Buffer.from(parts[5]?.data ?? []).equals(whole[5]?.data ?? new Uint8Array())).toBe(true);
    expect(parts[5]?.crc).toBe(whole[5]?.crc);
    const cells = sheetCells(parts[5]?.data);
    expect(cells).toHaveLength(301);
    expect(cells[300]).toEqual([text('第299项'), '<v>299</v>']);
    expect(cells[8]).toEqual([text('第7项')]);
  });

  it('gives a report with no rows no bytes', () => {
    expect(xlsxFragment(sample.withRows([])).byteLength).toBe(0);
  });
});

describe('datasetXlsxChunks and the sheets', () => {
  it('makes a sheet of many rows in chunks, the same bytes on every pass, with correct CRCs and sizes', () => {
    const big = sample.withRows(
      Array.from({ length: 5000 }, (_, i) => ({ label: `第${i}项 <${i}>`, value: i / 3 })),
    );
    const body = datasetXlsxChunks(big);
    const first = Buffer.concat([...body]);
    expect(Buffer.concat([...body]).equals(first)).toBe(true);
    expect(body.entry.bytes).toBe(first.byteLength);
    expect(Buffer.from(datasetToXlsx(big)).equals(first)).toBe(true);
    const cells = sheetCells(readZip(first)[5]?.data);
    expect(cells).toHaveLength(5001);
    expect(cells[5000]).toEqual([text('第4999项 &lt;4999&gt;'), `<v>${4999 / 3}</v>`]);
  });

  it('writes numbers as numbers and text as inline strings, never formulas', () => {
    const sheet = readZip(datasetToXlsx(dataset))[5]?.data;
    expect(sheetCells(sheet)).toEqual([
      [text('label'), text('value')],
      [text('办理事项'), '<v>2361</v>'],
      [text('=1+1 &lt;b&gt; &amp; &quot;q&quot;'), '<v>-6.2</v>'],
      [],
    ]);
    expect(new TextDecoder().decode(sheet)).toContain('<row><c s="1" t="inlineStr">');
    expect(new TextDecoder().decode(sheet)).not.toContain('<f>');
  });

  it("keeps an empty cell's place before a value, and writes none after the last", () => {
    const rows = sample.withRows([{ label: '', value: 3 }]);
    expect(sheetCells(readZip(datasetToXlsx(rows))[5]?.data)[1]).toEqual(['', '<v>3</v>']);
  });

  it('drops what XML 1.0 cannot hold and escapes markup, in a cell with other text or alone', () => {
    const texts = ['a\u000cb', '\u0000', 'x\ud800y', '\udc00', '😀 & <', 'tab\tline\ncr\r', '"', '约5%'];
    const rows = sample.withRows(texts.map((label) => ({ label, value: null })));
    const cells = sheetCells(readZip(datasetToXlsx(rows))[5]?.data).slice(1);
    expect(cells.map(([label]) => /<t xml:space="preserve">(.*?)<\/t>/s.exec(label ?? '')?.[1])).toEqual([
      'ab',
      '',
      'xy',
      '',
      '😀 &amp; &lt;',
      'tab\tline\ncr\r',
      '&quot;',
      '约5%',
    ]);
  });
});

describe('XLSX in the site', () => {
  it('is the same bytes when the same reports are built twice', async () => {
    const settings = parseSiteSettings(await readFile(new URL('data/site.json', PROJECT_ROOT)), 'site.json');
    const build = async () => {
      const bytes = await readFile(SEED);
      const report = buildReport({
        id: 'xiaowangzhuang-2023',
        file: 'seed',
        bytes,
        defaultLicense: 'CC-BY-4.0',
      });
      return buildSite(settings, [report], await readPortalAssets()).filter((file) =>
        file.path.endsWith('.xlsx'),
      );
    };
    const [first, second] = [await build(), await build()];
    expect(first.map((f) => f.path)).toEqual(
      ['figures', 'reports', 'indicators', 'indicators-wide', 'indicator-coverage', 'checks'].map(
        (name) => `data/${name}.xlsx`,
      ),
    );
    for (const file of first)
      expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    first.forEach((file, i) => {
      expect(Buffer.compare(file.body, second[i]?.body ?? new Uint8Array())).toBe(0);
    });
  });
});
