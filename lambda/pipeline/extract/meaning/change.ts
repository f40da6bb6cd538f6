/**
 * Change: whether a figure is a level or the size of a change, and which way, from the words of
 * its clause before it (增长5.2% up, 下降2.1% down, 提高到25.5% a level, 同比-6.2% up with its sign).
 */
import {
  AGAINST_WORDS,
  alternationOf,
  COMPARED_DOWN_WORDS,
  COMPARED_UP_WORDS,
  codeTableOf,
  DOWN_WORDS,
  LEADING_CHANGE_VERBS,
  NEW_ITEM_WORDS,
  REACHED_WORDS,
  Suffixes,
  UP_WORDS,
} from '../../lexicon/index.ts';
import type { Change } from '../../report/index.ts';

/** What may stand between a word and its figure: 增长了, 提高约, 分别增长超, 达到了. */
const FILLER_WORDS: readonly string[] = ['超过', '分别', '了', '约', '近', '超', '逾', '均', '都'];
const FILLERS = Suffixes.of(FILLER_WORDS);
/** FILLERS and the copulas that may follow a change word (增速为, 增幅达到), not a level's (达到 is one). */
const CHANGE_FILLERS = Suffixes.of([...FILLER_WORDS, '达到', '为', '是', '达']);

/** `s` without the spaces and `fillers` it ends with. */
export function withoutFillers(s: string, fillers: Suffixes<string> = FILLERS): string {
  let end = s.length;
  for (;;) {
    while (end > 0 && isSpaceCode(s.charCodeAt(end - 1))) end--;
    const filler = end > 0 ? fillers.find(s, end) : undefined;
    if (filler === undefined) break;
    end -= filler.word.length;
  }
  return end === s.length ? s : s.slice(0, end);
}

const isSpaceCode = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0x09;

type Ending = Change | 'compared-up' | 'compared-down';
/** Every word a change is read from at the end of the words before a figure, longest first. */
const ENDINGS = new Suffixes<Ending>([
  ...NEW_ITEM_WORDS.map((w) => [w, 'none'] as const),
  ...UP_WORDS.map((w) => [w, 'up'] as const),
  ...DOWN_WORDS.map((w) => [w, 'down'] as const),
  ...AGAINST_WORDS.map((w) => [w, 'up'] as const),
  ...COMPARED_UP_WORDS.map((w) => [w, 'compared-up'] as const),
  ...COMPARED_DOWN_WORDS.map((w) => [w, 'compared-down'] as const),
]);
/** The change verbs a reached level is written after (提高到, 增长至, 增至, 降至, 升至). */
const CHANGE_VERBS = Suffixes.of([...UP_WORDS, ...DOWN_WORDS, '升']);
const COMPARISON = /高于|高出|低于/u;
const LEADING = new RegExp(alternationOf(LEADING_CHANGE_VERBS), 'u');
/** The characters COMPARISON and LEADING need, looked for first: most clauses hold neither. */
const CHANGE_CHARACTERS = codeTableOf([...LEADING_CHANGE_VERBS.join(''), '于', '出'].join(''));

function hasChangeCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (CHANGE_CHARACTERS[s.charCodeAt(i)] === 1) return true;
  return false;
}
const LONG_REACHED = REACHED_WORDS.filter((w) => w.length > 1);
const DAO = 0x5230; // 到
const ZHI = 0x81f3; // 至

/**
 * The change the words before a figure state, or null when they state none (a level, or words that
 * name nothing, as the second of 增长4.3%、5.3%, which takes the first's). `words` are those words
 * without the FILLERS they end with.
 */
export function changeBefore(words: string): Change | null {
  const s = withoutFillers(words, CHANGE_FILLERS);
  // By code: charAt would make a new string of the CJK character for every figure.
  const last = s.charCodeAt(s.length - 1);
  if ((last === DAO || last === ZHI) && CHANGE_VERBS.ends(s, s.length - 1)) return 'none';
  const ending = ENDINGS.find(s)?.value;
  if (ending === 'compared-up' || ending === 'compared-down') {
    if (s.includes('比') || s.includes('较')) return ending === 'compared-up' ? 'up' : 'down';
  } else if (ending !== undefined) {
    return ending;
  }
  if (!hasChangeCharacter(s)) return null;
  // 高于“十三五”时期1.2个百分点: the comparison's object stands between it and the figure.
  const comparison = COMPARISON.exec(s);
  if (comparison) return comparison[0] === '低于' ? 'down' : 'up';
  return LEADING.test(s) ? leadingChange(s) : null;
}

/** 压减地下水开采量21.5亿立方米: a change verb in the clause (not 新增, not 增加值) with no level reached after it. */
function leadingChange(s: string): Change | null {
  for (const verb of LEADING_CHANGE_VERBS) {
    const at = s.indexOf(verb);
    if (at < 0 || s.charAt(at - 1) === '新' || s.charAt(at + verb.length) === '值') continue;
    const rest = s.slice(at + verb.length);
    if (LONG_REACHED.some((word) => rest.includes(word))) return null;
    return DOWN_WORDS.includes(verb) ? 'down' : 'up';
  }
  return null;
}

const LONG_CHANGES = new Suffixes<Change>([
  ...UP_WORDS.filter((w) => w.length > 1).map((w) => [w, 'up'] as const),
  ...DOWN_WORDS.filter((w) => w.length > 1).map((w) => [w, 'down'] as const),
]);

/** A table cell's change from its label, which ends with its column's name (地区生产总值增长). */
export function changeOfLabel(label: string): Change {
  return LONG_CHANGES.find(label, label.endsWith('率') ? label.length - 1 : label.length)?.value ?? 'none';
}
