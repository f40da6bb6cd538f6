/**
 * Norms (FIGURES.md, Exclude): numbers that state a rule every case must meet rather than a
 * result of the period, such as how often something must be done (每季度召开1次) or a minimum
 * written as a requirement (不少于2次).
 */
import type { Candidate } from './exclusions.ts';

const code = (s: string): number => s.charCodeAt(0);
const [YU, SHAO, GUO] = [...'于少过'].map(code);

const FREQUENCY_UNITS = new Set(['次', '场', '场次', '期', '轮']);
const EVERY_PERIOD = /每(?:半年|两年|季度|年|月|周|季|天|日|星期)[^，。；：,;:\n]{0,16}$/;
/** Words of a rule rather than a result: 不少于2次, 不低于40学时, 至少1名. */
const NORM_WORDS = ['不少于', '不低于', '不超过', '不高于', '至少'];

/** 每季度召开1次, 每年听取汇报不少于2次: how often something must be done, a norm and not a result. */
export function isFrequencyNorm(text: string, c: Candidate): boolean {
  const before = text.charCodeAt(c.token.start - 1);
  // Every norm word ends in 于, 少 or 过: one character check before trying them.
  if (before === YU || before === SHAO || before === GUO) {
    for (const w of NORM_WORDS) if (text.startsWith(w, c.token.start - w.length)) return true;
  }
  if (!FREQUENCY_UNITS.has(c.unit)) return false;
  const window = text.slice(Math.max(0, c.token.start - 20), c.token.start);
  return window.includes('每') && EVERY_PERIOD.test(window);
}
