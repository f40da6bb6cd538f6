import { readFile } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../lambda/pipeline/build/build-report.ts';
import { buildSite } from '../../../lambda/pipeline/build/build-site.ts';
import { defineDataset } from '../../../lambda/pipeline/datasets/datasets.ts';
import { columnName, datasetToXlsx, datasetXlsxChunks } from '../../../lambda/pipeline/formats/xlsx.ts';
import { parseSiteSettings } from '../../../lambda/pipeline/report/settings.ts';
import { readPortalAssets } from '../../../lambda/publish/portal-assets.ts';
import { PROJECT_ROOT, SEED } from '../../support/temp.ts';

interface ZipEntry {
  path: string;
  dosTime: number;
  dosDate: number;
  crc: number;
  data: Uint8Array;
  /** The deflate blocks of its data, each a stored block (nothing compressed). */
  storedBlocks: number;
}

/** How many blocks the raw deflate data is, failing unless every one is stored (BTYPE 00). */
function storedBlocks(raw: Uint8Array): number {
  let at = 0;
  let blocks = 0;
  for (;;) {
    const head = raw[at] ?? 0;
    expect((head >> 1) & 3, 'a stored block').toBe(0);
    const length = (raw[at + 1] ?? 0) | ((raw[at + 2] ?? 0) << 8);
    const complement = (raw[at + 3] ?? 0) | ((raw[at + 4] ?? 0) << 8);
    expect(length ^ complement).toBe(0xffff);
    at += 5 + length;
    blocks += 1;
    if (head & 1) break;
  }
  expect(at).toBe(raw.byteLength);
  return blocks;
}

/**
 * Reads a ZIP through its central directory and checks each entry against its local header and data
 * descriptor: deflated (method 8, nothing compressed), sizes and CRC-32 as the data has them.
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
      data,
      storedBlocks: storedBlocks(raw),
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

  it('leaves nothing compressed: the archive is the parts and a fixed overhead a part', () => {
    const entries = readZip(datasetToXlsx(dataset));
    const overhead =
      datasetToXlsx(dataset).byteLength - entries.reduce((sum, e) => sum + e.data.byteLength, 0);
    const names = entries.reduce((sum, e) => sum + e.path.length, 0);
    const blocks = entries.reduce((sum, e) => sum + e.storedBlocks, 0);
    // Local header 30, data descriptor 16, central header 46 a part, 5 bytes a stored block; end record 22.
    expect(overhead).toBe(entries.length * (30 + 16 + 46) + 5 * blocks + 2 * names + 22);
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
    const sheet = readZip(first)[5];
    expect(new TextDecoder().decode(sheet?.data)).toContain('<row r="5001">');
  });

  it('writes numbers as numbers and text as inline strings, never formulas', () => {
    const sheet = new TextDecoder().decode(readZip(datasetToXlsx(dataset))[5]?.data);
    const cell = (ref: string) => new RegExp(`<c r="${ref}"[^>]*>(.*?)</c>`).exec(sheet)?.[1];
    expect(cell('A1')).toBe('<is><t xml:space="preserve">label</t></is>');
    expect(cell('A2')).toBe('<is><t xml:space="preserve">办理事项</t></is>');
    expect(cell('B2')).toBe('<v>2361</v>');
    expect(cell('A3')).toBe('<is><t xml:space="preserve">=1+1 &lt;b&gt; &amp; &quot;q&quot;</t></is>');
    expect(cell('B3')).toBe('<v>-6.2</v>');
    expect(sheet).toContain('<row r="4"></row>');
    expect(sheet).not.toContain('<f>');
  });

  it('drops what XML 1.0 cannot hold and escapes markup, in a cell with other text or alone', () => {
    const texts = ['a\u000cb', '\u0000', 'x\ud800y', '\udc00', '😀 & <', 'tab\tline\ncr\r', '"', '约5%'];
    const rows = sample.withRows(texts.map((label) => ({ label, value: null })));
    const sheet = new TextDecoder().decode(readZip(datasetToXlsx(rows))[5]?.data);
    const cells = [...sheet.matchAll(/<c r="A(\d+)"[^>]*><is><t xml:space="preserve">(.*?)<\/t>/gs)].slice(1);
    expect(cells.map((match) => match[2])).toEqual([
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

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('names column %i %s', (index, name) => {
    expect(columnName(index)).toBe(name);
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
