/**
 * Labels: what a figure counts, in the report's own words, short enough for a column header.
 * The words before the number are trimmed of time phrases, scope words, leading verbs and
 * trailing copulas; for a classifier (21个便民服务站) the noun after the measure word wins.
 */

/** Characters that end the phrase a label is taken from. */
const BOUNDARY = '，。；：！？,;:!?\n\r、（()）【】[]|\t 　';
const WIDE_BOUNDARY = BOUNDARY.replace('、', '');
const QUOTES = /[“”"‘’《》「」『』〈〉]/g;
const MAX_BEFORE = 40;
const MAX_LABEL = 12;

/** Time phrases, scopes and connectives that open a clause but are not what is counted. */
const LEADING =
  /^(?:今年以来|今年来|一年来|近年来|截至目前|截至年底|截至\d{4}年(?:\d{1,2}月)?(?:底|末)?|\d{4}年(?:度|末|底|初|以来)?|年内|全年度?|今年|当年|同期|本年度|年度|上半年|下半年|目前|其中|此外|另外|同时|并且|并|还|也|均|已|先后|共计|共有|现有|拥有|共|累计|合计|总计|以上|以下|全(?:镇|县|区|市|乡|街道|街|省|州|旗|村|局|系统)|[我本](?:镇|县|区|市|乡|街道|街|局|委|办|单位)|辖区内?|通过|积极|主动|持续|成功)/;

/** Verbs that open a clause before the counted thing (开展专题学习2场 → 专题学习). */
const LEADING_VERB =
  /^(?:审查|监督|检查|督查|核查|抽查|开展|组织|完成|实现|举办|召开|引进|获得|增设|新增|新建|建成|发放|印发|推动|推进|提供|接待|排查|化解|清理|配备|收集|征求|参加|参与|投入|设立|打造|培育|创建|发现|整改|挂|制作|悬挂|张贴|编印|购置|安排|落实|开通|审结|办结|帮助|协助|指导|解决|录入|上报|报送|走访|举行|签订|聘请|聘用|吸纳|新招|招引|培训|累计)/;

/** Verbs that end a subject inside a long clause (中心组安排学习 → 学习, 中心接待办事群众 → 办事群众). */
const MID_VERB =
  /(?:安排|接待|组织|召开|举办|开展|受理|排查|参加|完成|对)(?!.*(?:安排|接待|组织|召开|举办|开展|受理|排查|参加|完成|对))/;

/** Copulas and qualifier words that sit between the label and the number. */
const TRAILING =
  /(?:增至|增加到|提高到|提升至|提升到|降至|降到|下降到|扩大到|减少到|增长到|上升到|上升至|共计|共有|共|累计|合计|总计|达到|高达|多达|达|均为|均达|分别为|分别达|分别是|分别|均|(?<![行作成认因视称更广人])为|约|大约|近|将近|超过|超|突破|逾|不足|不到|计|有|已|是|的|至|到|从|由)$/;

const TOTALS = new Set(['合计', '总计', '共计']);

/** A change phrase at the end: 比上年增长, 同比下降; the value is the size of the change. */
const CHANGE =
  /(?:同比|环比|比上年末?|比去年(?:同期)?|较上年(?:同期)?|比上年同期|与上年相比|比\d{4}年)?(增长|下降|增加|减少|提高|降低|上升|回落|提升|增幅|降幅|增速|扩大|缩小)了?$/;

export interface CleanLabel {
  /** The counted thing ('' when the words before say nothing but a change). */
  base: string;
  /** 增长, 下降, … when the figure is a change of something; '' otherwise. */
  change: string;
}

function rawBack(text: string, start: number, floor: number, boundary: string): string {
  const lo = Math.max(floor, start - MAX_BEFORE, 0);
  let i = start;
  while (i > lo && !boundary.includes(text[i - 1] as string)) i--;
  return text.slice(i, start);
}

/** The raw clause before `start`: back to a boundary, the end of the previous figure, or 40 characters. */
export function rawBefore(text: string, start: number, floor: number): string {
  return rawBack(text, start, floor, BOUNDARY);
}

/** Like rawBefore, but across 、 so that a list of names (食品、石化、医药) stays whole. */
export function rawBeforeWide(text: string, start: number, floor: number): string {
  return rawBack(text, start, floor, WIDE_BOUNDARY);
}

/**
 * The names of a list (食品、石化和医药等产业增加值 → 食品产业增加值, 石化产业增加值, …):
 * the words after 等 are shared by every name.
 */
export function splitSubjects(subject: string): string[] {
  const parts = subject
    .replace(QUOTES, '')
    .split(/、|以及|及|和|与/)
    .filter((p) => p.length > 0);
  const last = parts[parts.length - 1];
  let shared = '';
  if (last !== undefined) {
    const at = last.indexOf('等');
    if (at > 0) {
      shared = last.slice(at + 1);
      parts[parts.length - 1] = last.slice(0, at);
    }
  }
  return parts.map((p) => {
    const name = stripLeading(p) + shared;
    return name.length > MAX_LABEL ? name.slice(name.length - MAX_LABEL) : name;
  });
}

function stripLeading(s: string): string {
  let cur = s;
  for (let guard = 0; guard < 8; guard++) {
    const m = LEADING.exec(cur) ?? LEADING_VERB.exec(cur);
    if (!m || cur.length - m[0].length < 2) break;
    cur = cur.slice(m[0].length);
  }
  return cur;
}

function stripTrailing(s: string): { rest: string; change: string } {
  let cur = s;
  let change = '';
  for (let guard = 0; guard < 6; guard++) {
    const c = CHANGE.exec(cur);
    if (c && !change) {
      change = c[1] ?? '';
      cur = cur.slice(0, c.index);
      continue;
    }
    const t = TRAILING.exec(cur);
    // 合计965条 keeps its word: a total is worth a label of its own.
    if (!t || (t.index === 0 && TOTALS.has(t[0]))) break;
    cur = cur.slice(0, t.index);
  }
  return { rest: cur, change };
}

/** Keeps the part after a connective when a phrase lists or frames several things. */
function focus(s: string): string {
  let cur = s;
  for (const sep of ['其中', '共计', '累计', '等']) {
    const at = cur.lastIndexOf(sep);
    if (at > 0 && cur.length - at - sep.length >= 2) cur = cur.slice(at + sep.length);
  }
  // 人民调解员共排查矛盾纠纷: 共 before a verb ends the subject (but not in 公共, 共同).
  const m = /(?<![公总中一社])共(?![同享建治产有青性识])(.{2,})$/.exec(cur);
  if (m?.[1]) cur = m[1];
  const v = MID_VERB.exec(cur);
  if (v && cur.length > 8 && cur.length - v.index - v[0].length >= 2) cur = cur.slice(v.index + v[0].length);
  if (cur.length > 8) {
    const m = /(?:以及|及|和|与)([^以及和与]{2,})$/.exec(cur);
    if (m?.[1] && m[1].length >= 4) cur = m[1];
  }
  return cur;
}

/** Trims a raw clause to the counted thing and notes a change word (增长, 下降). */
export function cleanBefore(raw: string): CleanLabel {
  const unquoted = raw.replace(QUOTES, '');
  const { rest, change } = stripTrailing(unquoted);
  let base = stripLeading(focus(stripLeading(rest)));
  base = stripTrailing(base).rest;
  if (base.length > MAX_LABEL) base = base.slice(base.length - MAX_LABEL);
  return { base, change };
}
