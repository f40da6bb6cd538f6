/**
 * The catalogue of bad inputs: each row is one kind of file a scheduled run may meet, published
 * through `publish` beside the seed, with the behaviour it must get. Whatever the row, the seed is
 * published and every problem names its file. The README's "Bad input and faults" table is this one.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import type { Store } from '../../lambda/stores/store.ts';
import { parseCsv } from '../support/csv.ts';
import { MemoryStore } from '../support/memory-store.ts';
import { settings } from '../support/publication.ts';
import { PROJECT_ROOT, SEED, useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const TITLE = '青石镇2024年法治政府建设情况报告';
const TEXT = `${TITLE}\n一、主要成效\n全年共受理矛盾纠纷12件，调解成功率100%。\n`;
const MIB = 1024 * 1024;
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const report = (body: string) => `${TITLE}\n一、主要成效\n${body}\n`;

/** A file of the reports folder: bytes, text, a symbolic link to a file outside it, or a named pipe. */
type Content = string | Uint8Array | { link: string } | { fifo: true };

interface Site {
  read(path: string): string;
  /** The rows sheet of a dataset's workbook, as XML. */
  sheet(dataset: string): string;
  figures(id: string): { text: string; start: number; end: number; label: string; value: number }[];
  row(dataset: string, id: string): Record<string, unknown> | undefined;
}

type Outcome =
  | { refused: RegExp; file?: string; reports?: string[] }
  | { published: string; figures?: string[]; check?: (site: Site, id: string) => void };

const CASES: [string, Record<string, Content>, Outcome][] = [
  // Encodings: every text encoding government sites save in is read; source.txt is the decoded text.
  [
    'UTF-8 with BOM: read, the BOM dropped',
    { 'case-2024.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(TEXT)]) },
    { published: 'case-2024' },
  ],
  [
    'UTF-16 LE with BOM: read',
    { 'case-2024.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]) },
    { published: 'case-2024' },
  ],
  [
    'UTF-16 BE with BOM: read',
    { 'case-2024.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]) },
    { published: 'case-2024' },
  ],
  [
    'GB18030 (four-byte characters too): read',
    { 'case-2024.txt': iconv.encode(`${TEXT}𠀀㐀\n`, 'gb18030') },
    { published: 'case-2024' },
  ],
  // Not report text: refused with the reason; nothing of it is published.
  ['empty: refused', { 'case-2024.txt': '' }, { refused: /^is empty$/ }],
  [
    'whitespace only: refused',
    { 'case-2024.txt': ' \n\t\u3000\r\n' },
    { refused: /^is empty \(only whitespace\)$/ },
  ],
  [
    'binary (a PNG): refused',
    { 'case-2024.txt': Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
    { refused: /is binary/ },
  ],
  [
    'NUL bytes in text: refused',
    { 'case-2024.txt': Buffer.concat([utf8(TEXT), Buffer.from([0]), utf8(TEXT)]) },
    { refused: /is binary \(contains NUL bytes\)/ },
  ],
  [
    'invalid UTF-8: refused, naming the byte',
    { 'case-2024.txt': Buffer.concat([utf8(TEXT), Buffer.from([0xff]), utf8(TEXT)]) },
    { refused: /is not valid UTF-8 \(bad byte 0xFF at byte \d+\)/ },
  ],
  [
    'Japanese in Shift_JIS (which GB18030 would read as rare characters): refused',
    {
      'case-2024.txt': iconv.encode(
        '令和5年度、市役所は1200件の申請を処理しました。調停の成立率は98%でした。',
        'shiftjis',
      ),
    },
    { refused: /cannot be decoded: .*Shift_JIS, Big5 and other encodings are not read/ },
  ],
  [
    'a UTF-16 surrogate encoded in UTF-8 (CESU-8): refused, naming the byte',
    { 'case-2024.txt': Buffer.concat([utf8(TEXT), Buffer.from([0xed, 0xa0, 0x80]), utf8(TEXT)]) },
    { refused: /is not valid UTF-8 \(bad byte 0xED at byte 124\)/ },
  ],
  [
    'an HTML page: refused (opendata fetch extracts the text of pages)',
    { 'case-2024.txt': `<!DOCTYPE html><html><body><p>${TEXT}</p></body></html>` },
    { refused: /is an HTML page, not report text/ },
  ],
  // Size: refused unread above 1 MiB, in well under a second.
  [
    'a 50 MB report: refused by the size limit',
    { 'case-2024.txt': Buffer.alloc(50 * MIB, utf8('全年共受理矛盾纠纷12件。\n')) },
    { refused: /^is 50\.0 MiB; reports over 1\.0 MiB are refused/ },
  ],
  [
    'a 5 MB single line: refused by the size limit',
    { 'case-2024.txt': Buffer.alloc(5 * MIB, utf8('共办理事项2361件，')) },
    { refused: /^is 5\.0 MiB; reports over 1\.0 MiB are refused/ },
  ],
  [
    'a 300 KB single line under the limit: published',
    { 'case-2024.txt': `${TITLE}${'依法行政，'.repeat(20_000)}全年共受理矛盾纠纷12件，调解成功率100%。` },
    { published: 'case-2024' },
  ],
  [
    'no figures: published with none',
    { 'case-2024.txt': report('全面推进依法行政。') },
    {
      published: 'case-2024',
      figures: [],
      check: (site, id) => expect(site.row('reports', id)?.figures).toBe(0),
    },
  ],
  // Sidecars.
  [
    'a sidecar that is not JSON: the report is refused, naming the sidecar',
    { 'case-2024.txt': TEXT, 'case-2024.meta.json': '{"year": 2024,' },
    { refused: /^is not valid JSON/, file: 'case-2024.meta.json' },
  ],
  [
    'a sidecar with an unknown field: refused, naming the field',
    { 'case-2024.txt': TEXT, 'case-2024.meta.json': '{"yaer": 2024}' },
    { refused: /^has an unknown field "yaer"$/, file: 'case-2024.meta.json' },
  ],
  [
    'a sidecar with a "__proto__" key: refused as an unknown field, nothing polluted',
    { 'case-2024.txt': TEXT, 'case-2024.meta.json': '{"__proto__": {"license": "x"}, "year": 2024}' },
    { refused: /^has an unknown field "__proto__"$/, file: 'case-2024.meta.json' },
  ],
  [
    'a 6 MiB sidecar: refused by the sidecar size limit, naming the sidecar',
    { 'case-2024.txt': TEXT, 'case-2024.meta.json': JSON.stringify({ title: '长'.repeat(2 * MIB) }) },
    { refused: /^is 6\.0 MiB; sidecars over 0\.1 MiB are refused$/, file: 'case-2024.meta.json' },
  ],
  [
    'a sidecar title of 301 characters: refused, naming the field',
    { 'case-2024.txt': TEXT, 'case-2024.meta.json': JSON.stringify({ title: '长'.repeat(301) }) },
    {
      refused: /has an invalid field "title": Too big: expected string to have <=300 characters/,
      file: 'case-2024.meta.json',
    },
  ],
  [
    'a sidecar licence that is not an id ("CC BY 4.0"): refused, naming the field and the nearest SPDX id',
    { 'case-2024.txt': TEXT, 'case-2024.meta.json': '{"license": "CC BY 4.0"}' },
    {
      refused:
        /has an invalid field "license": must be an SPDX licence id such as CC-BY-4.0, a LicenseRef-… id or an http\(s\) URL, got "CC BY 4\.0" \(did you mean "CC-BY-4\.0"\?\)/,
      file: 'case-2024.meta.json',
    },
  ],
  [
    'a sidecar licence in words ("Proprietary, all rights reserved"): refused',
    { 'case-2024.txt': TEXT, 'case-2024.meta.json': '{"license": "Proprietary, all rights reserved"}' },
    { refused: /has an invalid field "license": must be an SPDX licence id/, file: 'case-2024.meta.json' },
  ],
  [
    'a LicenseRef licence: published with it',
    { 'case-2024.txt': TEXT, 'case-2024.meta.json': '{"license": "LicenseRef-PRC-Official-Document"}' },
    {
      published: 'case-2024',
      check: (site, id) => expect(site.row('reports', id)?.license).toBe('LicenseRef-PRC-Official-Document'),
    },
  ],
  [
    'a licence given as the URL of its text: published with it',
    { 'case-2024.txt': TEXT, 'case-2024.meta.json': '{"license": "https://www.gov.cn/copyright.html"}' },
    {
      published: 'case-2024',
      check: (site, id) => expect(site.row('reports', id)?.license).toBe('https://www.gov.cn/copyright.html'),
    },
  ],
  [
    'a sidecar whose year contradicts the title: the sidecar wins',
    { 'case-2024.txt': TEXT, 'case-2024.meta.json': '{"year": 2022, "entity": "白石镇"}' },
    {
      published: 'case-2024',
      check: (site, id) =>
        expect(site.row('reports', id)).toMatchObject({ year: 2022, entity: '白石镇', title: TITLE }),
    },
  ],
  // Names: ids are lower-case ASCII, so two files can never claim one id (x.txt and X.txt).
  [
    'the same id in another case (Case-2024.txt beside case-2024.txt): the one that is not an id is refused',
    { 'case-2024.txt': TEXT, 'Case-2024.txt': TEXT },
    { refused: /is not a report id/, file: 'Case-2024.txt', reports: ['case-2024', 'xiaowangzhuang-2023'] },
  ],
  [
    'an upper-case extension (case-2024.TXT): refused',
    { 'case-2024.TXT': TEXT },
    { refused: /is not a report id/, file: 'case-2024.TXT' },
  ],
  [
    'spaces in the name: refused',
    { 'my report 2024.txt': TEXT },
    { refused: /is not a report id/, file: 'my report 2024.txt' },
  ],
  [
    'Chinese in the name: refused',
    { '青石镇-2024.txt': TEXT },
    { refused: /is not a report id/, file: '青石镇-2024.txt' },
  ],
  ['a name of dots (..txt): refused', { '..txt': TEXT }, { refused: /is not a report id/, file: '..txt' }],
  [
    'a report in a subfolder: refused',
    { 'sub/case-2024.txt': TEXT },
    { refused: /is in a subfolder/, file: 'sub/case-2024.txt' },
  ],
  [
    'a symbolic link out of the folder: refused, never read',
    { 'case-2024.txt': { link: 'secret.txt' } },
    { refused: /is a symbolic link/ },
  ],
  [
    'a named pipe (FIFO) named like a report: refused, never opened',
    { 'case-2024.txt': { fifo: true } },
    { refused: /^is not a regular file \(a pipe, a socket or a device\), so it was not read$/ },
  ],
  [
    'a symbolic link as the sidecar: the report is refused, naming the sidecar',
    { 'case-2024.txt': TEXT, 'case-2024.meta.json': { link: 'secret.json' } },
    { refused: /is a symbolic link/, file: 'case-2024.meta.json' },
  ],
  // Hostile text: published as data, never as markup or formulas.
  [
    'CSV formulas (=HYPERLINK, +, -, @) in the text: published, cells neutralised',
    {
      'case-2024.txt': `=HYPERLINK("http://evil.example","点击")${TITLE}\n一、主要成效\n=1+2全年共受理矛盾纠纷12件，\n@SUM(A1)调解成功率100%。\n`,
    },
    { published: 'case-2024', check: (site) => expectFormulaSafe(site, '=1+2全年共受理矛盾纠纷12件') },
  ],
  [
    'full-width formula signs (＝＋－＠) at the start of a cell: published, cells neutralised',
    {
      'case-2024.txt': `＝HYPERLINK("http://evil.example")${TITLE}\n一、主要成效\n＋全年共受理矛盾纠纷12件，\n＠调解成功率100%。\n`,
    },
    { published: 'case-2024', check: (site) => expectFormulaSafe(site, '＋全年共受理矛盾纠纷12件') },
  ],
  [
    'HTML and script in the text: published, escaped',
    {
      'case-2024.txt': report(
        '</h2><script>alert(1)</script>全年共受理<img src=x onerror=alert(2)>矛盾纠纷12件，调解成功率100%。',
      ),
    },
    { published: 'case-2024', check: (site, id) => expectEscaped(site.read(`reports/${id}/index.html`)) },
  ],
  [
    'zero-width and bidi controls: kept in source.txt; a split number is no figure; no control in a label',
    {
      'case-2024.txt': report(
        '全年共受理矛盾纠纷1\u200b2件，办理事项\u202e34件\u202c，调解\u2066成功率\u2069100%。',
      ),
    },
    {
      published: 'case-2024',
      figures: ['34件', '100%'],
      check: (site, id) =>
        expect(
          site
            .figures(id)
            .map((f) => f.label)
            .join(''),
        ).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/),
    },
  ],
  [
    'a number too large for a double: no figure',
    { 'case-2024.txt': report(`全年共办理事项${'9'.repeat(400)}件，受理矛盾纠纷12件。`) },
    { published: 'case-2024', figures: ['12件'] },
  ],
];

describe('the bad-input catalogue, through publish', () => {
  it.each(CASES)('%s', async (_name, files, outcome) => {
    const { dir, target, summary } = await publishWith(files);
    expect(summary.reports).toContain('xiaowangzhuang-2023');
    const site = siteOf(target);
    const listed = JSON.parse(site.read('problems.json')).problems;
    if ('refused' in outcome) {
      const file = join(dir, outcome.file ?? Object.keys(files)[0] ?? '');
      expect(summary.problems).toEqual([
        expect.objectContaining({ file, problem: expect.stringMatching(outcome.refused) }),
      ]);
      expect(summary.reports).toEqual(outcome.reports ?? ['xiaowangzhuang-2023']);
      expect(listed).toHaveLength(1);
      expect(listed[0].file).toBe(file.slice(file.lastIndexOf('/') + 1));
      const hidden = outcome.reports ? /SECRET/ : /SECRET|case-2024/;
      for (const path of ['data/figures.csv', 'index.html']) expect(site.read(path)).not.toMatch(hidden);
      return;
    }
    expect(summary.problems).toEqual([]);
    expect(listed).toEqual([]);
    const id = outcome.published;
    const text = site.read(`reports/${id}/source.txt`);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const figures = site.figures(id);
    for (const figure of figures) expect(text.slice(figure.start, figure.end)).toBe(figure.text);
    expect(figures.map((f) => f.text)).toEqual(outcome.figures ?? ['12件', '100%']);
    outcome.check?.(site, id);
  });

  it('decodes the encodings to the very text', async () => {
    const { target } = await publishWith({
      'case-2024.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]),
    });
    expect(siteOf(target).read('reports/case-2024/source.txt')).toBe(TEXT);
  });

  it.each(['../evil-2024.txt', 'a/../../evil-2024.txt', '..\\evil-2024.txt'])(
    'refuses the key %j of a bucket (path traversal) and writes nothing outside the site',
    async (key) => {
      const source = new MemoryStore('s3://source/reports/');
      source.objects.set(key, utf8(TEXT));
      source.objects.set('xiaowangzhuang-2023.txt', await readFile(SEED));
      const target = new MemoryStore();
      const summary = await publish({ source, target, settings });
      expect(summary.reports).toEqual(['xiaowangzhuang-2023']);
      expect(summary.problems).toEqual([
        { file: `s3://source/reports/${key}`, problem: expect.stringMatching(/subfolder|not a report id/) },
      ]);
      expect([...target.objects.keys()].filter((k) => /evil|\.\./.test(k))).toEqual([]);
    },
  );
});

async function publishWith(files: Record<string, Content>) {
  const parent = await tempDir();
  const dir = join(parent, 'reports');
  await mkdir(join(dir, 'sub'), { recursive: true });
  await writeFile(join(parent, 'secret.txt'), `${TITLE}\nSECRET 全年共受理矛盾纠纷12件。\n`);
  await writeFile(join(parent, 'secret.json'), '{"entity": "SECRET"}');
  await writeFile(join(dir, 'xiaowangzhuang-2023.txt'), await readFile(SEED));
  await writeFile(
    join(dir, 'xiaowangzhuang-2023.meta.json'),
    await readFile(new URL('data/reports/xiaowangzhuang-2023.meta.json', PROJECT_ROOT)),
  );
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === 'object' && 'link' in content)
      await symlink(join(parent, content.link), join(dir, name));
    else if (typeof content === 'object' && 'fifo' in content)
      execFileSync('mkfifo', [join(dir, name)]); // reading it would block the run forever
    else await writeFile(join(dir, name), content);
  }
  const source: Store = new FsStore(dir);
  const target = new MemoryStore();
  const summary = await publish({ source, target, settings });
  return { source, dir, target, summary };
}

function siteOf(target: MemoryStore): Site {
  const read = (path: string) => target.text(path) ?? '';
  const rows = (dataset: string) => JSON.parse(read(`data/${dataset}.json`)) as Record<string, unknown>[];
  return {
    read,
    sheet: (dataset) => {
      const workbook = unzipSync(target.objects.get(`data/${dataset}.xlsx`) ?? new Uint8Array());
      return new TextDecoder().decode(workbook['xl/worksheets/sheet1.xml']);
    },
    figures: (id) => rows('figures').filter((row) => row.report_id === id) as never,
    row: (dataset, id) => rows(dataset).find((row) => row.id === id),
  };
}

/** No cell starts a formula (ASCII or full-width sign); JSON and XLSX keep the text as it is. */
function expectFormulaSafe(site: Site, kept: string): void {
  let neutralised = 0;
  for (const dataset of ['figures', 'reports', 'indicators', 'checks']) {
    for (const cell of parseCsv(site.read(`data/${dataset}.csv`)).flat()) {
      if (cell !== '' && Number.isFinite(Number(cell))) continue;
      expect(cell, dataset).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
      if (/^'[=+\-@＝＋－＠]/.test(cell)) neutralised += 1;
    }
  }
  expect(neutralised).toBeGreaterThan(0);
  expect(site.read('data/figures.json')).toContain(kept);
  const sheet = site.sheet('figures');
  expect(sheet).toContain(kept);
  expect(sheet).not.toMatch(/<f[\s>]/);
}

function expectEscaped(page: string): void {
  expect(page).not.toMatch(/<script>alert|<img src=x/);
  // preact escapes `&`, `<` and `"`: no tag can start.
  expect(page).toContain('&lt;script>alert(1)&lt;/script>');
  expect(page).toContain('&lt;img src=x onerror=alert(2)>');
}
