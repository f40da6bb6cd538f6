import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliResult, runCli, startCli, stop } from '../support/cli.ts';
import { PROJECT_ROOT, SEED, sharedTempDirs, useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const sharedDir = sharedTempDirs();
const seedPath = fileURLToPath(SEED);
const children: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map(stop));
});

let dataReports: Promise<{ out: string; run: CliResult }> | undefined;
/**
 * `opendata publish --out <folder>` of data/reports (the seed and 31 provincial reports, seconds of
 * work), run once by whichever test needs it first: the publish test reads what it said, the serve
 * test serves the folder.
 */
function publishedDataReports(): Promise<{ out: string; run: CliResult }> {
  dataReports ??= sharedDir().then(async (out) => ({ out, run: await runCli(['publish', '--out', out]) }));
  return dataReports;
}

describe('opendata extract', () => {
  it('prints the figures of a report as JSON, each text equal to its span', async () => {
    const { code, stdout, stderr } = await runCli(['extract', seedPath, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const figures = JSON.parse(stdout);
    const text = await readFile(SEED, 'utf8');
    expect(figures.length).toBeGreaterThan(20);
    for (const figure of figures) {
      expect(Object.keys(figure)).toEqual(
        expect.arrayContaining([
          'value',
          'unit',
          'qualifier',
          'start',
          'end',
          'text',
          'label',
          'section',
          'sentence',
          'period',
          'status',
          'change',
        ]),
      );
      expect(text.slice(figure.start, figure.end)).toBe(figure.text);
      expect(figure.sentence).toContain(figure.text);
    }
    expect(figures).toContainEqual(
      expect.objectContaining({
        text: '2361件',
        value: 2361,
        unit: '件',
        qualifier: 'exact',
        report_id: 'xiaowangzhuang-2023',
        period: '2023',
        status: 'actual',
        change: 'none',
      }),
    );
  });

  it('says of each figure of a work report the period it covers, whether it is a result or a target, and which way it changed', async () => {
    const dir = await tempDir();
    const file = join(dir, 'qingshi-2026.txt');
    await writeFile(
      file,
      [
        '青石县2026年政府工作报告',
        '一、2025年工作回顾',
        '全县地区生产总值增长5.6%，粮食产量下降2.1%。',
        '二、2026年主要工作',
        '主要预期目标是：地区生产总值增长5%左右。',
        '',
      ].join('\n'),
    );
    const { code, stdout } = await runCli(['extract', file, '--format', 'csv']);
    expect(code).toBe(0);
    const rows = stdout
      .split('\r\n')
      .filter(Boolean)
      .map((line) => line.split(','));
    const header = rows[0] ?? [];
    const column = (name: string) => header.indexOf(name);
    const meaning = rows
      .slice(1)
      .map((row) => [
        row[column('text')],
        row[column('value')],
        row[column('period')],
        row[column('status')],
        row[column('change')],
      ]);
    expect(meaning).toEqual([
      ['5.6%', '5.6', '2025', 'actual', 'up'],
      ['2.1%', '2.1', '2025', 'actual', 'down'],
      ['5%', '5', '2026', 'target', 'up'],
    ]);
  });

  it('prints the same figures as CSV', async () => {
    const json = JSON.parse((await runCli(['extract', seedPath])).stdout);
    const { code, stdout } = await runCli(['extract', seedPath, '--format', 'csv']);
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(
      'id,report_id,entity,year,section,label,value,unit,qualifier,period,status,change,text,sentence,start,end,url,correction',
    );
    expect(lines.filter(Boolean)).toHaveLength(json.length + 1);
  });

  it.each([
    ['a missing file', 'missing.txt', null, /missing\.txt: does not exist/],
    ['an empty file', 'empty.txt', '', /empty\.txt: is empty/],
    [
      'a binary file',
      'binary.txt',
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]),
      /binary\.txt: is binary/,
    ],
  ])('rejects %s with exit code 1 and one line naming it', async (_name, file, content, message) => {
    const dir = await tempDir();
    if (content !== null) await writeFile(join(dir, file), content);
    const { code, stdout, stderr } = await runCli(['extract', join(dir, file)]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['extract'], "missing required argument 'report'", 'extract '],
    [
      ['extract', seedPath, '--format', 'xml'],
      "argument 'xml' is invalid. Allowed choices are json, csv.",
      'extract ',
    ],
    [['extract', seedPath, '--nope'], "unknown option '--nope'", 'extract '],
    [
      ['extract', seedPath, '--fromat', 'csv'],
      "unknown option '--fromat' (did you mean --format?)",
      'extract ',
    ],
    [['extrct', seedPath], "unknown command 'extrct' (did you mean extract?)", ''],
    [['frobnicate'], "unknown command 'frobnicate'", ''],
    [[], 'no command given (one of extract, publish, serve, fetch, versions, rollback)', ''],
  ])(
    'answers the usage error %j with one line, a pointer to --help and exit code 2',
    async (args, line, command) => {
      const { code, stdout, stderr } = await runCli(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      const [error, pointer, ...rest] = stderr.split('\n');
      expect(error).toMatch(/^opendata: /);
      expect(error).toContain(line);
      expect(pointer).toBe(`Run "opendata ${command}--help" for usage.`);
      expect(rest).toEqual(['']);
    },
  );
});

describe('opendata publish', () => {
  it('publishes data/reports (the seed and 31 provincial reports) into a folder and reports what it wrote', async () => {
    const {
      out,
      run: { code, stdout },
    } = await publishedDataReports();
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Published 32 reports \(\d+ figures\) to .*: new version \d{8}T\d{6}Z-[0-9a-f]{12}, \d+ objects written, 0 linked from the previous version, 0 unchanged; 0 reports from the cache, 32 made\.\n$/,
    );
    const csv = await readFile(join(out, 'data/figures.csv'), 'utf8');
    expect(csv).toContain(',2361,件,exact,2023,actual,none,2361件,');
    const again = await runCli(['publish', '--out', out, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({
      version: expect.stringMatching(/^\d{8}T\d{6}Z-[0-9a-f]{12}$/),
      newVersion: false,
      written: [],
      copied: 0,
      unchanged: expect.any(Number),
      changed: [],
      invalidated: [],
      reports: expect.arrayContaining(['xiaowangzhuang-2023', 'shanghai-zhengfugongzuobaogao-2026']),
      problems: [],
    });
    expect(JSON.parse(again.stdout).reports).toHaveLength(32);
    expect(again.stderr).toBe('');
  });

  it('publishes the good reports, names the bad one on stderr and exits 1', async () => {
    const reports = await tempDir();
    await writeFile(join(reports, 'good-2023.txt'), await readFile(SEED));
    await writeFile(join(reports, 'bad-2023.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8]));
    const out = await tempDir();
    const { code, stdout, stderr } = await runCli(['publish', reports, '--out', out]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/bad-2023\.txt: /)]);
    expect(stdout).toMatch(/Published 1 report .* 1 report\(s\) left out\./);
    expect(await readFile(join(out, 'data/reports.csv'), 'utf8')).toContain('good-2023');
  });

  it('refuses site settings whose licence is not an SPDX id, a LicenseRef id or a URL, naming the field', async () => {
    const dir = await tempDir();
    const site = JSON.parse(await readFile(new URL('data/site.json', PROJECT_ROOT), 'utf8'));
    await writeFile(join(dir, 'site.json'), JSON.stringify({ ...site, license: 'CC BY 4.0' }));
    const { code, stderr } = await runCli(['publish', '--out', dir, '--site', join(dir, 'site.json')]);
    expect(stderr).toBe(
      `${join(dir, 'site.json')}: has an invalid field "license": must be an SPDX licence id such as CC-BY-4.0, a LicenseRef-… id or an http(s) URL, got "CC BY 4.0" (did you mean "CC-BY-4.0"?)\n`,
    );
    expect(code).toBe(1);
  });

  it('shows control characters of file names as escapes, so a name cannot drive the terminal', async () => {
    const reports = await tempDir();
    await writeFile(join(reports, 'evil\u001b[2J\u001b]0;owned\u0007\u202e-2024.txt'), await readFile(SEED));
    const { code, stderr } = await runCli(['publish', reports, '--out', await tempDir()]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${reports}/evil\\x1b[2J\\x1b]0;owned\\x07\\u202e-2024.txt: has a name that is not a report id (use lower-case letters, digits and - _ .)\n`,
    );
    expect([...stderr].filter((c) => c !== '\n' && (c < ' ' || c === '\u202e'))).toEqual([]);
  });

  it('needs a target', async () => {
    const { code, stderr } = await runCli(['publish']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'opendata: give either --out <dir> or --bucket <name>\nRun "opendata publish --help" for usage.\n',
    );
  });
});

describe('opendata serve', () => {
  it('serves a published folder with the right content types and security headers', async () => {
    const { out, run } = await publishedDataReports();
    expect(run.code).toBe(0);
    const server = await startCli(['serve', out, '--port', '0']);
    children.push(server.child);
    const expectations: [string, string][] = [
      ['', 'text/html; charset=utf-8'],
      ['data/figures.csv', 'text/csv; charset=utf-8'],
      ['data/figures.json', 'application/json'],
      ['datapackage.json', 'application/json'],
      ['data/figures.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['catalog.jsonld', 'application/ld+json'],
      ['feed.atom', 'application/atom+xml'],
      ['reports/xiaowangzhuang-2023/source.txt', 'text/plain; charset=utf-8'],
      ['reports/xiaowangzhuang-2023/index.html', 'text/html; charset=utf-8'],
    ];
    for (const [path, type] of expectations) {
      const response = await fetch(server.url + path);
      // Read to the end: a body left unread holds its connection, and the server's exit waits for it.
      await response.arrayBuffer();
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const home = await (await fetch(server.url)).text();
    expect(home).toContain('href="data/figures.csv"');
    const csv = await fetch(`${server.url}data/figures.csv`);
    await csv.arrayBuffer();
    expect(csv.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${server.url}nothing-here`)).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '//../secret.txt',
  ])('does not reach outside the folder with %s', async (path) => {
    const parent = await tempDir();
    const site = join(parent, 'site');
    await writeFile(join(parent, 'secret.txt'), 'secret');
    await mkdir(site);
    await writeFile(join(site, 'index.html'), '<p>hi</p>');
    const server = await startCli(['serve', site, '--port', '0']);
    children.push(server.child);
    const { port } = new URL(server.url);
    const { status, body } = await rawGet(Number(port), path);
    expect(body).not.toContain('secret');
    expect(status).toBe(404);
  });

  it('binds to 127.0.0.1 and takes PORT from the environment', async () => {
    const out = await tempDir();
    await writeFile(join(out, 'index.html'), 'x');
    const server = await startCli(['serve', out], { env: { PORT: '0' } });
    children.push(server.child);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});

describe('npx opendata', () => {
  it('runs right after npm ci, with no build step', () => {
    const result = spawnSync('npx', ['--no-install', 'opendata', '--help'], {
      cwd: fileURLToPath(PROJECT_ROOT),
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: opendata [options] [command]');
  });
});

/** A GET with the path sent exactly as given (fetch would normalise `..` away). */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
