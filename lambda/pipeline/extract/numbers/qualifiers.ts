/**
 * Qualifier words around a number (FIGURES.md): 余/多/超过/突破/逾/以上 are lower bounds,
 * 近/不足/不到 upper bounds, 约/左右 approximations, 达/达到 exact.
 */
import { BOUNDS_AFTER_UNIT, Suffixes } from '../../lexicon/index.ts';
import type { Qualifier } from '../../report/index.ts';

/** Words written just before the number, longest first so 不超过 wins over 超过. */
const BEFORE: ReadonlyArray<readonly [string, Qualifier]> = [
  ['不超过', 'under'],
  ['不少于', 'over'],
  ['超过', 'over'],
  ['超出', 'over'],
  ['突破', 'over'],
  ['至少', 'over'],
  ['多达', 'exact'],
  ['高达', 'exact'],
  ['达到', 'exact'],
  ['将近', 'under'],
  ['接近', 'under'],
  ['不足', 'under'],
  ['不到', 'under'],
  ['未满', 'under'],
  ['大约', 'approx'],
  ['逾', 'over'],
  ['超', 'over'],
  ['近', 'under'],
  ['约', 'approx'],
  ['达', 'exact'],
];

/** What each bound written just after the unit means (the words are the lexicon's). */
const AFTER_MEANING: Readonly<Record<(typeof BOUNDS_AFTER_UNIT)[number], Qualifier>> = {
  以上: 'over',
  左右: 'approx',
  以下: 'under',
  以内: 'under',
};
const AFTER = BOUNDS_AFTER_UNIT.map((word) => [word, AFTER_MEANING[word]] as const);

/** Words in which 约/近/超 are not qualifiers (节约3000万元 is an amount saved). */
const FALSE_BEFORE = [
  '节约',
  '制约',
  '签约',
  '履约',
  '合约',
  '预约',
  '集约',
  '邀约',
  '就近',
  '附近',
  '最近',
  '赶超',
];

export interface BeforeQualifier {
  qualifier: Qualifier;
  /** Where the qualifier word starts. */
  start: number;
}

/**
 * The words before, looked up by the character before the number (longest first, so 不超过 wins
 * over 超过), each with the FALSE_BEFORE words that end with it; and the first characters of the
 * words after: most numbers have none of them beside them, and this is asked for every number.
 */
const BEFORE_WORDS = new Suffixes(
  BEFORE.map(([word, qualifier]) => {
    const falseWords = FALSE_BEFORE.filter((f) => f.endsWith(word));
    return [word, { qualifier, falseWords }] as const;
  }),
);
const AFTER_FIRST = new Uint8Array(0x10000);
for (const [w] of AFTER) AFTER_FIRST[w.charCodeAt(0)] = 1;
const SHANG = 0x4e0a; // 上
const YI = 0x4ee5; // 以
const PO = 0x7834; // 破

/** The qualifier word that ends at `pos`, if any. */
export function qualifierBefore(text: string, pos: number): BeforeQualifier | null {
  const found = BEFORE_WORDS.find(text, pos);
  if (!found) return null;
  for (const f of found.value.falseWords) if (text.startsWith(f, pos - f.length)) return null;
  return { qualifier: found.value.qualifier, start: pos - found.word.length };
}

/** The qualifier word that starts at `pos`, if any. */
export function qualifierAfter(text: string, pos: number): Qualifier | null {
  if (AFTER_FIRST[text.charCodeAt(pos)] !== 1) return null;
  for (const [word, q] of AFTER) if (text.startsWith(word, pos)) return q;
  return null;
}

/** Words that make a bare magnitude a number: 逾百场, 近千人, 上万人. */
export function allowsBareMagnitude(text: string, pos: number): boolean {
  const q = qualifierBefore(text, pos);
  if (q && q.qualifier !== 'exact') return true;
  // 上千人, 破亿; but not 以上 (600个以上亿元级项目).
  const before = text.charCodeAt(pos - 1);
  return (before === SHANG && text.charCodeAt(pos - 2) !== YI) || before === PO;
}
