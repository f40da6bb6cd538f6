import { describe, expect, it } from 'vitest';
import { focus } from '../../../../lambda/pipeline/extract/labels/label-focus.ts';

describe('focus: the part of a clause a label is taken from', () => {
  it.each([
    ['a shared 共 before the verb ends the subject', '人民调解员共排查矛盾纠纷', '排查矛盾纠纷'],
    ['not the 共 of 公共', '公共法律服务', '公共法律服务'],
    ['after 其中', '全镇各村其中行政村', '行政村'],
    ['after 等', '食品、石化、医药等产业增加值', '产业增加值'],
    ['a separator with less than two characters after it stays', '受理各类案件共计', '受理各类案件共计'],
    [
      'after the last connective of a long phrase',
      '城镇居民和农村居民人均可支配收入',
      '农村居民人均可支配收入',
    ],
    ['the same in the seed report', '镇综合便民服务中心和基层便民服务站', '基层便民服务站'],
    ['a short phrase keeps its mid-clause verb', '中心组安排学习', '中心组安排学习'],
  ])('%s: %s → %s', (_, clause, expected) => {
    expect(focus(clause)).toBe(expected);
  });
});
