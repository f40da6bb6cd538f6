/**
 * The focus of a clause that lists or frames several things: the part after 其中, 共计, 累计 or
 * 等, after a shared 共 or a verb inside the subject, or after the last connective (以及, 和, 与).
 */

/** Verbs that end a subject inside a long clause (中心组安排学习 → 学习, 中心接待办事群众 → 办事群众). */
const MID_VERBS = '安排 接待 组织 召开 举办 开展 受理 排查 参加 完成 对'.split(' ');

const MID_VERB_FIRST = new Uint8Array(0x10000);
for (const v of MID_VERBS) MID_VERB_FIRST[v.charCodeAt(0)] = 1;

/** The end of the last mid-clause verb in `s`, or -1: one backward walk, no backtracking. */
function afterLastMidVerb(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    if (MID_VERB_FIRST[s.charCodeAt(i)] === 0) continue;
    for (const v of MID_VERBS) if (s.startsWith(v, i)) return i + v.length;
  }
  return -1;
}

const FOCUS_SEPARATORS = ['其中', '共计', '累计', '等'];

/**
 * Bits by code of 其, 共, 累, 等 (the separators' first characters, in order) and of 及和与: one
 * walk over a clause tells which lastIndexOf calls and regexes below can match at all.
 */
const FOCUS_BITS = new Uint8Array(0x10000);
[...'其共累等'].forEach((ch, k) => {
  FOCUS_BITS[ch.charCodeAt(0)] = 1 << k;
});
const GONG = 2;
const CONNECTIVE = 16;
for (const ch of '及和与') FOCUS_BITS[ch.charCodeAt(0)] = CONNECTIVE;

function focusBits(s: string): number {
  let bits = 0;
  for (let i = 0; i < s.length; i++) bits |= FOCUS_BITS[s.charCodeAt(i)] as number;
  return bits;
}

/** Keeps the part after a connective when a phrase lists or frames several things. */
export function focus(s: string): string {
  let cur = s;
  // Slicing only drops characters: what `s` lacks, every later `cur` lacks too.
  const bits = focusBits(s);
  // A loop, not forEach: no closure is made for every label.
  for (let k = 0; k < FOCUS_SEPARATORS.length; k++) {
    if ((bits & (1 << k)) === 0) continue;
    const sep = FOCUS_SEPARATORS[k] as string;
    const at = cur.lastIndexOf(sep);
    if (at > 0 && cur.length - at - sep.length >= 2) cur = cur.slice(at + sep.length);
  }
  // 人民调解员共排查矛盾纠纷: 共 before a verb ends the subject (but not in 公共, 共同).
  const m = (bits & GONG) !== 0 && cur.includes('共') ? SHARED_VERB.exec(cur) : null;
  if (m?.[1]) cur = m[1];
  const v = cur.length > 8 ? afterLastMidVerb(cur) : -1;
  if (v >= 0 && cur.length - v >= 2) cur = cur.slice(v);
  // The end-anchored regex tries every start: run it only when a connective is there at all.
  if (cur.length > 8 && (bits & CONNECTIVE) !== 0) {
    const m = LAST_CONNECTED.exec(cur);
    if (m?.[1] && m[1].length >= 4) cur = m[1];
  }
  return cur;
}

const LAST_CONNECTED = /(?:以及|及|和|与)([^以及和与]{2,})$/;
const SHARED_VERB = /(?<![公总中一社])共(?![同享建治产有青性识])(.{2,})$/;
