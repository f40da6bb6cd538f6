import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { htmlReportText } from '../../lambda/fetch/html-text.ts';
import { parseStructure } from '../../lambda/pipeline/structure/structure.ts';

const fixture = (name: string) => readFile(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

const QINGSHI = [
  '青石镇2024年法治政府建设情况报告',
  '2024年，青石镇在区委、区政府的坚强领导下，坚持以法治思维和法治方式推动各项工作，法治政府建设取得新进展。现将有关情况报告如下：',
  '一、主要举措和成效',
  '（一）深化“放管服”改革，优化营商环境。',
  '镇便民服务中心全年共办理各类事项3586件，群众满意度达到99.6%。推行“一窗受理、集成服务”，将38项高频事项纳入“一网通办”，平均办理时限压缩至2.5个工作日。',
  '（二）坚持依法决策，规范行政行为。',
  '全年召开镇党委会、镇长办公会研究重大事项27次，重大行政决策事项全部经过合法性审查，法律顾问出具审查意见43份。',
  '（三）化解矛盾纠纷，维护社会稳定。',
  '全镇16个村（社区）人民调解委员会共受理矛盾纠纷152件，调解成功148件，调解成功率97.4%。',
  '二、存在的不足',
  '一是部分干部法治意识仍需增强。二是基层执法力量相对薄弱。',
  '三、下一年度工作安排',
  '一是加强学法用法。二是提升执法水平。三是推进矛盾纠纷多元化解。',
  '青石镇人民政府',
  '主办单位：示例区人民政府办公室',
  '承办单位：示例区融媒体中心',
  '网站标识码：9999990001',
];

const BAISHA = [
  '白沙街道2024年法治政府建设工作报告',
  '2024年，白沙街道深入贯彻落实上级关于法治政府建设的各项部署，扎实推进依法行政。',
  '一、工作开展情况',
  '（一）推进严格规范公正文明执法。街道综合执法队全年开展日常巡查1200余次，查处违法建设21处，拆除面积约3400平方米。',
  '（二）加强普法宣传教育。组织开展“宪法进社区”活动36场，发放宣传资料8000余份，受众约1.2万人次。',
  '二、存在问题',
  '执法人员专业能力有待提高。',
  '主办单位：示例区人民政府办公室',
  '承办单位：示例区大数据中心',
  '政府网站标识码：9999990002',
];

describe('htmlReportText', () => {
  it.each([
    [
      'trs-page.html.txt',
      'a CMS article page: title above the body, info and share bars, pager, footer',
      QINGSHI,
    ],
    ['table-layout.html.txt', 'a table layout with <br> paragraphs and a footer in one cell', BAISHA],
  ])(
    '%s (%s): the report text, one paragraph a line, with the footer keys',
    async (name, _what, expected) => {
      expect(htmlReportText(await fixture(name))).toBe(`${expected.join('\n')}\n`);
    },
  );

  it('leaves out navigation, widgets and site furniture', async () => {
    const text = htmlReportText(await fixture('trs-page.html.txt'));
    for (const word of [
      '首页',
      '字号',
      '打印',
      '分享',
      '无障碍',
      '关闭窗口',
      '上一篇',
      '相关链接',
      '版权所有',
      'ICP',
      'setFontSize',
    ])
      expect(text).not.toContain(word);
  });

  it('gives the pipeline the title and the footer it reads', async () => {
    const structure = parseStructure(htmlReportText(await fixture('trs-page.html.txt')));
    expect(structure.titleInfo.title).toBe('青石镇2024年法治政府建设情况报告');
    expect(structure.titleInfo.entity).toBe('青石镇');
    expect(structure.footer.主办单位).toBe('示例区人民政府办公室');
    expect(structure.footer.网站标识码).toBe('9999990001');
  });

  it('keeps article headings on their own lines and table rows as lines', () => {
    const html = `<html><head><title>红旗社区2024年工作报告_示例网</title></head><body>
      <nav><a href="/">首页</a><a href="/x">通知公告</a></nav>
      <article class="content"><h2>一、基本情况</h2><p>红旗社区现有居民2300户，全年受理居民诉求<b>418</b>件，办结率100%。</p>
      <h3>（一）调解工作</h3><p>社区调委会调解纠纷35件，调解成功34件。</p>
      <table><tr><th>项目</th><th>数量</th></tr><tr><td>普法讲座</td><td>12场</td></tr></table></article>
      <footer><p>主办单位：红旗社区居民委员会</p></footer></body></html>`;
    expect(htmlReportText(html).split('\n')).toEqual([
      '红旗社区2024年工作报告',
      '一、基本情况',
      '红旗社区现有居民2300户，全年受理居民诉求418件，办结率100%。',
      '（一）调解工作',
      '社区调委会调解纠纷35件，调解成功34件。',
      '项目\t数量',
      '普法讲座\t12场',
      '主办单位：红旗社区居民委员会',
      '',
    ]);
  });

  const PARAGRAPH = '全镇16个村（社区）人民调解委员会共受理矛盾纠纷152件，调解成功148件。';
  it.each([
    ['<div>', 5_000],
    ['<div>', 100_000],
    ['<span>', 100_000],
    ['<div class="title">', 100_000],
    ['<b><i>', 50_000],
  ])('a page nesting %s %i deep around the report: its text, as for a flat page', (open, depth) => {
    const close = open
      .replace(/<(\w+)[^>]*>/g, '</$1>')
      .split(/(?=<)/)
      .reverse()
      .join('');
    const html =
      '<html><head><title>青石镇2024年法治政府建设情况报告_示例区人民政府</title></head><body>' +
      `${open.repeat(depth)}<p>${PARAGRAPH}</p>${close.repeat(depth)}</body></html>`;
    const title = open.includes('title') ? [] : ['青石镇2024年法治政府建设情况报告'];
    expect(htmlReportText(html).split('\n')).toEqual([...title, PARAGRAPH, '']);
  });
});
