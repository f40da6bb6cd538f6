import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TitleInfo } from '../../../lambda/pipeline/report/types.ts';
import {
  EMPTY_STRUCTURE,
  parseStructure,
  sectionPathAt,
  sentenceAt,
} from '../../../lambda/pipeline/structure/structure.ts';

const SEED = readFileSync(new URL('../../../data/reports/xiaowangzhuang-2023.txt', import.meta.url), 'utf8');

function texts(text: string, spans: { start: number; end: number }[]): string[] {
  return spans.map((span) => text.slice(span.start, span.end));
}

describe('title', () => {
  it.each<[string, string, TitleInfo, string]>([
    [
      'entity first, trailing decoration',
      '小王庄镇2023年法治政府建设情况报告 |\n2023年,全镇办理事项12件。',
      {
        title: '小王庄镇2023年法治政府建设情况报告',
        entity: '小王庄镇',
        year: 2023,
        kind: '法治政府建设情况报告',
      },
      '小王庄镇2023年法治政府建设情况报告 |',
    ],
    [
      '年度 and a county',
      '某某县2022年度推进法治政府建设情况报告\n正文。',
      {
        title: '某某县2022年度推进法治政府建设情况报告',
        entity: '某某县',
        year: 2022,
        kind: '推进法治政府建设情况报告',
      },
      '某某县2022年度推进法治政府建设情况报告',
    ],
    [
      'year first',
      '2022年某某县国民经济和社会发展统计公报\n一、综合\n',
      {
        title: '2022年某某县国民经济和社会发展统计公报',
        entity: '某某县',
        year: 2022,
        kind: '国民经济和社会发展统计公报',
      },
      '2022年某某县国民经济和社会发展统计公报',
    ],
    [
      'a street work summary naming two years',
      '某街道2023年工作总结和2024年工作思路\n一、2023年工作回顾 全年完成。',
      {
        title: '某街道2023年工作总结和2024年工作思路',
        entity: '某街道',
        year: 2023,
        kind: '工作总结和2024年工作思路',
      },
      '某街道2023年工作总结和2024年工作思路',
    ],
    [
      'no entity',
      '2026年政府工作报告\n各位代表：\n',
      { title: '2026年政府工作报告', entity: '', year: 2026, kind: '政府工作报告' },
      '2026年政府工作报告',
    ],
    [
      'a department',
      '某某市司法局2021年法治政府建设年度报告\n正文。',
      {
        title: '某某市司法局2021年法治政府建设年度报告',
        entity: '某某市司法局',
        year: 2021,
        kind: '法治政府建设年度报告',
      },
      '某某市司法局2021年法治政府建设年度报告',
    ],
    [
      'body name on its own line, organ dropped from the entity',
      '某某乡人民政府\n2024年法治政府建设情况\n2024年,全乡调解纠纷8件。',
      {
        title: '某某乡人民政府2024年法治政府建设情况',
        entity: '某某乡',
        year: 2024,
        kind: '法治政府建设情况',
      },
      '某某乡人民政府\n2024年法治政府建设情况',
    ],
    [
      'a meeting line gives year and province',
      '政府工作报告\n——2026年1月20日在某某省第十四届\n人民代表大会第五次会议上\n某某省省长 某某\n各位代表：',
      { title: '政府工作报告', entity: '某某省', year: 2026, kind: '政府工作报告' },
      '政府工作报告\n——2026年1月20日在某某省第十四届\n人民代表大会第五次会议上',
    ],
    [
      'page lines between the title and its meeting line',
      '2026年政府工作报告\n来源：某某日报\n2026-02-03 09:02:33\n【字体：\n大\n中\n小\n】\n——2026年1月28日在某某省第十四届人民代表大会第四次会议上\n各位代表：',
      { title: '2026年政府工作报告', entity: '某某省', year: 2026, kind: '政府工作报告' },
      '2026年政府工作报告\n来源：某某日报\n2026-02-03 09:02:33\n【字体：\n大\n中\n小\n】\n——2026年1月28日在某某省第十四届人民代表大会第四次会议上',
    ],
    [
      'navigation words before the title',
      '下载\n打印\n【字号：\n大 中 小\n】\n分享：\n来源：某某日报\n发布时间：2026-02-03 09:00\n2026年某某自治区政府工作报告\n各位代表：',
      { title: '2026年某某自治区政府工作报告', entity: '某某自治区', year: 2026, kind: '政府工作报告' },
      '2026年某某自治区政府工作报告',
    ],
    [
      'no title line: year, entity and kind from the opening paragraph',
      '2022年,在区委、区政府的正确领导下,某某街党工委、办事处坚持依法行政。现将2022年法治政府建设工作报告如下:\n一、主要举措\n',
      { title: '', entity: '某某街', year: 2022, kind: '法治政府建设工作报告' },
      '',
    ],
    [
      'no title line: the announced report names the body',
      '2023年以来,在区委的领导下,各项工作稳步推进。现将某某路街道2023年法治政府建设工作汇报如下:\n',
      { title: '', entity: '某某路街道', year: 2023, kind: '法治政府建设工作汇报' },
      '',
    ],
    [
      'no title line: entity after the leadership phrase',
      '2021年,在市委的坚强领导下,某某镇深入推进法治建设。\n',
      { title: '', entity: '某某镇', year: 2021, kind: '' },
      '',
    ],
    [
      'no title line: a work report excerpt says its kind and the year it plans for',
      '一、2025年工作回顾\n各位代表，刚刚过去的2025年，全市经济稳中有进。\n二、2026年主要任务\n主要预期目标是：增长5%左右。\n',
      { title: '', entity: '', year: 2026, kind: '政府工作报告' },
      '',
    ],
    [
      'nothing title-like at all',
      '全年办理事项12件。\n',
      { title: '', entity: '', year: null, kind: '' },
      '',
    ],
  ])('%s', (_name, text, titleInfo, titleText) => {
    const structure = parseStructure(text);
    expect(structure.titleInfo).toEqual(titleInfo);
    expect(text.slice(structure.titleSpan.start, structure.titleSpan.end)).toBe(titleText);
  });
});

describe('headings', () => {
  it.each<[string, string, [number, string][]]>([
    [
      'full- and half-width markers, 一是 inside paragraphs',
      '某镇2023年法治政府建设情况报告\n一、主要举措\n(一)依法决策\n办理事项。一是健全制度。二是强化监督；三是公开透明。\n（二）严格执法\n二、存在不足\n',
      [
        [1, '一、主要举措'],
        [2, '一、主要举措 › (一)依法决策'],
        [3, '一、主要举措 › (一)依法决策 › 一是健全制度'],
        [3, '一、主要举措 › (一)依法决策 › 二是强化监督'],
        [3, '一、主要举措 › (一)依法决策 › 三是公开透明'],
        [2, '一、主要举措 › （二）严格执法'],
        [1, '二、存在不足'],
      ],
    ],
    [
      'heading and body on one line, cut at 。',
      '（一）尚法笃行，推动建设突破。一是健全考核。办理12件。\n',
      [
        [1, '（一）尚法笃行，推动建设突破'],
        [2, '（一）尚法笃行，推动建设突破 › 一是健全考核'],
      ],
    ],
    [
      'heading and body on one line, cut at spaces',
      '一、2023年工作回顾 全年完成投资5亿元。\n',
      [[1, '一、2023年工作回顾']],
    ],
    [
      'arabic levels in order of first appearance',
      '一、总体情况\n1.收入情况\n(1)税收\n（2）非税\n2、支出情况\n第一，压减开支。\n',
      [
        [1, '一、总体情况'],
        [2, '一、总体情况 › 1.收入情况'],
        [3, '一、总体情况 › 1.收入情况 › (1)税收'],
        [3, '一、总体情况 › 1.收入情况 › （2）非税'],
        [2, '一、总体情况 › 2、支出情况'],
        [4, '一、总体情况 › 2、支出情况 › 第一，压减开支'],
      ],
    ],
    [
      'things that only look like markers',
      '深入学习党的二十大精神，落实一、二、三级响应。\n一、二级预案全部修订。\n1.5万人参加培训。\n2023年办理12件。\n第一、二轮督察整改完成。\n',
      [],
    ],
  ])('%s', (_name, text, expected) => {
    const { headings } = parseStructure(text);
    expect(headings.map((h) => [h.level, h.path.join(' › ')])).toEqual(expected);
    for (const heading of headings) {
      expect(text.slice(heading.start, heading.end)).toBe(`${heading.marker}${heading.title}`);
    }
  });
});

describe('sentences and paragraphs', () => {
  it.each<[string, string, string[]]>([
    [
      'terminators and closing quotes',
      '他说：“很好。”然后走了！真的吗？是的',
      ['他说：“很好。”', '然后走了！', '真的吗？', '是的'],
    ],
    [
      'line breaks and full-width spaces',
      '　　第一句\r\n\n  第二句。第三句  \n',
      ['第一句', '第二句。', '第三句'],
    ],
    [
      'a heading ends its sentence when its body shares the line',
      '一、工作回顾 全年完成。',
      ['一、工作回顾', '全年完成。'],
    ],
    ['decimals do not end sentences', '增长5.6%。下降1.2个百分点!', ['增长5.6%。', '下降1.2个百分点!']],
  ])('%s', (_name, text, expected) => {
    expect(texts(text, parseStructure(text).sentences)).toEqual(expected);
  });

  it('paragraphs are the trimmed non-blank lines', () => {
    const text = '　标题报告\n\n  第一段。第二句。\u3000\r\n第二段\n';
    expect(texts(text, parseStructure(text).paragraphs)).toEqual(['标题报告', '第一段。第二句。', '第二段']);
  });
});

describe('footer', () => {
  it.each<[string, string, Record<string, string>, string]>([
    [
      'site metadata lines with either colon',
      '某镇2023年法治政府建设情况报告\n正文。\n主办单位：某某区人民政府办公室\n承办单位:某某区信息中心\n网站标识码：1201160001\n',
      { 主办单位: '某某区人民政府办公室', 承办单位: '某某区信息中心', 网站标识码: '1201160001' },
      '主办单位：',
    ],
    [
      'several keys on one line, ICP and police numbers',
      '正文。\n版权所有：某某县人民政府  地址：某某路1号  联系电话：0000-1234567\n某ICP备12345678号-1 某公网安备 11000002000001号\n',
      {
        版权所有: '某某县人民政府',
        地址: '某某路1号',
        联系电话: '0000-1234567',
        ICP备案号: '某ICP备12345678号-1',
        公网安备: '某公网安备 11000002000001号',
      },
      '版权所有：',
    ],
    ['page furniture at the end', '正文。\n相关报道：\n【\n打印本页\n】\n', {}, '相关报道：'],
    ['no footer', '正文。\n联系电话是多少不是页脚，因为这一行是正文里的句子而且并不以键开头。\n', {}, ''],
  ])('%s', (_name, text, footer, startsWith) => {
    const structure = parseStructure(text);
    expect(structure.footer).toEqual(footer);
    expect(text.slice(structure.footerStart, structure.footerStart + startsWith.length)).toBe(startsWith);
    if (startsWith === '') expect(structure.footerStart).toBe(text.length);
  });
});

describe('the seed report', () => {
  const structure = parseStructure(SEED);

  it('has its title, footer and outline', () => {
    expect(structure.titleInfo).toEqual({
      title: '小王庄镇2023年法治政府建设情况报告',
      entity: '小王庄镇',
      year: 2023,
      kind: '法治政府建设情况报告',
    });
    expect(structure.titleSpan).toEqual({ start: 0, end: 21 });
    expect(Object.keys(structure.footer)).toEqual(['主办单位', '承办单位', '网站标识码']);
    expect(structure.footer.网站标识码).toBe('1201160001');
    expect(SEED.slice(structure.footerStart).startsWith('主办单位')).toBe(true);
    const outline = structure.headings.filter((h) => h.level === 1).map((h) => h.path.join(' › '));
    expect(outline).toEqual([
      '一、主要举措和成效',
      '二、履行推进法治建设第一责任人职责情况',
      '三、存在的不足和原因',
      '四、下一年度主要工作安排',
    ]);
    expect(structure.headings.filter((h) => h.level === 2)).toHaveLength(9);
    expect(structure.headings.filter((h) => h.level === 3)).toHaveLength(12);
  });

  it('places an offset in its section and sentence', () => {
    const offset = SEED.indexOf('二是全面推行行政执法公示制度') + 3;
    expect(sectionPathAt(structure, offset)).toBe(
      '一、主要举措和成效 › (四)健全行政执法工作机制,深入推进严格规范公正文明执法 › 二是全面推行行政执法公示制度',
    );
    const sentence = sentenceAt(structure, offset);
    expect(SEED.slice(sentence.start, sentence.end)).toBe('二是全面推行行政执法公示制度。');
    expect(sectionPathAt(structure, 30)).toBe('');
  });
});

describe('EMPTY_STRUCTURE', () => {
  it('is what parsing no text gives', () => {
    expect(parseStructure('')).toEqual(EMPTY_STRUCTURE);
  });
});
