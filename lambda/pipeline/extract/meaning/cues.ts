/**
 * Cues: the words before a figure its meaning depends on, each tried only where it can start (a
 * table of first characters), since the reader visits a sentence's head and a figure's clause but
 * never searches the whole text: times (time-phrases.ts), the words of estimates and goals, and the
 * words right before a time or a goal that make it a base of comparison or a goal met.
 */
import {
  ACHIEVED_WORDS,
  alternationOf,
  BASELINE_WORDS,
  COMMAS,
  classOf,
  codeTableOf,
  ESTIMATE_WORDS,
  GOAL_AUXILIARIES,
  GOAL_VERBS,
  PAUSES,
  SENTENCE_ENDS,
  Suffixes,
  TARGET_NOUN_TAILS,
  TARGET_WORDS,
} from '../../lexicon/index.ts';

/** What a status cue says of the figures after it in its sentence. */
export type StatusCue = 'estimate' | 'target';

const STATUS_AT = new RegExp(
  `(${alternationOf(ESTIMATE_WORDS)})|${alternationOf(TARGET_WORDS)}(?!${alternationOf(TARGET_NOUN_TAILS)})|${alternationOf(GOAL_AUXILIARIES)}(?=${alternationOf(GOAL_VERBS)})`,
  'y',
);
const STATUS_WORDS = [...ESTIMATE_WORDS, ...TARGET_WORDS, ...GOAL_AUXILIARIES];
/** The characters a status cue can start with, by UTF-16 code. */
export const STATUS_FIRST = codeTableOf(STATUS_WORDS.map((w) => w.charAt(0)).join(''));
/** The first two characters of each status word (a word of one character: any second). */
const STATUS_OPENINGS = new Set(STATUS_WORDS.filter((w) => w.length > 1).map((w) => w.slice(0, 2)));
const ONE_CHARACTER = codeTableOf(STATUS_WORDS.filter((w) => w.length === 1).join(''));

/** The status cue starting at `at`, with the words it is read from; null when none does. */
export function statusCueAt(text: string, at: number): { cue: StatusCue; end: number; word: string } | null {
  if (ONE_CHARACTER[text.charCodeAt(at)] !== 1 && !STATUS_OPENINGS.has(text.slice(at, at + 2))) return null;
  STATUS_AT.lastIndex = at;
  const match = STATUS_AT.exec(text);
  if (match === null) return null;
  return { cue: match[1] === undefined ? 'target' : 'estimate', end: at + match[0].length, word: match[0] };
}

/** 预计数，下同: from here on, the results are estimates. */
const ESTIMATE_NOTE_START = '预计数';
const ESTIMATE_NOTE = new RegExp(`${ESTIMATE_NOTE_START}[${classOf(COMMAS)}、]?\\s*下同`, 'g');

/**
 * Where the first estimate note of the text ends (Infinity when it has none). The RegExp is tried
 * from the first 预计数 on: indexOf finds it three times as fast as the RegExp's own search of the
 * whole text, which every report has to pass.
 */
export function estimateNoteEnd(text: string): number {
  const first = text.indexOf(ESTIMATE_NOTE_START);
  if (first < 0) return Number.POSITIVE_INFINITY;
  ESTIMATE_NOTE.lastIndex = first;
  const note = ESTIMATE_NOTE.exec(text);
  return note === null ? Number.POSITIVE_INFINITY : note.index + note[0].length;
}

/** Looked up by the end of the text before a time, with no slice of it to test a RegExp on. */
const BASELINE = Suffixes.of(BASELINE_WORDS);
/** Right before a time: 比2020年, 高于“十三五”时期: the time is what a change is measured against. */
export function isBaseline(text: string, at: number): boolean {
  return BASELINE.ends(text, at);
}

const ACHIEVED = new RegExp(
  `${alternationOf(ACHIEVED_WORDS)}[^${classOf(`${SENTENCE_ENDS}${PAUSES}`)}]{0,10}$`,
  'u',
);
/** 实现预期目标, 完成年度目标任务, 优于国家考核目标: a goal met, whose figures are results. */
export function isAchievedGoal(text: string, at: number): boolean {
  return ACHIEVED.test(text.slice(Math.max(0, at - 14), at));
}

/**
 * How far back from a time or goal word a 《 is looked for: the words of a title that matter are
 * near its start (《城中区2024年法治政府建设工作要点》, 《…纲要(2021—2025年)》), and every time
 * phrase and goal word read is checked.
 */
const MAX_TITLE = 40;
/** Whether `at` is inside a 《title》, whose years and words are the title's, not the figure's. */
export function isInTitle(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - MAX_TITLE; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x300a) return true; // 《
    if (c === 0x300b || c === 0x0a) return false; // 》, a line break
  }
  return false;
}
