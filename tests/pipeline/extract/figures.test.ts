import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../lambda/pipeline/extract/figures.ts';
import type { FigureMention } from '../../../lambda/pipeline/report/types.ts';

/** [text, value, unit, qualifier] of each figure, in order. */
type Row = [string, number, string, string];

function rows(text: string): Row[] {
  return extractFigures(text).map((f) => [f.text, f.value, f.unit, f.qualifier]);
}

function labels(text: string): string[] {
  return extractFigures(text).map((f) => f.label);
}

describe('extractFigures: what is a figure', () => {
  it.each<[string, Row[]]>([
    ['全年共办理事项2361件。', [['2361件', 2361, '件', 'exact']]],
    ['依法处罚2家企业。', [['2家', 2, '家', 'exact']]],
    [
      '检查共48家次，培训300人次。',
      [
        ['48家次', 48, '家次', 'exact'],
        ['300人次', 300, '人次', 'exact'],
      ],
    ],
    [
      '群众满意度100%，同比增长5.2%，下降3个百分点。',
      [
        ['100%', 100, '%', 'exact'],
        ['5.2%', 5.2, '%', 'exact'],
        ['3个百分点', 3, '个百分点', 'exact'],
      ],
    ],
    ['满意率达９８．５％。', [['９８．５％', 98.5, '％', 'exact']]],
    [
      '投入资金1.2亿元，补助3.5万元。',
      [
        ['1.2亿元', 120_000_000, '元', 'exact'],
        ['3.5万元', 35_000, '元', 'exact'],
      ],
    ],
    ['常住人口20.58万人。', [['20.58万人', 205_800, '人', 'exact']]],
    ['发放宣传资料2000余册。', [['2000余册', 2000, '册', 'over']]],
    [
      '调解纠纷十二件，开展培训两场，服务群众一百零五人。',
      [
        ['十二件', 12, '件', 'exact'],
        ['两场', 2, '场', 'exact'],
        ['一百零五人', 105, '人', 'exact'],
      ],
    ],
    [
      '收集意见50余条，排查隐患200多处，巡查超过30次，参与10人以上。',
      [
        ['50余条', 50, '条', 'over'],
        ['200多处', 200, '处', 'over'],
        ['30次', 30, '次', 'over'],
        ['10人', 10, '人', 'over'],
      ],
    ],
    ['举办活动逾百场。', [['百场', 100, '场', 'over']]],
    [
      '参加近300人，涉及不足10家，发生不到5次。',
      [
        ['300人', 300, '人', 'under'],
        ['10家', 10, '家', 'under'],
        ['5次', 5, '次', 'under'],
      ],
    ],
    [
      '服务约120人，志愿者30人左右。',
      [
        ['120人', 120, '人', 'approx'],
        ['30人', 30, '人', 'approx'],
      ],
    ],
    [
      '受理量突破1万件，增幅超20%。',
      [
        ['1万件', 10_000, '件', 'over'],
        ['20%', 20, '%', 'over'],
      ],
    ],
    [
      '同比分别-6.2%、-2.45‰。',
      [
        ['-6.2%', -6.2, '%', 'exact'],
        ['-2.45‰', -2.45, '‰', 'exact'],
      ],
    ],
    [
      '分别高4.2、4.3和3.2个百分点。',
      [
        ['4.2', 4.2, '个百分点', 'exact'],
        ['4.3', 4.3, '个百分点', 'exact'],
        ['3.2个百分点', 3.2, '个百分点', 'exact'],
      ],
    ],
    ['办结率、满意率均为100%。', [['100%', 100, '%', 'exact']]],
    [
      '增速为1·8%，占比6.3 %。',
      [
        ['1·8%', 1.8, '%', 'exact'],
        ['6.3 %', 6.3, '%', 'exact'],
      ],
    ],
    [
      '优良天数309天，考核得分102.25分，合计965条。',
      [
        ['309天', 309, '天', 'exact'],
        ['102.25分', 102.25, '分', 'exact'],
        ['965条', 965, '条', 'exact'],
      ],
    ],
    [
      '培训人员1,234人次，覆盖12，345人。',
      [
        ['1,234人次', 1234, '人次', 'exact'],
        ['12，345人', 12345, '人', 'exact'],
      ],
    ],
    ['规上工业增加值0.38亿元。', [['0.38亿元', 38_000_000, '元', 'exact']]],
    [
      '新增装机600万千瓦，用电量5千万千瓦时。',
      [
        ['600万千瓦', 6_000_000, '千瓦', 'exact'],
        ['5千万千瓦时', 50_000_000, '千瓦时', 'exact'],
      ],
    ],
    ['受理１２件。', [['１２件', 12, '件', 'exact']]],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('extractFigures: what is not a figure', () => {
  it.each([
    '2023年，全镇坚持以习近平法治思想为指导。',
    '贯彻《法治政府建设实施纲要（2021—2025年）》，于3月15日召开会议。',
    '上半年深刻领悟“两个确立”的决定性意义，增强“四个意识”。',
    '推进“一制三化”改革和“五减四办”，落实“三同步”机制和“三重一大”制度。',
    '“八五”普法进入关键时期，公开“三务”情况，落实“一规划两纲要”。',
    '一是强化领导。二是狠抓落实。第一，第九批示范村。（三）健全机制。',
    '深入学习党的二十大和二十届三中全会精神。',
    '推进改革3.0版本，网站标识码1201160001，文号〔2019〕26号。',
    '学习《某某条例（2023年修订）》第12条，及《关于办理3件事项的通知》。',
    '做到每半年听取一次汇报。',
    '综合排名第3，位列全市前十，荣获一等奖，水质达到国家二级标准。',
    '三都镇和六安市开通12345热线和8890平台，推行“1+1+N”模式。',
    '全县万元地区生产总值能耗持续降低。',
    '这是一项重要任务，开展一系列活动，进一步统一认识，实行一门受理。',
    '联系电话：0571-88886666。',
    '从三个方面推进工作，加快二期工程，完善零部件产业。',
    '按照省委十二届七次、八次全会部署。',
    '保持两位数增长，建设千亿级产业集群。',
    '经济总量迈上5万亿台阶。',
    '实行24小时值守，打造15分钟生活圈，承诺3个工作日内办结。',
    '8时30分开会，6个月内完成。',
  ])('%s', (text) => {
    expect(rows(text)).toEqual([]);
  });
});

describe('extractFigures: labels', () => {
  it.each<[string, string[]]>([
    ['全年共办理事项2361件。', ['办理事项']],
    ['配备执法记录仪10个、摄像机1部，执法手机4部。', ['执法记录仪', '摄像机', '执法手机']],
    ['调解成功率100%。', ['调解成功率']],
    ['镇中心和基层21个便民服务站的窗口人员。', ['便民服务站']],
    ['审查监督合同文书43份。', ['合同文书']],
    ['今年以来，开展专项检查15次，组织培训300人次。', ['专项检查', '培训']],
    ['全县地区生产总值341881万元，比上年增长7.2%。', ['地区生产总值', '地区生产总值增长']],
    ['食品、医药等产业增加值分别增长7.5%、11.5%。', ['食品产业增加值增长', '医药产业增加值增长']],
    ['社区服务中心接待来访群众320人次。', ['来访群众']],
    ['组织全镇72名公务员参加考试。', ['公务员']],
    ['地级及以上城市空气质量优良天数比例达到92.8%。', ['城市空气质量优良天数比例']],
    ['村集体经济经营性收入50万元以上的行政村占比达68%，', ['行政村占比']],
  ])('%s', (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });
});

const seed = readFileSync(new URL('../../../data/reports/xiaowangzhuang-2023.txt', import.meta.url), 'utf8');

function wellFormed(text: string, figures: FigureMention[]): boolean {
  let last = -1;
  for (const f of figures) {
    if (f.text !== text.slice(f.start, f.end) || !Number.isFinite(f.value) || f.start < last) return false;
    if (f.start < 0 || f.end > text.length || f.end <= f.start) return false;
    last = f.start;
  }
  return true;
}

describe('extractFigures: robustness', () => {
  it('never throws on arbitrary strings, and every span is the source text', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789１２.．·,，、和-－万亿千百十余多约近超个件人次%％元年月日第“”《》（）一二两三零〇 \n'.split(
        '',
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.array(alphabet, { maxLength: 200 }).map((a) => a.join('')),
        ),
        (s) => wellFormed(s, extractFigures(s)),
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutated seed text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seed.length }),
        fc.integer({ min: 0, max: 400 }),
        fc.string({ maxLength: 20 }),
        (at, cut, insert) => {
          const text = seed.slice(0, at) + insert + seed.slice(Math.min(seed.length, at + cut));
          return wellFormed(text, extractFigures(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('copes with a 5 MB single line in linear time', () => {
    const line = seed
      .replace(/\n/g, '，')
      .repeat(Math.ceil(5_000_000 / seed.length))
      .slice(0, 5_000_000);
    const t0 = performance.now();
    const figures = extractFigures(line);
    const ms = performance.now() - t0;
    expect(wellFormed(line, figures)).toBe(true);
    expect(figures.length).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(15_000);
  });

  it('copes with pathological runs of digits, numerals and brackets', () => {
    for (const unit of ['1', '一', '《', '“', '1,', '1、', '-1', '万']) {
      const text = unit.repeat(200_000);
      expect(wellFormed(text, extractFigures(text))).toBe(true);
    }
  });
});
