/**
 * Measure words and units of the genre, and the matching of "magnitude + unit" after a number.
 * Years, months, days of the month, grades (级, 类, 等) and ordinals (届, 号) are deliberately
 * absent: a number followed by one of them is never a figure.
 */
import { MAGNITUDES } from './numerals.ts';

/** Space-separated word lists keep the tables short and easy to scan. */
function words(list: string): string[] {
  return list.split(' ').filter((w) => w.length > 0);
}

export type UnitKind = 'count' | 'percent' | 'money' | 'measure' | 'time';

/** Classifiers that usually precede the noun they count (21个便民服务站, 处罚2家企业). */
const COUNT_UNITS = words(
  '个 名 人 位 户 家 所 座 栋 幢 间 套 台 辆 艘 架 部 张 份 本 册 篇 件 宗 起 例 项 条 处 次 场 期 批 轮 支 组 种 盏 只 头 匹 羽 棵 株 块 片 面 枚 颗 副 顶 床 节 堂 课 笔 单 箱 袋 瓶 盒 口 趟 遍 所次 人次 家次 场次 户次 车次 批次 件次 架次 班次 航次 台次 辆次 艘次 期次 轮次 课时 学时 人日 部门 要素 倍 分 岁',
);

const PERCENT_UNITS = words('% ％ ‰ 个百分点 百分点');

const MONEY_UNITS = words('元 美元 欧元 港元');

const MEASURE_UNITS = words(
  '平方米 平方公里 平方千米 亩 公顷 米 千米 公里 厘米 毫米 吨 千克 公斤 克 斤 立方米 升 毫升 千瓦 千瓦时 兆瓦 兆瓦时 吉瓦 吉瓦时 亩次 标箱 吨公里 人公里 微克 毫克 ℃ 标准亩 延米 吨标准煤 吨标煤 吨二氧化碳 立方',
);

const TIME_UNITS = words('天 小时 个小时 分钟 秒 个工作日 工作日 周岁');

const UNIT_KIND = new Map<string, UnitKind>();
for (const u of COUNT_UNITS) UNIT_KIND.set(u, 'count');
for (const u of PERCENT_UNITS) UNIT_KIND.set(u, 'percent');
for (const u of MONEY_UNITS) UNIT_KIND.set(u, 'money');
for (const u of MEASURE_UNITS) UNIT_KIND.set(u, 'measure');
for (const u of TIME_UNITS) UNIT_KIND.set(u, 'time');

/**
 * Units by the UTF-16 code of their first character, longest first: this is asked after every
 * number, and a lookup by code makes no one-character string to hash.
 */
const UNIT_LISTS: string[][] = [];
/** Index + 1 into UNIT_LISTS by the code of a unit's first character (0: no unit starts so). */
const UNITS_BY_FIRST = new Uint8Array(0x10000);
for (const u of [...UNIT_KIND.keys()].sort((a, b) => b.length - a.length)) {
  const code = u.charCodeAt(0);
  if (UNITS_BY_FIRST[code] === 0) UNITS_BY_FIRST[code] = UNIT_LISTS.push([]);
  UNIT_LISTS[(UNITS_BY_FIRST[code] as number) - 1]?.push(u);
}

/** The kind of a base unit (count, percent, money, …), or undefined when it is not one. */
export function unitKind(unit: string): UnitKind | undefined {
  return UNIT_KIND.get(unit) ?? (unit.includes('/') ? 'measure' : undefined);
}

function longestUnitAt(text: string, pos: number): string | null {
  const k = UNITS_BY_FIRST[text.charCodeAt(pos)];
  if (k === undefined || k === 0) return null;
  const list = UNIT_LISTS[k - 1] as string[];
  for (const u of list) if (text.startsWith(u, pos)) return u;
  return null;
}

/** The longest unit written at `pos`, or null; a rate unit such as 克/千克 is one unit. */
/** What a rate is per when it is not itself a unit: 16.9万吨/日, 3000元/人, 500千瓦时/年. */
const PER_WORDS = words('日 年 月 周 季度 人 户 亩 床 辆');

function perAt(text: string, pos: number): string | null {
  const unit = longestUnitAt(text, pos);
  if (unit) return unit;
  for (const w of PER_WORDS) if (text.startsWith(w, pos)) return w;
  return null;
}

function matchUnitAt(text: string, pos: number): string | null {
  const unit = longestUnitAt(text, pos);
  if (!unit) return null;
  const slash = pos + unit.length;
  const c = text.charCodeAt(slash);
  if (c !== 0x2f && c !== 0xff0f) return unit;
  const per = perAt(text, slash + 1);
  return per ? text.slice(pos, slash + 1 + per.length) : unit;
}

export interface UnitMatch {
  /** Multiplier from a magnitude word (1 when none). */
  multiplier: number;
  /** The magnitude word as written ('' when none). */
  magnitude: string;
  unit: string;
  /** Where the magnitude starts (after the number and any 余/多). */
  start: number;
  /** Index just past the unit (or past the magnitude when there is no unit). */
  end: number;
  /** 余 or 多 written between the number and the unit (2000余册, 20万余人). */
  roughWord: string;
}

/** 余 or 多, by code. */
function isRoughCode(c: number): boolean {
  return c === 0x4f59 || c === 0x591a;
}

/**
 * Matches `[余|多] [magnitude] [余|多] unit` at `pos`. When a unit itself starts with a
 * magnitude character (千瓦, 千米, 百分点) the reading that consumes more text wins, and
 * on a tie the reading without magnitude does.
 */
export function matchMagnitudeAndUnit(text: string, pos: number, allowMagnitude: boolean): UnitMatch | null {
  let p = pos;
  let rough = '';
  if (isRoughCode(text.charCodeAt(p))) {
    rough = text[p] as string;
    p++;
  }
  let best: UnitMatch | null = null;
  const plain = matchUnitAt(text, p);
  if (plain)
    best = { multiplier: 1, magnitude: '', unit: plain, start: p, end: p + plain.length, roughWord: rough };
  if (!allowMagnitude || !isMagnitudeChar(text.charCodeAt(p))) return best;
  for (const [word, mult] of MAGNITUDES) {
    if (!text.startsWith(word, p)) continue;
    let q = p + word.length;
    let r = rough;
    if (!r && isRoughCode(text.charCodeAt(q))) {
      r = text[q] as string;
      q++;
    }
    const unit = matchUnitAt(text, q);
    if (!unit) continue;
    const end = q + unit.length;
    if (!best || end > best.end)
      best = { multiplier: mult, magnitude: word, unit, start: p, end, roughWord: r };
  }
  return best;
}

/** 十百千万亿, the first characters of every magnitude word: a gate before trying them all. */
function isMagnitudeChar(c: number): boolean {
  return c === 0x5341 || c === 0x767e || c === 0x5343 || c === 0x4e07 || c === 0x4ebf;
}

/** The magnitude word written at `pos` (万, 亿, 千万), or null. */
export function magnitudeAt(text: string, pos: number): { word: string; value: number } | null {
  if (!isMagnitudeChar(text.charCodeAt(pos))) return null;
  for (const [word, value] of MAGNITUDES) if (text.startsWith(word, pos)) return { word, value };
  return null;
}
