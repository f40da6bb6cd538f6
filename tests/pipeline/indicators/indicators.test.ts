import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../lambda/pipeline/build/build-report.ts';
import { parseIndicatorCatalog } from '../../../lambda/pipeline/indicators/indicator-catalog.ts';
import { indicatorValues, matchIndicators } from '../../../lambda/pipeline/indicators/indicators.ts';
import { CORPUS, PROJECT_ROOT, SEED } from '../../support/temp.ts';

const CATALOG_FILE = new URL('data/indicators.json', PROJECT_ROOT);
const catalog = parseIndicatorCatalog(await readFile(CATALOG_FILE), 'data/indicators.json');
const valid = JSON.parse(await readFile(CATALOG_FILE, 'utf8'));

async function report(url: URL, id = 'r') {
  return buildReport({ id, file: url.pathname, bytes: await readFile(url), defaultLicense: 'CC-BY-4.0' });
}

describe('the indicator catalog, data/indicators.json', () => {
  it('is valid, with unique ids and every theme used', () => {
    expect(catalog.indicators.length).toBe(53);
    expect(new Set(catalog.indicators.map((i) => i.id)).size).toBe(53);
    expect(catalog.themes.map((t) => t.name)).toEqual([
      '政务服务',
      '依法决策',
      '行政执法',
      '矛盾纠纷化解',
      '公共法律服务',
      '学法用法',
      '法治宣传',
      '应急管理',
      '经济发展',
      '财政',
      '人口',
    ]);
    for (const theme of catalog.themes)
      expect(catalog.indicators.some((i) => i.theme === theme.name)).toBe(true);
  });

  const broken = (edit: (c: typeof valid) => void) => {
    const copy = structuredClone(valid);
    edit(copy);
    return new TextEncoder().encode(JSON.stringify(copy));
  };
  it.each([
    [
      'a bad pattern',
      (c: typeof valid) => {
        c.indicators[1].rules[0].label = ['('];
      },
      /"indicators\.1\.rules\.0\.label\.0": is not a valid regular expression/,
    ],
    [
      'an unknown theme',
      (c: typeof valid) => {
        c.indicators[2].theme = '外交';
      },
      /"indicators\.2\.theme": is not one of "themes"/,
    ],
    [
      'a repeated id',
      (c: typeof valid) => {
        c.indicators[3].id = c.indicators[0].id;
      },
      /"indicators\.3\.id": repeats "service\.items_handled"/,
    ],
    [
      'a rate naming no indicator',
      (c: typeof valid) => {
        c.indicators.find((i: { rate?: unknown }) => i.rate).rate.numerator = 'x.y';
      },
      /rate\.numerator": names no indicator/,
    ],
    [
      'a rule without label or before',
      (c: typeof valid) => {
        c.indicators[0].rules = [{ sentence: ['a'] }];
      },
      /"indicators\.0\.rules\.0": needs a "label" or a "before" pattern/,
    ],
  ])('refuses %s, naming the file and the field', (_, edit, message) => {
    expect(() => parseIndicatorCatalog(broken(edit), 'data/indicators.json')).toThrow(
      /^data\/indicators\.json: has an invalid field /,
    );
    expect(() => parseIndicatorCatalog(broken(edit), 'data/indicators.json')).toThrow(message);
  });

  it('refuses an unknown field, naming it and where it is', () => {
    const edit = (c: typeof valid) => {
      c.indicators[0].colour = 'red';
    };
    expect(() => parseIndicatorCatalog(broken(edit), 'data/indicators.json')).toThrow(
      'data/indicators.json: has an unknown field "colour" in "indicators.0"',
    );
  });
});

/** The seed's figures, in text order: text, label → indicator (null: unmatched). */
const SEED_MATCHES: [string, string, string | null][] = [
  ['21个', '便民服务站', 'service.stations'],
  ['2361件', '办理事项', 'service.items_handled'],
  ['21个', '便民服务站', 'service.stations'],
  ['100%', '达到群众办件满意度', 'service.satisfaction_rate'],
  ['50余条', '提出专业意见', 'decision.adviser_opinions'],
  ['50余次', '占道经营行为', null],
  ['200余处', '沿街店外摆卖行为', null],
  ['10余处', '乱吊乱挂行为', null],
  ['10个', '执法记录仪', 'enforcement.body_cameras'],
  ['1部', '摄像机', null],
  ['4部', '执法手机', null],
  ['21个', '村居建立村级应急队伍', null],
  ['2次', '综合性应急演练', 'emergency.drills'],
  ['48家次', '双随机执法检查', 'enforcement.inspections'],
  ['2家', '企业', 'enforcement.penalties'],
  ['21个', '村委会人民调解委员会', 'mediation.committees'],
  ['300余次', '矛盾纠纷隐患', 'mediation.screenings'],
  ['2件', '预防矛盾纠纷', 'mediation.disputes_prevented'],
  ['24件', '受理各类矛盾纠纷', 'mediation.disputes_accepted'],
  ['24件', '调解成功', 'mediation.disputes_resolved'],
  ['100%', '调解成功率', 'mediation.success_rate'],
  ['21个', '行政村居设立三务公开栏', null],
  ['2场', '专题学习', null],
  ['70余名', '国家工作人员', 'study.staff_participants'],
  ['15次', '学习', 'study.group_sessions'],
  ['2次', '学习习近平法治思想', 'study.xi_thought_sessions'],
  ['4次', '法律法规', 'study.law_sessions'],
  ['72名', '公务员', 'study.staff_participants'],
];

describe('the seed', async () => {
  const result = matchIndicators(await report(SEED, 'xiaowangzhuang-2023'), catalog);
  const matched = new Map(result.matches.map((m) => [m.figure, m.indicator.id]));

  it('matches 20 of its 28 figures, none ambiguous', () => {
    expect(result.report.figures.map((f) => [f.text, f.label, matched.get(f) ?? null])).toEqual(SEED_MATCHES);
    expect([result.matches.length, result.ambiguous.length, result.unmatched.length]).toEqual([20, 0, 8]);
  });

  it.each([
    ['service.items_handled', 'found', 2361, 'exact', 1],
    ['service.stations', 'found', 21, 'exact', 2],
    ['decision.adviser_opinions', 'found', 50, 'over', 1],
    ['mediation.disputes_accepted', 'found', 24, 'exact', 1],
    ['mediation.success_rate', 'found', 100, 'exact', 1],
    ['study.staff_participants', 'found', 72, 'exact', 2],
    ['economy.gdp', 'not_mentioned', null, '', 0],
  ])('says %s: %s %s (%s, %i figures)', (id, status, value, qualifier, figures) => {
    const said = indicatorValues(result)(id);
    expect([said.status, said.value, said.qualifier, said.figures.length]).toEqual([
      status,
      value,
      qualifier,
      figures,
    ]);
  });
});

/**
 * Every figure of the development corpus that a rule matches, checked by hand against its sentence:
 * file → [text, label, indicator]. A match not in this table, or one missing from it, fails.
 */
const CORPUS_MATCHES: Record<string, [string, string, string][]> = {
  '01-xiayangzhen-fazhi-2023': [
    ['4次', '法治讲座', 'publicity.lectures'],
    ['12条', '宣传横幅', 'publicity.banners'],
    ['2000余册', '小册子', 'publicity.materials'],
  ],
  '03-lipuzhen-fazhi-2023': [
    ['13次', '行政决策合法性审查', 'decision.legality_reviews'],
    ['43份', '合同文书', 'decision.contracts_reviewed'],
    ['655件', '答复8890诉求', 'service.hotline_requests'],
    ['100%', '满意率', 'service.satisfaction_rate'],
    ['3218人次', '办事群众', 'legal_services.centre_visitors'],
    ['2897人次', '法律咨询', 'legal_services.consultations'],
  ],
  '05-tongchengzhen-fazhi-2025': [
    ['12次', '政府班子集体学法', 'study.law_sessions'],
    ['10场次', '法治培训', 'training.sessions'],
    ['500余人次', '覆盖', 'training.participants'],
  ],
  '08-huangshijie-fazhi-2022': [
    ['18次', '街党工委中心组理论学习', 'study.group_sessions'],
    ['2次', '宪法知识专题讲座', 'publicity.lectures'],
    ['18场', '法治学习', 'study.law_sessions'],
    ['1场', '旁听庭审', 'study.court_hearings'],
  ],
  '11-lirangjie-jiedao-fazhi-2024': [
    ['5次', '班子成员专题学法', 'study.law_sessions'],
    ['965条', '好差评合计', 'service.reviews'],
    ['100%', '满意率', 'service.satisfaction_rate'],
    ['354件', '12345受理', 'service.hotline_requests'],
  ],
  '14-youyilu-jiedao-fazhi-2022': [['4次', '习近平法治思想相关学习', 'study.xi_thought_sessions']],
  '19-chengkouxian-fazhi-2023': [],
  '23-wuhan-sifaju-fazhi-2022': [
    ['18次', '中心组理论学习', 'study.group_sessions'],
    ['2期', '政治轮训班', 'training.sessions'],
  ],
  '27-dongliu-jiedao-gongzuo-2023': [
    ['60.3亿元', '地区生产总值', 'economy.gdp'],
    ['2亿元', '一般公共预算收入', 'fiscal.general_budget_revenue'],
    ['-6.2%', '地区生产总值', 'economy.gdp_growth'],
    ['-19.3%', '一般公共预算收入', 'fiscal.general_budget_revenue_growth'],
    ['32.5亿元', '固定资产投资', 'economy.fixed_asset_investment'],
    ['0.38亿元', '规上工业增加值', 'economy.industrial_value_added'],
    ['16.7%', '规上工业增加值增长', 'economy.industrial_value_added_growth'],
  ],
  '32-hezhengxian-tongji-2022': [
    ['341881万元', '地区生产总值', 'economy.gdp'],
    ['7.23%', '地区生产总值增长', 'economy.gdp_growth'],
    ['56789万元', '第一产业增加值', 'economy.primary_value_added'],
    ['5.25%', '第一产业增加值增长', 'economy.primary_value_added_growth'],
    ['80349万元', '第二产业增加值', 'economy.secondary_value_added'],
    ['19.44%', '第二产业增加值增长', 'economy.secondary_value_added_growth'],
    ['204743万元', '第三产业增加值', 'economy.tertiary_value_added'],
    ['3.89%', '第三产业增加值增长', 'economy.tertiary_value_added_growth'],
    ['16612元', '人均地区生产总值', 'economy.gdp_per_capita'],
    ['9.2%', '人均地区生产总值增长', 'economy.gdp_per_capita_growth'],
    // The table repeats the text's figures (see the repeat checks).
    ['341881', '地区生产总值', 'economy.gdp'],
    ['7.23', '地区生产总值增长', 'economy.gdp_growth'],
    ['56789', '第一产业', 'economy.primary_value_added'],
    ['5.25', '第一产业增长', 'economy.primary_value_added_growth'],
    ['80349', '第二产业', 'economy.secondary_value_added'],
    ['19.44', '第二产业增长', 'economy.secondary_value_added_growth'],
    ['204743', '第三产业', 'economy.tertiary_value_added'],
    ['3.89', '第三产业增长', 'economy.tertiary_value_added_growth'],
    ['20.58万人', '常住人口', 'population.resident'],
  ],
  // Levels and growth of the review (2020 levels, the 十四五 average, 2025), then the 2026 targets:
  // each is the indicator its label says; period and status tell them apart, not the indicator.
  // The 2025 levels after 增长到 (4.93万亿元, 4398.6亿元) stay unmatched: read as changes, not levels.
  '90-hebei-zhengfugongzuobaogao-2026': [
    ['3.68万亿元', '生产总值', 'economy.gdp'],
    ['3826.5亿元', '一般公共预算收入', 'fiscal.general_budget_revenue'],
    ['6.5%', '规上工业增加值增长', 'economy.industrial_value_added_growth'],
    ['1.5万亿元', '社会消费品零售总额', 'economy.retail_sales'],
    ['5.6%', '生产总值增长', 'economy.gdp_growth'],
    ['2%', '一般公共预算收入增长', 'fiscal.general_budget_revenue_growth'],
    ['7.9%', '规上工业增加值增长', 'economy.industrial_value_added_growth'],
    ['6.1%', '固定资产投资增长', 'economy.fixed_asset_investment_growth'],
    ['5.6%', '社会消费品零售总额增长', 'economy.retail_sales_growth'],
    ['5%', '地区生产总值增长', 'economy.gdp_growth'],
    ['2%', '一般公共预算收入增长', 'fiscal.general_budget_revenue_growth'],
    ['5.5%', '规上工业增加值增长', 'economy.industrial_value_added_growth'],
    ['5.5%', '固定资产投资增长', 'economy.fixed_asset_investment_growth'],
    ['5%', '社会消费品零售总额增长', 'economy.retail_sales_growth'],
  ],
  '91-liaoning-zhengfugongzuobaogao-2026': [
    ['3.7%', '地区生产总值增长', 'economy.gdp_growth'],
    ['0.4%', '一般公共预算收入增长', 'fiscal.general_budget_revenue_growth'],
    ['4.5%', '地区生产总值增长', 'economy.gdp_growth'],
    ['5%', '地区生产总值增长', 'economy.gdp_growth'],
    ['4.5%', '地区生产总值增长', 'economy.gdp_growth'],
    ['2.5%', '一般公共预算收入增长', 'fiscal.general_budget_revenue_growth'],
  ],
};

describe('the development corpus', async () => {
  const names = (await readdir(CORPUS)).filter((n) => n.endsWith('.txt')).map((n) => n.slice(0, -4));
  const results = await Promise.all(
    names.map(async (name) => matchIndicators(await report(new URL(`${name}.txt`, CORPUS), name), catalog)),
  );

  it('has the reports the table was checked on', () => {
    expect(names.sort()).toEqual(Object.keys(CORPUS_MATCHES).sort());
  });

  it.each(names)('%s: every matched figure is matched as checked by hand', (name) => {
    const result = results[names.indexOf(name)];
    const got = result?.matches.map((m) => [m.figure.text, m.figure.label, m.indicator.id]);
    expect(got).toEqual(CORPUS_MATCHES[name]);
    expect(result?.ambiguous).toEqual([]);
  });

  it('leaves the rest unmatched, and says how many', () => {
    const counts = results.map((r) => [
      r.report.id,
      r.report.figures.length,
      r.matches.length,
      r.unmatched.length,
    ]);
    console.log(
      `corpus figures unmatched:\n${counts.map((c) => `  ${c[0]}: ${c[3]} of ${c[1]} (matched ${c[2]})`).join('\n')}`,
    );
    const total = (i: number) => counts.reduce((sum, c) => sum + (c[i] as number), 0);
    expect([total(1), total(2), total(3)]).toEqual([224, 69, 155]);
  });
});

describe('an indicator of change', () => {
  it('holds a fall as a negative number, and a rise as written', async () => {
    const text = '2025年全县地区生产总值下降2.1%，一般公共预算收入增长3%。';
    const built = buildReport({
      id: 'r',
      file: 'r.txt',
      bytes: new TextEncoder().encode(text),
      defaultLicense: 'CC-BY-4.0',
    });
    const said = indicatorValues(matchIndicators(built, catalog));
    expect(built.figures.map((f) => [f.text, f.value, f.change])).toEqual([
      ['2.1%', 2.1, 'down'],
      ['3%', 3, 'up'],
    ]);
    expect(said('economy.gdp_growth').value).toBe(-2.1);
    expect(said('fiscal.general_budget_revenue_growth').value).toBe(3);
  });
});
