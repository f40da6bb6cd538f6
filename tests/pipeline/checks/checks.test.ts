import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../lambda/pipeline/build/build-report.ts';
import { buildSite } from '../../../lambda/pipeline/build/build-site.ts';
import type { Check } from '../../../lambda/pipeline/checks/check.ts';
import { allChecks } from '../../../lambda/pipeline/checks/checks.ts';
import { parseIndicatorCatalog } from '../../../lambda/pipeline/indicators/indicator-catalog.ts';
import { matchIndicators } from '../../../lambda/pipeline/indicators/indicators.ts';
import { parseSiteSettings } from '../../../lambda/pipeline/report/settings.ts';
import { readPortalAssets } from '../../../lambda/publish/portal-assets.ts';
import { parseCsv } from '../../support/csv.ts';
import { CORPUS, PROJECT_ROOT, SEED } from '../../support/temp.ts';

const catalog = parseIndicatorCatalog(
  await readFile(new URL('data/indicators.json', PROJECT_ROOT)),
  'data/indicators.json',
);
const assets = await readPortalAssets();
const settings = parseSiteSettings(await readFile(new URL('data/site.json', PROJECT_ROOT)), 'data/site.json');
const meta = JSON.parse(
  await readFile(new URL('data/reports/xiaowangzhuang-2023.meta.json', PROJECT_ROOT), 'utf8'),
);
const seed = await readFile(SEED, 'utf8');
const encoder = new TextEncoder();

function report(id: string, text: string, year: number) {
  return buildReport({
    id,
    file: id,
    bytes: encoder.encode(text),
    meta: { ...meta, year },
    defaultLicense: 'CC-BY-4.0',
  });
}

/** kind, status, expected, actual, the figures' texts, the Chinese explanation. */
const summary = (check: Check) => [
  check.kind,
  check.status,
  check.indicatorId,
  check.expected,
  check.actual,
  check.figures.map((f) => f.text),
  check.explanation,
];

describe('the checks of the seed', () => {
  const checks = allChecks([matchIndicators(report('xiaowangzhuang-2023', seed, 2023), catalog)]);

  it.each([
    [
      'rate',
      'pass',
      'mediation.success_rate',
      100,
      100,
      ['100%', '24件', '24件'],
      '调解成功率100%：24 / 24 = 100%，与所述一致。',
    ],
    ['total', 'pass', '', 6, 15, ['15次', '2次', '4次'], '2次 + 4次 = 6次，不超过“其中”之前的总数15次。'],
    ['repeat', 'pass', 'service.stations', 21, 21, ['21个', '21个'], '便民服务站点两处均为21个，前后一致。'],
    [
      'approx',
      'pass',
      'study.staff_participants',
      72,
      70,
      ['70余名', '72名'],
      '参加学法考试人数：约数70余名与确数72名相符。',
    ],
  ])('%s: %s', (...expected) => {
    expect(checks.map(summary)).toContainEqual(expected);
  });

  it('are exactly those four, each with an English line too', () => {
    expect(checks.map((c) => c.kind)).toEqual(['rate', 'total', 'repeat', 'approx']);
    expect(checks[0]?.explanationEn).toBe('Mediation success rate 100%: 24 / 24 = 100%, as stated.');
    expect(checks.every((c) => /^[a-z]+-[0-9a-f]{12}$/.test(c.id))).toBe(true);
  });
});

describe('checks over the development corpus', () => {
  it.each([
    [
      '11-lirangjie-jiedao-fazhi-2024',
      ['total', 'pass', '', 965, 965, ['965条', '802条', '163条'], '802条 + 163条 = 965条，等于合计965条。'],
    ],
    [
      '32-hezhengxian-tongji-2022',
      [
        'total',
        'pass',
        '',
        3418810000,
        3418810000,
        ['341881万元', '56789万元', '80349万元', '204743万元'],
        '56789万元 + 80349万元 + 204743万元 = 3418810000元，等于合计341881万元。',
      ],
    ],
  ])('%s: parts against the total', async (name, expected) => {
    const text = await readFile(new URL(`${name}.txt`, CORPUS), 'utf8');
    const checks = allChecks([matchIndicators(report(name, text, 2024), catalog)]);
    expect(checks.map(summary)).toContainEqual(expected);
  });
});

describe('a total with more parts than a reader could add up', () => {
  const totals = (body: string) =>
    allChecks([
      matchIndicators(report('qingshi-2024', `青石镇2024年法治政府建设情况报告\n${body}\n`, 2024), catalog),
    ])
      .filter((check) => check.kind === 'total')
      .map((check) => [check.status, check.figures.length]);
  const parts = (n: number, unit: string) => Array.from({ length: n }, () => `1${unit}`).join('、');

  it.each([
    ['20 parts before 合计 are checked', `发放宣传资料${parts(20, '条')}，合计20条。`, [['pass', 21]]],
    ['21 are not', `发放宣传资料${parts(21, '条')}，合计21条。`, []],
    ['20 parts after 其中 are checked', `受理矛盾纠纷30件，其中${parts(20, '件')}。`, [['pass', 21]]],
    ['21 are not', `受理矛盾纠纷30件，其中${parts(21, '件')}。`, []],
  ])('%s', (_name, body, expected) => {
    expect(totals(body)).toEqual(expected);
  });
});

describe('a second report of the same town, a year later', () => {
  // The seed edited: another year, other numbers, and two statements of last year's value.
  const next = seed
    .replace('小王庄镇2023年', '小王庄镇2024年')
    .replace('共办理事项2361件', '共办理事项2500件，比上年增加139件')
    .replace(
      '受理各类矛盾纠纷24件,调解成功24件,调解成功率100%',
      '受理各类矛盾纠纷30件,比上年增加5件,调解成功29件,调解成功率96.7%',
    );
  const reports = [report('xiaowangzhuang-2023', seed, 2023), report('xiaowangzhuang-2024', next, 2024)];
  const files = buildSite(settings, reports, assets, catalog);
  const text = (path: string) => new TextDecoder().decode(files.find((f) => f.path === path)?.body);

  it('gives a two-row wide table', () => {
    const [header, ...rows] = parseCsv(text('data/indicators-wide.csv'));
    const column = (id: string) => rows.map((row) => row[header?.indexOf(id) ?? -1]);
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['xiaowangzhuang-2023', '小王庄镇', '天津市滨海新区', '2023'],
      ['xiaowangzhuang-2024', '小王庄镇', '天津市滨海新区', '2024'],
    ]);
    expect(column('service.items_handled')).toEqual(['2361', '2500']);
    expect(column('mediation.success_rate')).toEqual(['100', '96.7']);
    expect(column('economy.gdp')).toEqual(['', '']);
  });

  it('draws each indicator across the two years: two points joined by a line', () => {
    const page = text('indicators/index.html');
    const section = page.split('id="i-service-items-handled"')[1]?.split('</section>')[0] ?? '';
    expect(section.match(/<circle /g)).toHaveLength(2);
    expect(section).toContain(
      '<desc id="i-service-items-handled-desc">小王庄镇 2023: 2,361 件; 小王庄镇 2024: 2,500 件</desc>',
    );
    expect(section).toMatch(/<polyline points="[\d,]+ [\d,]+"/);
  });

  it('checks the restated previous-year values against the earlier report', () => {
    const checks = allChecks(reports.map((r) => matchIndicators(r, catalog)));
    expect(checks.filter((c) => c.kind === 'restatement').map(summary)).toEqual([
      [
        'restatement',
        'pass',
        'service.items_handled',
        2361,
        2361,
        ['139件', '2500件', '2361件'],
        '办理政务服务事项：本报告推算上年为2361件，2023年报告为2361件，一致。',
      ],
      [
        'restatement',
        'fail',
        'mediation.disputes_accepted',
        24,
        25,
        ['5件', '30件', '24件'],
        '受理矛盾纠纷：本报告推算上年为25件，2023年报告为24件，不一致。',
      ],
    ]);
    expect(checks.find((c) => c.kind === 'rate' && c.reportId === 'xiaowangzhuang-2024')).toMatchObject({
      status: 'pass',
      expected: 96.6667,
      actual: 96.7,
    });
    const rows = parseCsv(text('data/checks.csv'));
    expect(rows.filter((row) => row[2] === 'restatement').map((row) => row[3])).toEqual(['pass', 'fail']);
  });

  it('lists a report’s own checks on its page and flags the figures of a failed one', () => {
    const broken = seed.replace('调解成功率100%', '调解成功率90%');
    const page = new TextDecoder().decode(
      buildSite(settings, [report('xiaowangzhuang-2023', broken, 2023)], assets, catalog).find(
        (f) => f.path === 'reports/xiaowangzhuang-2023/index.html',
      )?.body,
    );
    expect(page).toContain('<h2 id="checks-title">');
    expect(page).toContain('调解成功率90%：24 / 24 = 100%，与所述不符。');
    expect(page.match(/<mark id="f-[0-9a-f]+" class="fig flagged">/g)).toHaveLength(3);
    expect(page.match(/<a class="flag flag-fail" href="#check-rate-[0-9a-f]{12}">/g)).toHaveLength(3);
  });
});
