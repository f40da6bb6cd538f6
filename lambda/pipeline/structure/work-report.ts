/**
 * What a government work report (政府工作报告) says of itself when its title line is missing, as in
 * an excerpt: the kind from the genre's fixed forms, the year from the year it plans for, and, for a
 * province, autonomous region or municipality, the one it keeps naming. Each is '' or null unless the
 * text says it plainly: a wrong entity would be published as fact, an empty one asks for a sidecar.
 */

import { CN_ONE_TO_TEN, classOf, WIDE_CLAUSE_MARKS } from '../lexicon/index.ts';
import type { TitleInfo } from '../report/index.ts';
import type { Line } from './lines.ts';
import { PROVINCES, type Province } from './provinces.ts';

const WORK_REPORT = '政府工作报告';

const CN = classOf(CN_ONE_TO_TEN);
/** Up to 12 characters inside one clause, what `2026年是“十五五”开局之年` puts between. */
const IN_CLAUSE = `[^${classOf(WIDE_CLAUSE_MARKS)}]{0,12}`;

/** Forms only this genre has: the address to the congress, the government reporting, the targets. */
const GENRE_FORMS = [
  /各位代表/u,
  /我代表\p{Script=Han}{0,6}人民政府/u,
  /主要预期目标/u,
  /政府工作(?:的)?总体要求/u,
  new RegExp(`^[${CN}]+、.{0,30}(?:工作|发展)回顾`, 'mu'),
];
/** At least this many of the forms: one alone (各位代表 opens speeches of every kind) proves little. */
const MIN_FORMS = 2;
/** `三、2026年主要工作`, `…和2026年工作安排`: the heading of the plan names the report's year… */
const PLAN_HEADING = new RegExp(
  `^[${CN}]+、.{0,30}?(\\d{4})年(?:的)?(?:主要|重点)?(?:工作|目标任务|任务)`,
  'u',
);
/** …but `一、2025年工作和“十四五”发展回顾` is the review of the year before. */
const REVIEW_WORDS = /回顾|成就|成效|总结|进展/u;
/** `2026年是“十五五”开局之年`: the year the report opens. */
const OPENING_YEAR = new RegExp(`(\\d{4})年是${IN_CLAUSE}(?:开局|起步)之年`, 'u');
/** `刚刚过去的2025年`, `2025年是“十四五”收官之年`: the year reviewed, the one before the report's. */
const REVIEWED_YEAR = new RegExp(`刚刚过去的(\\d{4})年|(\\d{4})年是${IN_CLAUSE}收官之年`, 'u');
/** How a report speaks of its own territory (全省上下, 全区经济), by level; 全区域 is no territory. */
const TERRITORY = /全(省|市|区(?!域)|县|州|盟|旗|镇|乡)/gu;
/** A name must recur this often, and more often than any other, to be the report's own. */
const MIN_MENTIONS = 3;
const NAMES = new RegExp(PROVINCES.map((p) => p.short).join('|'), 'gu');

/** The kind, year and entity a work report's text states without a title; null when it is not one. */
export function workReportInfo(lines: readonly Line[]): Omit<TitleInfo, 'title'> | null {
  const trimmed = lines.map((line) => line.text.trim());
  const text = trimmed.join('\n');
  if (GENRE_FORMS.filter((form) => form.test(text)).length < MIN_FORMS) return null;
  return { kind: WORK_REPORT, year: plannedYear(trimmed, text), entity: ownProvince(text)?.name ?? '' };
}

function plannedYear(lines: readonly string[], text: string): number | null {
  for (const line of lines) {
    const plan = PLAN_HEADING.exec(line);
    if (plan && !REVIEW_WORDS.test(line)) return Number(plan[1]);
  }
  const opening = OPENING_YEAR.exec(text);
  if (opening) return Number(opening[1]);
  const reviewed = REVIEWED_YEAR.exec(text);
  return reviewed ? Number(reviewed[1] ?? reviewed[2]) + 1 : null;
}

/**
 * The province-level body the text keeps naming, when the text speaks as its government does: of
 * 全省 and the 省委 (a province), 全区 and the 自治区党委 (an autonomous region), or 全市 and no 省委
 * at all (a municipality; a city inside a province always names the 省委).
 */
function ownProvince(text: string): Province | undefined {
  const named = mostFrequent(text.match(NAMES) ?? []);
  const territory = mostFrequent(text.match(TERRITORY) ?? []);
  if (!named || named.count < MIN_MENTIONS || !territory) return undefined;
  const province = PROVINCES.find((p) => p.short === named.value);
  if (!province || `全${LEVEL_WORD[province.level]}` !== territory.value) return undefined;
  return LEVEL_GOVERNMENT[province.level](text) ? province : undefined;
}

const LEVEL_WORD: Record<Province['level'], string> = { 省: '省', 自治区: '区', 直辖市: '市' };
const LEVEL_GOVERNMENT: Record<Province['level'], (text: string) => boolean> = {
  省: (text) => /省委|省人民政府|省政府/u.test(text),
  自治区: (text) => /自治区(?:党委|人民政府|政府)/u.test(text),
  直辖市: (text) => /市委|市人民政府|市政府/u.test(text) && !/省委/u.test(text),
};

/** The value said most often, if no other is said as often. */
function mostFrequent(values: readonly string[]): { value: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return undefined;
  return { value: first[0], count: first[1] };
}
