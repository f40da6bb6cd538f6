/**
 * Norms, checklist sizes and thresholds that define a category are not figures (FIGURES.md); the
 * counts of those categories and the lower bounds of results are. Sentences from the seed and from
 * the provincial work reports of 2026 (shipped in data/reports), as written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../lambda/pipeline/build/build-report.ts';
import { extractFigures } from '../../../../lambda/pipeline/extract/figures.ts';

/** [text, value, unit, qualifier, label] of each figure, in order. */
type Row = [string, number, string, string, string];

function rows(text: string): Row[] {
  return extractFigures(text).map((f) => [f.text, f.value, f.unit, f.qualifier, f.label]);
}

describe('extractFigures: a rule or a checklist is not a figure', () => {
  it.each<[string, Row[]]>([
    [
      '严肃执法工作纪律,坚持执法过程“五个做到”,即做到依照规定穿着制式服装和佩戴标志标识,做到2人以上行政执法,做到从事执法工作时主动出示执法证件。',
      [],
    ],
    ['镇党群服务中心对天津网上办事大厅7要素定期进行全面检查,针对检查中发现的问题及时开展整改工作。', []],
    ['坚持2名以上执法人员同时在场，应当由两名以上执法人员实施。', []],
    ['对照公开7个要素逐项检查。', []],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('extractFigures: a threshold names a class, the count of the class is the figure', () => {
  it.each<[string, Row[]]>([
    ['开工建设10亿元以上重大产业项目47个，', [['47个', 47, '个', 'exact', '重大产业项目']]],
    ['引进落地亿元以上项目904个。', [['904个', 904, '个', 'exact', '落地亿元以上项目']]],
    [
      '实施补链强链重点项目1900个、投资2000万元以上的技改项目3000个。',
      [
        ['1900个', 1900, '个', 'exact', '实施补链强链重点项目'],
        ['3000个', 3000, '个', 'exact', '技改项目'],
      ],
    ],
    ['为87万名80岁以上老年人发放高龄津贴。', [['87万名', 870_000, '名', 'exact', '']]],
    ['每千人拥有3岁以下婴幼儿托位数4.59个。', [['4.59个', 4.59, '个', 'exact', '婴幼儿托位数']]],
    ['村集体经济经营性收入50万元以上的行政村占比达68%，', [['68%', 68, '%', 'exact', '行政村占比']]],
    ['布局一批50万千瓦以上省级大型风光基地，', []],
    ['关停淘汰10万千瓦及以下燃煤机组。', []],
    ['海拔5000米以上乡镇、农牧区供暖实现全覆盖。', []],
    ['清理单笔50万元以下拖欠企业账款年度任务完成率居全国前列，', []],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('extractFigures: a lower bound of a result or a target stays a figure', () => {
  it.each<[string, Row[]]>([
    ['城镇新增就业60万人以上。', [['60万人', 600_000, '人', 'over', '城镇新增就业']]],
    ['组织执法人员10人以上参加培训。', [['10人', 10, '人', 'over', '执法人员']]],
    ['开展执法培训300人次以上。', [['300人次', 300, '人次', 'over', '执法培训']]],
    ['规模以上工业增加值增长4.5%，', [['4.5%', 4.5, '%', 'exact', '规模以上工业增加值增长']]],
    // 确保…以上 sets a target of the year (MEANING.md): a figure, not a standing rule.
    ['确保粮食播种面积稳定在100万亩以上、', [['100万亩', 1_000_000, '亩', 'over', '粮食播种面积']]],
    ['新增50家以上先进智能工厂，', [['50家', 50, '家', 'over', '先进智能工厂']]],
    ['为200万名以上中小学生开展心理健康测评；', [['200万名', 2_000_000, '名', 'over', '中小学生']]],
    [
      '建成5G基站8.99万个、覆盖95%以上行政村。',
      [
        ['8.99万个', 89_900, '个', 'exact', '5G基站'],
        ['95%', 95, '%', 'over', '覆盖'],
      ],
    ],
    ['每年将75%以上的财力用于民生，', [['75%', 75, '%', 'over', '每年将']]],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  // Written for this test: an amount right after the verb that produces it measures the noun after it.
  it.each<[string, Row[]]>([
    [
      '新建500公里以上农村公路，投入3000万元以上资金。',
      [
        ['500公里', 500, '公里', 'over', '新建'],
        ['3000万元', 30_000_000, '元', 'over', '投入'],
      ],
    ],
    [
      '审批压减至3个环节，制定5项标准。',
      [
        ['3个', 3, '个', 'exact', '环节'],
        ['5项', 5, '项', 'exact', '标准'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('buildReport: the seed', () => {
  const file = new URL('../../../../data/reports/xiaowangzhuang-2023.txt', import.meta.url);
  const report = buildReport({
    id: 'xiaowangzhuang-2023',
    file: 'xiaowangzhuang-2023.txt',
    bytes: readFileSync(file),
    defaultLicense: 'CC-BY-4.0',
  });

  it('publishes neither the 2人 of its enforcement rule nor the 7要素 of its checklist', () => {
    const inRules = report.figures.filter(
      (f) => f.sentence.includes('做到2人以上行政执法') || f.sentence.includes('7要素'),
    );
    expect(inRules.map((f) => f.text)).toEqual([]);
    expect(report.figures).toHaveLength(28);
  });
});
