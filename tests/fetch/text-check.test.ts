import { describe, expect, it } from 'vitest';
import type { Source } from '../../lambda/fetch/sources.ts';
import { reportTextProblem } from '../../lambda/fetch/text-check.ts';

const source: Source = {
  id: 'qingshi-2024',
  url: 'https://www.example.org/a.html',
  entity: '青石镇',
  year: 2024,
  kind: '报告',
};
const body =
  '全年共办理各类事项3586件，群众满意度达到99.6%。重大行政决策事项全部经过合法性审查，法律顾问出具审查意见43份。';

describe('reportTextProblem', () => {
  it.each([
    ['the expected report', `青石镇2024年法治政府建设情况报告\n${body}\n`, null],
    ['a year in Chinese numerals', `青石镇二〇二四年法治政府建设情况报告\n${body}\n`, null],
    ['another town', `白沙街道2024年法治政府建设情况报告\n${body}\n`, 'does not mention 青石镇'],
    ['another year', `青石镇2023年法治政府建设情况报告\n${body}\n`, 'does not mention the year 2024'],
    ['a soft 404', '青石镇2024：页面不存在\n', 'has too little text to be a report'],
    ['nothing', '\n', 'the extracted text is empty (only whitespace)'],
  ])('%s → %s', (_what, text, problem) => {
    expect(reportTextProblem(text, source)).toBe(problem);
  });
});
