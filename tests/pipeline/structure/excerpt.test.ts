import { describe, expect, it } from 'vitest';
import { EXCERPT_REACH, sentenceExcerpt } from '../../../lambda/pipeline/structure/excerpt.ts';

/** The excerpt of the figure `text` in `sentence` (its first occurrence there). */
function excerptOf(sentence: string, text: string): string {
  const start = sentence.indexOf(text);
  if (start < 0) throw new Error(`${text} is not in the sentence`);
  return sentenceExcerpt(sentence, { start, end: start + text.length });
}

const SEED_ADVISER =
  '我镇聘用天津市勤达律师事务所作为政府法律顾问单位,充分发挥法律顾问在制定重大行政决策、推进依法行政中的积极作用,为我镇各项政策法规和事务提供法律支持服务,特别在项目投资、依法行政等方面提供专业法律服务,法律顾问参与重大工程合同事务研究、提出专业意见共计50余条。';
const SEED_STATIONS =
  '持续推进“放管服”改革,镇综合便民服务中心和基层21个便民服务站的窗口工作人员,严格落实“五减四办和承诺制”要求,依托网上帮办平台系统以及线下办理渠道,最大限度的为镇域群众提供相关服务。';
const BEIJING =
  '全市地区生产总值5.2万亿元、增长5.4%、高于全国0.4个百分点，一般公共预算收入增长4.8%，城镇调查失业率4.1%，居民人均可支配收入实际增长4.4%，居民消费价格总体平稳，人均地区生产总值、全员劳动生产率和万元地区生产总值能耗、水耗、碳排放等多项指标保持全国省级地区最优水平。';

describe('sentenceExcerpt: the sentence the datasets give with a figure', () => {
  it.each([
    [
      'a short sentence, whole',
      '全年共受理矛盾纠纷12件，调解成功率100%。',
      '12件',
      '全年共受理矛盾纠纷12件，调解成功率100%。',
    ],
    [
      'a long one cut on the left after the first mark of the 60 characters before the figure',
      SEED_ADVISER,
      '50余条',
      '…特别在项目投资、依法行政等方面提供专业法律服务,法律顾问参与重大工程合同事务研究、提出专业意见共计50余条。',
    ],
    [
      'a long one cut on the right after the last mark of the 60 characters after it',
      SEED_STATIONS,
      '21个',
      '持续推进“放管服”改革,镇综合便民服务中心和基层21个便民服务站的窗口工作人员,严格落实“五减四办和承诺制”要求,依托网上帮办平台系统以及线下办理渠道,…',
    ],
    [
      'cut on both sides',
      BEIJING,
      '4.4%',
      '…增长5.4%、高于全国0.4个百分点，一般公共预算收入增长4.8%，城镇调查失业率4.1%，居民人均可支配收入实际增长4.4%，居民消费价格总体平稳，人均地区生产总值、全员劳动生产率和万元地区生产总值能耗、水耗、…',
    ],
    [
      'a table row without clause marks: cut at the reach itself',
      `地区生产总值 | ${'341881 | 7.23 | 100 | '.repeat(6)}56789 | 5.25 | 16.6 | ${'80349 | 19.44 | 23.5 | '.repeat(6)}`,
      '56789',
      `…${'341881 | 7.23 | 100 | '.repeat(6).slice(-EXCERPT_REACH)}56789${' | 5.25 | 16.6 | 80349 | 19.44 | 23.5 | 80349 | 19.44 | 23.5 | 80349 | 19.44 | 23.5'.slice(0, EXCERPT_REACH)}…`,
    ],
  ])('%s', (_name, sentence, text, expected) => {
    expect(excerptOf(sentence, text)).toBe(expected);
  });

  it('keeps the very string when nothing is cut (the figures of a short sentence share it)', () => {
    const sentence = '全年共受理矛盾纠纷12件，调解成功率100%。';
    expect(sentenceExcerpt(sentence, { start: 9, end: 12 })).toBe(sentence);
  });

  it('never splits a surrogate pair at a hard cut', () => {
    // 𠀀 is two code units: 60 of them before 12件 would end inside one, so 59 are kept (共 and 29 𠀀).
    const sentence = `${'𠀀'.repeat(40)}共12件${'𠀀'.repeat(40)}`;
    const excerpt = excerptOf(sentence, '12件');
    expect(excerpt).toBe(`…${'𠀀'.repeat(29)}共12件${'𠀀'.repeat(30)}…`);
    expect(excerpt).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('is at most 60 characters on either side of the figure, however long the sentence', () => {
    const sentence = '办理事项1000件，'.repeat(3000);
    for (const at of [0, 5000, 33000 - 7]) {
      const start = sentence.indexOf('1000件', at);
      const excerpt = sentenceExcerpt(sentence, { start, end: start + 5 });
      expect(excerpt.length).toBeLessThanOrEqual(2 * EXCERPT_REACH + 5 + 2);
      expect(excerpt.replaceAll('…', '')).toContain('1000件');
    }
  });
});
