/**
 * What a figure means (docs/meaning.md), read through the extractor as a report gives it: each case
 * is a short text of the genre, the report's kind and year, and the period, status and change of
 * the figure written there.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../../lambda/pipeline/extract/index.ts';
import type { Heading } from '../../../../lambda/pipeline/report/index.ts';
import { parseStructure } from '../../../../lambda/pipeline/structure/index.ts';

const WORK_REPORT = '政府工作报告';
const RULE_OF_LAW = '法治政府建设情况报告';
const COMMUNIQUE = '国民经济和社会发展统计公报';

/** The figure written `figure` in `text`, read in a report of `kind` and `year` with the text's headings. */
function meaningOf(text: string, figure: string, kind: string, year: number) {
  const headings: Heading[] = parseStructure(text).headings;
  const found = extractFigures(text, { kind, year, headings }).find((f) => f.text === figure);
  if (!found) throw new Error(`no figure ${figure} in ${text}`);
  return { period: found.period, status: found.status, change: found.change, value: found.value };
}

describe('period, status and change', () => {
  it.each([
    // A year's own report speaks of that year; a work report reviews the year before.
    ['共办理事项2361件。', '2361件', RULE_OF_LAW, 2023, '2023', 'actual', 'none'],
    ['全县地区生产总值增长6.7%。', '6.7%', WORK_REPORT, 2024, '2023', 'actual', 'up'],
    ['万元地区生产总值能耗比上年下降2.1%。', '2.1%', COMMUNIQUE, 2022, '2022', 'actual', 'down'],
    // Spans of years, and a stretch the text opens with a time.
    ['“十四五”时期，地区生产总值年均增长4.7%。', '4.7%', WORK_REPORT, 2026, '2021/2025', 'actual', 'up'],
    ['五年来，累计完成投资3500亿元。', '3500亿元', WORK_REPORT, 2026, '2021/2025', 'actual', 'none'],
    ['近三年共调解纠纷120件。', '120件', RULE_OF_LAW, 2023, '2021/2023', 'actual', 'none'],
    ['党的十八大以来，全县新建学校12所。', '12所', WORK_REPORT, 2026, '2012/2025', 'actual', 'none'],
    ['上半年，全镇受理投诉35件。', '35件', RULE_OF_LAW, 2023, '2023-01/2023-06', 'actual', 'none'],
    ['2023年1—6月，全镇受理投诉35件。', '35件', RULE_OF_LAW, 2023, '2023-01/2023-06', 'actual', 'none'],
    ['历年累计发放贷款5亿元。', '5亿元', WORK_REPORT, 2026, '../2025', 'actual', 'none'],
    // 计划 ending a programme's name is no goal; before a verb it sets one.
    ['实施英才计划，引进领军人才197名。', '197名', WORK_REPORT, 2026, '2025', 'actual', 'none'],
    ['推进“三项计划”，打造示范村30个。', '30个', WORK_REPORT, 2026, '2025', 'actual', 'none'],
    ['全年计划投资50亿元。', '50亿元', WORK_REPORT, 2026, '2026', 'target', 'none'],
    // In a stretch of years, a level is of the year it started from or reached.
    [
      '五年来，一般公共预算收入从380亿元增长到440亿元。',
      '380亿元',
      WORK_REPORT,
      2026,
      '2020',
      'actual',
      'none',
    ],
    [
      '五年来，一般公共预算收入从380亿元增长到440亿元。',
      '440亿元',
      WORK_REPORT,
      2026,
      '2025',
      'actual',
      'none',
    ],
    ['五年来，森林覆盖率达到45.2%。', '45.2%', WORK_REPORT, 2026, '2025', 'actual', 'none'],
    ['五年来，粮食产量稳定在700亿斤以上。', '700亿斤', WORK_REPORT, 2026, '2021/2025', 'actual', 'none'],
    // A time that is a base of comparison is not the figure's.
    [
      '五年来，实际使用外资比“十三五”时期增长78.9%。',
      '78.9%',
      WORK_REPORT,
      2026,
      '2021/2025',
      'actual',
      'up',
    ],
    // Estimates: 预计 covers its sentence, a note covers what follows.
    ['预计实现地区生产总值478亿元，增长6.8%。', '6.8%', WORK_REPORT, 2024, '2023', 'estimate', 'up'],
    [
      '全年地区生产总值增长5%（预计数，下同）。全年粮食产量80万吨。',
      '80万吨',
      WORK_REPORT,
      2024,
      '2023',
      'estimate',
      'none',
    ],
    ['初步核算，全年地区生产总值341881万元。', '341881万元', COMMUNIQUE, 2022, '2022', 'actual', 'none'],
    ['初步核算，全年地区生产总值391亿元。', '391亿元', WORK_REPORT, 2024, '2023', 'estimate', 'none'],
    // Targets: the goals of a plan, for the time they are set for.
    [
      '主要预期目标是：地区生产总值增长5%左右，城镇调查失业率控制在5.5%左右。',
      '5%',
      WORK_REPORT,
      2026,
      '2026',
      'target',
      'up',
    ],
    [
      '主要预期目标是：地区生产总值增长5%左右，城镇调查失业率控制在5.5%左右。',
      '5.5%',
      WORK_REPORT,
      2026,
      '2026',
      'target',
      'none',
    ],
    ['力争到2030年，全县森林覆盖率达到50%。', '50%', WORK_REPORT, 2026, '2026/2030', 'target', 'none'],
    ['全年地区生产总值增长5.2%，实现预期目标。', '5.2%', WORK_REPORT, 2026, '2025', 'actual', 'up'],
    [
      '一、2025年工作回顾\n全市新建公园8个。\n二、2026年重点工作\n全市新建公园10个。',
      '10个',
      WORK_REPORT,
      2026,
      '2026',
      'target',
      'none',
    ],
    [
      '一、2025年工作回顾\n全市新建公园8个。\n二、2026年重点工作\n全市新建公园10个。',
      '8个',
      WORK_REPORT,
      2026,
      '2025',
      'actual',
      'none',
    ],
    [
      '一、主要举措和成效\n培训干部300人次。\n二、下一步工作打算\n计划培训干部500人次。',
      '500人次',
      RULE_OF_LAW,
      2023,
      '2024',
      'target',
      'none',
    ],
    // Change: the direction is in `change`, a sign stays in the value.
    ['一般公共预算收入同比分别-6.2%、-19.3%。', '-19.3%', RULE_OF_LAW, 2023, '2023', 'actual', 'up'],
    ['城镇和农村居民人均可支配收入分别增长4.3%、5.3%。', '5.3%', WORK_REPORT, 2026, '2025', 'actual', 'up'],
    ['压减地下水开采量21.5亿立方米。', '21.5亿立方米', WORK_REPORT, 2026, '2025', 'actual', 'down'],
    ['比重提高到25.5%。', '25.5%', WORK_REPORT, 2026, '2025', 'actual', 'none'],
    ['全年新增就业岗位300个。', '300个', WORK_REPORT, 2026, '2025', 'actual', 'none'],
    ['高于全省平均水平1.2个百分点。', '1.2个百分点', WORK_REPORT, 2026, '2025', 'actual', 'up'],
  ])('%s → %s', (text, figure, kind, year, period, status, change) => {
    expect(meaningOf(text, figure, kind, year)).toMatchObject({ period, status, change });
  });

  it('keeps a decline positive and a minus sign in the value', () => {
    expect(meaningOf('同比下降2.1%。', '2.1%', RULE_OF_LAW, 2023)).toEqual({
      period: '2023',
      status: 'actual',
      change: 'down',
      value: 2.1,
    });
    expect(meaningOf('同比增长-6.2%。', '-6.2%', RULE_OF_LAW, 2023)).toEqual({
      period: '2023',
      status: 'actual',
      change: 'up',
      value: -6.2,
    });
  });

  it('reads the years a title in 《》 names as the title’s, not the figure’s', () => {
    expect(meaningOf('落实《2021—2025年规划》任务12项。', '12项', RULE_OF_LAW, 2023).period).toBe('2023');
  });

  it('leaves the period open where the report has no year and the text names none', () => {
    const [figure] = extractFigures('共办理事项2361件。');
    expect(figure).toMatchObject({ period: '', status: 'actual', change: 'none' });
    expect(extractFigures('2022年共办理事项2361件。')[0]?.period).toBe('2022');
  });
});
