/**
 * What the figures of the 31 shipped provincial 政府工作报告 of 2026 mean, as a researcher reads them:
 * the year's targets (主要预期目标) are targets of 2026, the review's results are of 2025, the five-year
 * figures of 2021/2025 and the 十五五 goals of 2026/2030; 实现…目标 and 优于国家考核目标 stay results.
 * The expectations below were written from reading each sentence, not from the extractor's output.
 * The indicator series keep a target apart from a result: GDP growth actual 2025 and target 2026.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../lambda/pipeline/build/build-report.ts';
import {
  indicatorsDataset,
  indicatorsWideDataset,
} from '../../../lambda/pipeline/datasets/indicator-datasets.ts';
import { parseIndicatorCatalog } from '../../../lambda/pipeline/indicators/indicator-catalog.ts';
import { matchIndicators } from '../../../lambda/pipeline/indicators/indicators.ts';
import type { Figure } from '../../../lambda/pipeline/report/index.ts';
import type { ReportMeta } from '../../../lambda/pipeline/report/types.ts';
import { PROJECT_ROOT } from '../../support/temp.ts';

const REPORTS = new URL('data/reports/', PROJECT_ROOT);
const catalog = parseIndicatorCatalog(
  readFileSync(new URL('data/indicators.json', PROJECT_ROOT)),
  'indicators.json',
);

const ids = readdirSync(REPORTS)
  .filter((name) => name.endsWith('-zhengfugongzuobaogao-2026.txt'))
  .map((name) => name.slice(0, -'.txt'.length));
const reports = new Map(
  ids.map((id) => {
    const meta = JSON.parse(readFileSync(new URL(`${id}.meta.json`, REPORTS), 'utf8')) as ReportMeta;
    const file = `${id}.txt`;
    const bytes = readFileSync(new URL(file, REPORTS));
    return [id, buildReport({ id, file, bytes, meta, defaultLicense: 'CC-BY-4.0' })];
  }),
);

/** The figure of the report whose sentence holds `words` and whose text starts with `number`. */
function figureOf(id: string, words: string, number: string): Figure {
  const figure = reports
    .get(id)
    ?.figures.find((f) => f.sentence.includes(words) && f.text.startsWith(number));
  if (!figure) throw new Error(`${id}: no figure ${number} in a sentence with ${words}`);
  return figure;
}

/** [province, words of its sentence, the figure's number as written, status, period]: read by hand. */
const READ: [string, string, string, Figure['status'], string][] = [
  // The year's targets: 主要预期目标 sets them for 2026.
  ['beijing', '主要预期目标是：地区生产总值增长5%左右', '5%', 'target', '2026'],
  ['beijing', '主要预期目标是：地区生产总值增长5%左右', '4%', 'target', '2026'],
  ['hainan', '主要预期目标是：地区生产总值增长6%左右', '6%', 'target', '2026'],
  ['hainan', '主要预期目标是：地区生产总值增长6%左右', '7%', 'target', '2026'],
  ['sichuan', '主要预期目标是：地区生产总值增长5.5%左右', '5.5%', 'target', '2026'],
  ['sichuan', '主要预期目标是：地区生产总值增长5.5%左右', '85万', 'target', '2026'],
  ['sichuan', '主要预期目标是：地区生产总值增长5.5%左右', '2%', 'target', '2026'],
  ['xizang', '主要预期目标是：地区生产总值增长7%以上', '7%', 'target', '2026'],
  ['xizang', '主要预期目标是：地区生产总值增长7%以上', '15%', 'target', '2026'],
  ['chongqing', '主要预期目标是：地区生产总值增长5%以上', '6%', 'target', '2026'],
  ['shanghai', '主要预期目标是：全市生产总值增长5%左右', '2%', 'target', '2026'],
  ['jiangsu', '一般公共预算收入增长2%', '2%', 'target', '2026'],
  ['gansu', '主要预期目标是：地区生产总值增长5.5%左右', '5.5%', 'target', '2026'],
  ['gansu', '主要预期目标是：地区生产总值增长5.5%左右', '6%', 'target', '2026'],
  ['shandong', '主要预期目标为：地区生产总值增长5%以上', '5%', 'target', '2026'],
  // Five-year results: 年均 over the 十四五, 2021 to 2025.
  ['hainan', '规上工业增加值年均增长9%', '9%', 'actual', '2021/2025'],
  ['sichuan', '工业增加值年均增长6.1%', '6.1%', 'actual', '2021/2025'],
  ['shanghai', '居民人均可支配收入年均增长5%', '5%', 'actual', '2021/2025'],
  ['shanghai', '居民人均可支配收入年均增长5%', '61.4万', 'actual', '2021/2025'],
  // The 十五五 goals: 到2030年.
  ['chongqing', '到2030年，全市地区生产总值迈上4万亿元新台阶', '4万亿', 'target', '2026/2030'],
  ['chongqing', '到2030年，全市地区生产总值迈上4万亿元新台阶', '14万', 'target', '2026/2030'],
  // The year reviewed: 2025, a comparison with 2020 included.
  ['hainan', '2025年外国人来琼工作人数较2020年增长90%', '90%', 'actual', '2025'],
  ['henan', '聚焦“1+2+4+N”目标任务体系', '5.6%', 'actual', '2025'],
  ['henan', '生产总值6.66万亿元', '6.66万亿', 'actual', '2025'],
  ['hebei', '全省生产总值增长5.6%', '5.6%', 'actual', '2025'],
  ['guangdong', '地区生产总值增长3.9%', '3.9%', 'actual', '2025'],
  ['shandong', '城镇新增就业124.9万人', '124.9万', 'actual', '2025'],
  ['liaoning', '一年来，全省上下牢记嘱托', '3.7%', 'actual', '2025'],
  // A goal met is a result: 优于国家考核目标 (in the paragraph of the 十四五 years).
  ['jilin', '优于国家考核目标14.6个百分点', '14.6', 'actual', '2021/2025'],
  ['hubei', '经济增长5.5%左右', '5.5%', 'target', '2026'],
];

/**
 * A figure of the sentence of the year's targets (主要预期目标是, 今年…主要目标是), or of its rest after a
 * line broken at 主要预期目标 in the section of the year's work (广东; its 十五五 goals are broken alike).
 */
function isYearGoal(figure: Figure): boolean {
  if (/主要预期目标(?:是|为)|今年[^。]{0,12}主要目标(?:是|为)/u.test(figure.sentence)) return true;
  return figure.sentence.startsWith('是：') && figure.section.includes('2026年');
}

describe('the 31 provincial work reports of 2026', () => {
  it('are all read', () => {
    expect(reports.size).toBe(31);
  });

  it.each(READ)('%s, “%s”: %s is %s of %s', (province, words, number, status, period) => {
    const figure = figureOf(`${province}-zhengfugongzuobaogao-2026`, words, number);
    expect([figure.status, figure.period]).toEqual([status, period]);
  });

  it('make every figure of the year’s 主要预期目标 a target of 2026, and say how many per report', () => {
    const counts = [...reports].map(([id, report]) => {
      const goals = report.figures.filter(isYearGoal);
      return { id, goals, statuses: report.figures.map((f) => f.status) };
    });
    console.log(
      `work reports: figures · targets · estimates · of 主要预期目标\n${counts
        .map(
          ({ id, goals, statuses }) =>
            `  ${id.split('-')[0]}: ${statuses.length} · ${statuses.filter((s) => s === 'target').length} · ${statuses.filter((s) => s === 'estimate').length} · ${goals.length}`,
        )
        .join('\n')}`,
    );
    for (const { id, goals } of counts) {
      expect(goals.length, id).toBeGreaterThan(0);
      for (const goal of goals)
        expect([id, goal.text, goal.status, goal.period]).toEqual([id, goal.text, 'target', '2026']);
    }
  });

  it('keep GDP growth of 2025 and the 2026 target as separate series of the indicators, never in one cell', () => {
    const results = [...reports.values()].map((report) => matchIndicators(report, catalog));
    const rows = [...indicatorsDataset(results, 'https://example.org').rows].filter(
      (row) => row.indicator_id === 'economy.gdp_growth',
    );
    const series = (id: string) =>
      rows
        .filter((row) => row.report_id === id)
        .map((row) => `${row.status} ${row.period} ${row.value}`)
        .sort();
    expect(series('hebei-zhengfugongzuobaogao-2026')).toEqual(['actual 2025 5.6', 'target 2026 5']);
    expect(series('liaoning-zhengfugongzuobaogao-2026')).toEqual([
      'actual 2021/2025 4.5',
      'actual 2025 3.7',
      'target 2026 4.5',
      'target 2026/2030 5',
    ]);
    const wide = [...indicatorsWideDataset(results, catalog).rows];
    const withBoth = wide.filter(
      (row) => row['economy.gdp_growth'] !== null && row['economy.gdp_growth:target'] !== null,
    );
    // Each province's row: its 2025 result and its 2026 target, each in its own column.
    expect(withBoth.length).toBeGreaterThanOrEqual(25);
    for (const row of wide)
      expect([row.report_id, row.period], row.report_id).toEqual([row.report_id, '2025']);
    for (const row of withBoth) expect(row.target_period, row.report_id).toBe('2026');
    const liaoning = wide.find((row) => row.report_id === 'liaoning-zhengfugongzuobaogao-2026');
    expect([liaoning?.['economy.gdp_growth'], liaoning?.['economy.gdp_growth:target']]).toEqual([3.7, 4.5]);
  });
});
