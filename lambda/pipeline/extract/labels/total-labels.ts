/**
 * Labels of totals: 合计965条 names what it totals when the sentence says it (the subject
 * before the parts), not just 合计.
 */
import { isClauseEndOrLineBreakCode, TOTAL_WORDS } from '../../lexicon/index.ts';
import type { Draft, Parts } from './figure-labels.ts';
import { cleanBefore, rawBefore } from './labels.ts';

const TOTALS: ReadonlySet<string> = new Set(TOTAL_WORDS);
const MAX_TOTAL_WORD = Math.max(...TOTAL_WORDS.map((w) => w.length));
const QUOTED = /[“"‘「]([^”"’」]{2,12})[”"’」]/;

function sentenceStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isClauseEndOrLineBreakCode(text.charCodeAt(i - 1))) i--;
  return i;
}

function commonSuffix(names: string[]): string {
  const [first, ...rest] = names;
  if (first === undefined) return '';
  let n = 0;
  while (
    n < first.length &&
    rest.every((r) => r.length > n && r[r.length - 1 - n] === first[first.length - 1 - n])
  )
    n++;
  return first.slice(first.length - n);
}

/**
 * “好差评”非常满意802条，满意163条，合计965条: a total names the thing its parts share, which
 * the sentence states before the first part (a quoted name, the words before a colon) or
 * which the parts' own names end with (民事案件, 刑事案件 → 案件).
 */
function subjectOfTotal(text: string, drafts: Draft[], parts: Parts[], i: number): string {
  const d = drafts[i] as Draft;
  const from = sentenceStart(text, d.start);
  let first = i;
  while (first > 0 && (drafts[first - 1] as Draft).start >= from) first--;
  if (first === i) return '';
  const lead = text.slice(from, (drafts[first] as Draft).labelFrom);
  const quoted = QUOTED.exec(lead);
  if (quoted?.[1]) return quoted[1];
  const colon = Math.max(lead.lastIndexOf('：'), lead.lastIndexOf(':'));
  if (colon > 0) {
    const base = cleanBefore(rawBefore(lead, colon, 0)).base;
    if (base.length >= 2) return base;
  }
  const names = parts.slice(first, i).map((p) => p.after || p.base);
  const shared = commonSuffix(names);
  if (shared.length < 2) return '';
  // Without word boundaries a longer shared tail may start inside a word (民事案件, 刑事案件 →
  // 事案件); the last two characters are most often the noun itself (案件, 人口, 企业).
  return names.includes(shared) ? shared : shared.slice(-2);
}

export function nameTotals(text: string, drafts: Draft[], parts: Parts[]): void {
  parts.forEach((p, i) => {
    // The length first: a label is a new string, which the Set would hash whole to look it up.
    if (p.after || p.base.length > MAX_TOTAL_WORD || !TOTALS.has(p.base)) return;
    const subject = subjectOfTotal(text, drafts, parts, i);
    if (subject) p.base = subject + p.base;
  });
}
