/**
 * The noun a classifier counts when it is written after the measure word
 * (基层21个便民服务站的窗口 → 便民服务站, 处罚2家企业 → 企业, 全市6个村（社区）获评 → 村).
 */

const MAX_AFTER = 12;
const QUOTE_CHARS = '“”‘’「」';

/**
 * Words after a measure word that start a verb phrase rather than the counted noun; among them the
 * verbs of a change (从0.94万家增加到1.55万家: 增加 is no noun of 家).
 */
const AFTER_CUTS =
  '参加 参与 建立 建成 获评 获得 入选 实现 开展 设立 完成 全覆盖 纳入 进行 通过 达到 提供 受理 覆盖 累计 开通 投入 成立 接受 进入 申报 荣获 组建 配备 列入 上线 落地 签约 签订 发现 查处 处理 同比 分别 比上年 增长 下降 增加 减少 提高 降低 上升 提升 扩大 以上 左右 以下 以内'.split(
    ' ',
  );
/** The cut words by the code of their first character, tried only where one may start. */
const CUTS_BY_FIRST = new Map<number, string[]>();
for (const w of AFTER_CUTS)
  CUTS_BY_FIRST.set(w.charCodeAt(0), [...(CUTS_BY_FIRST.get(w.charCodeAt(0)) ?? []), w]);
const AFTER_STOP = '的被并和及与在为是已等均共将从对向于由以到至';

/** Per UTF-16 code: quotes are skipped, stop characters end the noun, cut words may start. */
const QUOTE = 1;
const STOP = 2;
const CUT = 3;
const CLASS = new Uint8Array(0x10000);
for (const w of AFTER_CUTS) CLASS[w.charCodeAt(0)] = CUT;
for (const ch of AFTER_STOP) CLASS[ch.charCodeAt(0)] = STOP;
for (const ch of QUOTE_CHARS) CLASS[ch.charCodeAt(0)] = QUOTE;

function skipParenthetical(text: string, i: number): number {
  const open = text.charCodeAt(i);
  if (open !== 0x28 && open !== 0xff08) return i;
  for (let j = i + 1; j < Math.min(text.length, i + 8); j++) {
    const c = text.charCodeAt(j);
    if (c === 0x29 || c === 0xff09) return j + 1;
  }
  return i;
}

/** True when a verb phrase (参加, 建成, 增长…) or a bound (以上) starts at `i`: the noun before it ends there. */
export function startsVerbAfterNoun(text: string, i: number): boolean {
  const words = CUTS_BY_FIRST.get(text.charCodeAt(i));
  if (words !== undefined) for (const w of words) if (text.startsWith(w, i)) return true;
  return false;
}

interface Scanned {
  noun: string;
  /** Where the scan stopped: a stop character, a cut word, the end of the text or the length limit. */
  stop: number;
}

/**
 * The noun that starts at `end`, up to a stop character or a cut word. The kept characters are
 * sliced a stretch at a time (quotes and a parenthetical are skipped), not appended one by one.
 */
function scanNoun(text: string, end: number): Scanned {
  let out = '';
  let from = end;
  let i = end;
  while (i < text.length && out.length + (i - from) < MAX_AFTER) {
    const j = out.length + (i - from) > 0 ? skipParenthetical(text, i) : i;
    const code = text.charCodeAt(i);
    const cls = CLASS[code];
    if (j !== i || cls === QUOTE) {
      out += text.slice(from, i);
      i = j !== i ? j : i + 1;
      from = i;
      continue;
    }
    if (cls === STOP || code < 0x4e00 || code > 0x9fff) break;
    if (cls === CUT && startsVerbAfterNoun(text, i)) break;
    i++;
  }
  return { noun: out + text.slice(from, i), stop: i };
}

/**
 * Verbs by which a place or a body gets something (在21个行政村居设立“三务”公开栏, 3000个小区设置
 * 智能回收机): what the count tells is how many places have it, so the label names both.
 */
const SETUP_VERBS = '设立 建立 建成 配备 开通 成立 组建 开展 完成 实现'.split(' ');
/** Last characters of the names of places and bodies (行政村居, 社区, 便民服务站, 学校, 部门, 企业…). */
const PLACE_LAST = new Set(
  [...'村居镇乡街区县市省州旗站所点室院校园馆厅心位门构业委会组队'].map((ch) => ch.charCodeAt(0)),
);
/** Longest label a place and what it set up may make (labels.ts MAX_LABEL). */
const MAX_PLACE_LABEL = 14;

function isHanCode(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

function setupVerbAt(text: string, i: number): string {
  for (const v of SETUP_VERBS) if (text.startsWith(v, i)) return v;
  return '';
}

/**
 * The noun written right after a measure word (基层21个便民服务站的… → 便民服务站), or ''; for a
 * place that sets something up, the place and the thing (21个行政村居设立“三务”公开栏 →
 * 行政村居设立三务公开栏), when both fit in a label.
 */
export function nounAfter(text: string, end: number): string {
  if (text.startsWith('左右', end)) return '';
  if (text.startsWith('以上', end)) return nounAfterBound(text, end + 2);
  const { noun, stop } = scanNoun(text, end);
  if (noun.length === 0 || !PLACE_LAST.has(noun.charCodeAt(noun.length - 1))) return noun;
  const verb = setupVerbAt(text, stop);
  if (!verb) return noun;
  const thing = scanNoun(text, stop + verb.length);
  // Only a thing that runs to the end of the clause is whole (县域医共体建设 stops at 共, mid-word).
  const label = noun + verb + thing.noun;
  if (thing.noun.length < 2 || label.length > MAX_PLACE_LABEL || isHanCode(text.charCodeAt(thing.stop)))
    return noun;
  return label;
}

/**
 * 新增50家以上先进智能工厂: a lower bound written between the count and its noun. One character
 * there is most often a word cut short by a stop character (华为云 at 为), so it names nothing.
 */
function nounAfterBound(text: string, at: number): string {
  const { noun } = scanNoun(text, at);
  return noun.length >= 2 ? noun : '';
}
