/**
 * Reports for the publishing benchmark, made from the texts shipped in data/reports (the 31
 * provincial 政府工作报告 and the town reports) so that each one is its own: the same sentences
 * repeated across thousands of reports would flatter compression, deduplication and any cache, and
 * the benchmark would measure a corpus that no real publisher has. Report i is built from a PRNG
 * seeded with i alone (so the first 1,000 of 10,000 are the 1,000), out of paragraphs picked from the
 * shipped texts with their sentences shuffled, every number replaced by another of the same shape
 * (digits, decimals, a percentage under 100 where it was, years moved to the report's own year), and
 * words swapped for others the texts use in the same place (the phrase before a number, a compound
 * before a common noun ending). Each report opens with a title line the structure parser reads
 * (`<town><year>年<kind>`) and has the genre's headings (一、… （一）…), so the extractor and the
 * portal see a report of the genre, 2,500–6,000 characters long (the last subsection may run over).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from './texts.ts';

export interface GeneratedReport {
  /** `town-<i>-<year>`: the file is `<id>.txt`. */
  id: string;
  title: string;
  entity: string;
  year: number;
  kind: string;
  text: string;
}

/** What a report is made of: paragraphs, headings and the words that may stand in for each other. */
export interface SourcePool {
  /** Paragraphs of the provincial work reports, each as its sentences. */
  provincial: Paragraph[];
  /** Paragraphs of the town reports. */
  town: Paragraph[];
  /** Titles of 一、 headings and of （一） headings, without their markers. */
  sections: Paragraph[];
  subsections: Paragraph[];
  /** The phrase written right before a number, by its last character: 地区生产总值 → 值. */
  numberLabels: Map<string, string[]>;
  /** Two characters written before a common noun ending, by that ending: 预算 → 改革. */
  modifiers: Map<string, string[]>;
}

/** Sentences of one source paragraph, and the year of its report: its years move by the difference. */
interface Paragraph {
  sentences: string[];
  year: number;
}

/** The report kinds, each with the share of its paragraphs drawn from town reports. */
const KINDS = [
  { kind: '政府工作报告', weight: 5, townShare: 0.1 },
  { kind: '法治政府建设情况报告', weight: 3, townShare: 0.5 },
  { kind: '工作总结', weight: 1, townShare: 0.2 },
  { kind: '国民经济和社会发展计划执行情况报告', weight: 1, townShare: 0.05 },
] as const;
/** Characters of town names: 40³ = 64,000 names, one per report up to that many. */
const NAME_CHARS = '东西南北新古清安平和兴福长永太龙河山湖桥岭泉林沙石田塘溪湾港坪营集店口堡庄园丰宁';
const UNITS = ['镇', '镇', '镇', '乡', '乡', '街道'] as const;
const NUMERALS = '一二三四五六七八九十';
/** Endings that close a noun compound in these texts; the two characters before one are swapped. */
const NOUN_ENDINGS =
  '建设|体系|产业|能力|水平|机制|服务|改革|工程|项目|平台|园区|企业|经济|行动|治理|环境|制度|设施|保障|质量|中心|工作|市场|文化';
const PLACEHOLDER_ENTITY = '\u0001';
const PLACEHOLDER_UNIT = '\u0002';
const CJK = '\\u4e00-\\u9fff';
const SENTENCE = /[^。；！？\n]+[。；！？][”’」』]?/g;
const NUMBER = /\d+(?:\.\d+)?/g;
/** The phrase right before a number (its last ten characters at most) and a noun compound. */
const NUMBER_LABEL = new RegExp(`[${CJK}]{2,10}(?=\\d)`, 'g');
const COMPOUND = new RegExp(`([${CJK}]{2})(${NOUN_ENDINGS})`, 'g');
const FUNCTION_CHARS = /[的和与及等在了是为对把将并或全我本各]/;
/** Words of a speech to a congress, which a written town report has not. */
const SPEECH = /各位代表|请予审议/;
/** The first character of a unit after a figure's number. */
const UNIT_AHEAD = /[%％万亿元个家件项人吨公千户所座条]/;
const YEAR_AHEAD = /^(?:19|20)\d{2}年/;
/** Verbs a sentence of measures opens with, before which the report may name its own body. */
const OPENING_VERB =
  /^(?:实施|深化|加快|加强|深入|坚持|推动|推进|持续|强化|支持|完善|开展|健全|全面|大力|优化|积极|落实|提升|统筹|做好|新增|建成|促进|打造|着力|培育|完成|扎实|发挥|加大|办好|提高|扩大|建立|出台|稳步|严格|聚焦|启动|巩固|制定|围绕|增强|认真|切实|利用|贯彻|通过|实现|狠抓|抓实|规范|构建|探索)/;
/** What may stand before that verb: the body's name, alone or after a time phrase. */
const SUBJECTS = ['{e}', '{e}', '{e}', '今年以来，{e}', '{y}年，{e}', '一年来，{e}'] as const;
/** Clauses of a sentence: what its commas separate. */
const CLAUSE = /[^，,]+(?:[，,]|$)/g;

/** A small seeded PRNG (mulberry32): the same i gives the same report on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const between = (rng: Rng, low: number, high: number): number => low + Math.floor(rng() * (high - low + 1));

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * Reads every `.txt` of data/reports with its sidecar: the provincial work reports (kind
 * 政府工作报告) and the town reports (the others), split into paragraphs and headings, and the word
 * pools built from them.
 */
export function loadSourcePool(dir = join(ROOT_DIR, 'data/reports')): SourcePool {
  const pool: SourcePool = {
    provincial: [],
    town: [],
    sections: [],
    subsections: [],
    numberLabels: new Map(),
    modifiers: new Map(),
  };
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const meta = readMeta(join(dir, name.replace(/\.txt$/, '.meta.json')));
    const year = meta.year ?? 2025;
    const into = meta.kind === '政府工作报告' ? pool.provincial : pool.town;
    addText(pool, into, neutralise(text, meta.entity ?? ''), year);
  }
  const seen = new Map<string, number>();
  for (const paragraph of [...pool.provincial, ...pool.town])
    for (const sentence of paragraph.sentences) collectWords(pool, sentence, seen);
  return pool;
}

function readMeta(path: string): { entity?: string; year?: number; kind?: string } {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
}

/**
 * The source's own name and level (安徽省, 全省, 我省, 省人民政府) as placeholders for the generated
 * town's: a town report that speaks of 全省 and 安徽 would not be one.
 */
function neutralise(text: string, entity: string): string {
  const short = entity.replace(/(?:壮族|回族|维吾尔)?自治区$|省$|市$|镇$|乡$|街道$/, '');
  let out = text;
  for (const name of [entity, short].filter((n) => n.length >= 2))
    out = out.replaceAll(name, PLACEHOLDER_ENTITY);
  return out
    .replace(/([全我本])(?:省|市|区|镇)/g, `$1${PLACEHOLDER_UNIT}`)
    .replace(/(?:省|市)(人民政府|政府)/g, `${PLACEHOLDER_UNIT}$1`);
}

/** Splits a text's lines into headings and paragraphs (page furniture and footers have no 。). */
function addText(pool: SourcePool, into: Paragraph[], text: string, year: number): void {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const section = /^[一二三四五六七八九十]+、(.{4,40})$/.exec(line);
    if (section && !line.includes('。')) {
      pool.sections.push({ sentences: [section[1] as string], year });
      continue;
    }
    let body = line;
    const sub = /^[（(][一二三四五六七八九十]+[）)]([^。]{4,40})(?:。|$)/.exec(line);
    if (sub) {
      pool.subsections.push({ sentences: [sub[1] as string], year });
      body = line.slice(sub[0].length);
    }
    const sentences = (body.match(SENTENCE) ?? []).filter((sentence) => !SPEECH.test(sentence));
    if (sentences.length >= 2) into.push({ sentences, year });
  }
}

/**
 * Adds a sentence's phrases before numbers and its compounds' modifiers to the pools they are
 * swapped from; a modifier must be seen twice (a word of the texts, not a chance pair of characters)
 * and hold no function character (的, 和, 等…).
 */
function collectWords(pool: SourcePool, sentence: string, seen: Map<string, number>): void {
  for (const match of sentence.matchAll(NUMBER_LABEL)) {
    if (!isYearAt(sentence, (match.index ?? 0) + match[0].length))
      addTo(pool.numberLabels, match[0].slice(-1), match[0]);
  }
  for (const match of sentence.matchAll(COMPOUND)) {
    const modifier = match[1] as string;
    if (FUNCTION_CHARS.test(modifier)) continue;
    const key = match[0];
    const times = (seen.get(key) ?? 0) + 1;
    seen.set(key, times);
    if (times === 2) addTo(pool.modifiers, match[2] as string, modifier);
  }
}

function addTo(map: Map<string, string[]>, key: string, word: string): void {
  const words = map.get(key);
  if (words === undefined) map.set(key, [word]);
  else words.push(word);
}

/** Whether a year (19xx or 20xx before 年) starts at `offset`: no label stands before it. */
function isYearAt(text: string, offset: number): boolean {
  return YEAR_AHEAD.test(text.slice(offset, offset + 5));
}

/** Report i: the same for the same i and pool, whatever else is generated. */
export function generateReport(pool: SourcePool, index: number): GeneratedReport {
  const rng = mulberry32(Math.imul(index + 1, 0x9e3779b1) ^ 0x5bd1e995);
  const unit = pick(rng, UNITS);
  const entity = `${townName(index)}${unit}`;
  const year = between(rng, 2015, 2025);
  const { kind, townShare } = pickKind(rng);
  const title = `${entity}${year}年${kind}`;
  const draw = (): Paragraph =>
    rng() < townShare && pool.town.length > 0 ? pick(rng, pool.town) : pick(rng, pool.provincial);
  const context: Context = { rng, pool, year, entity, unit };
  const lines = [title, paragraphText(context, draw(), between(rng, 2, 3))];
  const target = between(rng, 2_500, 6_000);
  const inline = rng() < 0.5;
  for (let s = 0; s < NUMERALS.length && length(lines) < target; s++) {
    lines.push(`${NUMERALS[s]}、${headingText(context, pick(rng, pool.sections))}`);
    const subsections = between(rng, 2, 4);
    for (let u = 0; u < subsections && length(lines) < target; u++) {
      const heading = headingText(context, pick(rng, pool.subsections));
      const paragraphs = Array.from({ length: between(rng, 1, 2) }, () =>
        paragraphText(context, draw(), between(rng, 3, 6)),
      );
      if (inline) lines.push(`（${NUMERALS[u]}）${heading}。${paragraphs.join('\n')}`);
      else lines.push(`(${NUMERALS[u]})${heading}`, ...paragraphs);
    }
  }
  const id = `town-${String(index).padStart(5, '0')}-${year}`;
  return { id, title, entity, year, kind, text: `${lines.join('\n')}\n` };
}

interface Context {
  rng: Rng;
  pool: SourcePool;
  year: number;
  entity: string;
  unit: string;
}

const length = (lines: string[]): number => lines.reduce((sum, line) => sum + line.length + 1, 0);

/**
 * A name of its own for each index below 64,000: i × 23,457 (prime to 64,000, so a bijection of
 * 0…63,999) written in base 40, so that neighbours share no character.
 */
function townName(index: number): string {
  const n = NAME_CHARS.length;
  const k = (index * 23_457 + 12_345) % n ** 3;
  return `${NAME_CHARS[k % n]}${NAME_CHARS[Math.floor(k / n) % n]}${NAME_CHARS[Math.floor(k / n ** 2)]}`;
}

function pickKind(rng: Rng): (typeof KINDS)[number] {
  let r = rng() * KINDS.reduce((sum, k) => sum + k.weight, 0);
  for (const kind of KINDS) {
    r -= kind.weight;
    if (r < 0) return kind;
  }
  return KINDS[0];
}

/** Up to `count` consecutive sentences of a paragraph, shuffled and varied, ending in 。. */
function paragraphText(context: Context, paragraph: Paragraph, count: number): string {
  const { rng } = context;
  const start = between(rng, 0, Math.max(0, paragraph.sentences.length - count));
  const chosen = shuffle(rng, paragraph.sentences.slice(start, start + count));
  const text = chosen.map((sentence) => varySentence(context, sentence, paragraph.year)).join('');
  return text.replace(/；([”’」』]?)$/, '。$1');
}

function headingText(context: Context, heading: Paragraph): string {
  return varySentence(context, heading.sentences[0] as string, heading.year, false);
}

/**
 * One sentence made this report's own: compounds and the phrases before numbers swapped for
 * others of the pool, every number replaced by one of its shape, the placeholders filled in.
 */
function varySentence(context: Context, sentence: string, sourceYear: number, subject = true): string {
  const { rng, pool, entity, unit } = context;
  const swapped = shuffleClauses(rng, sentence).replace(COMPOUND, (whole, modifier, ending) =>
    rng() < 0.35 && !FUNCTION_CHARS.test(modifier)
      ? `${pick(rng, pool.modifiers.get(ending) ?? [modifier])}${ending}`
      : whole,
  );
  const labelled = swapped.replace(NUMBER_LABEL, (label, offset: number, whole: string) =>
    rng() < 0.5 && !isYearAt(whole, offset + label.length)
      ? pick(rng, pool.numberLabels.get(label.slice(-1)) ?? [label])
      : label,
  );
  const numbered = labelled.replace(NUMBER, (digits, offset: number, whole: string) =>
    varyNumber(rng, digits, whole.slice(offset + digits.length), context.year - sourceYear),
  );
  return (subject ? withSubject(context, numbered) : numbered)
    .replaceAll(PLACEHOLDER_ENTITY, entity)
    .replaceAll(PLACEHOLDER_UNIT, unit);
}

/**
 * Half the sentences that open with a verb of measures get the report's body as their subject
 * (湖太南乡强化…, 今年以来，湖太南乡深化…), as town reports write: the sentence becomes this report's
 * own even when it has no number to vary.
 */
function withSubject(context: Context, sentence: string): string {
  if (!OPENING_VERB.test(sentence) || context.rng() < 0.5) return sentence;
  const subject = pick(context.rng, SUBJECTS)
    .replace('{e}', context.entity)
    .replace('{y}', String(context.year));
  return `${subject}${sentence}`;
}

/**
 * The clauses after the first in another order, as often in these texts' lists of measures
 * (…，召集…，听取…，吸纳…。): the sentence's end mark stays at its end.
 */
function shuffleClauses(rng: Rng, sentence: string): string {
  const end = /[。；！？][”’」』]?$/.exec(sentence)?.[0] ?? '';
  const clauses = sentence.slice(0, sentence.length - end.length).match(CLAUSE) ?? [];
  if (clauses.length < 3 || rng() < 0.3) return sentence;
  const [first, ...rest] = clauses.map((c) => c.replace(/[，,]$/, ''));
  const comma = sentence.includes('，') ? '，' : ',';
  return `${[first, ...shuffle(rng, rest)].join(comma)}${end}`;
}

/**
 * A number of the same shape: a year (19xx, 20xx before 年) moved by `shift`, a month or day kept in
 * range, a percentage under 100 kept under 100, otherwise as many digits and decimals, within about
 * half to one and a half times the value.
 */
export function varyNumber(rng: Rng, digits: string, after: string, shift = 0): string {
  const value = Number(digits);
  const next = after.charAt(0);
  if (/^(?:19|20)\d{2}$/.test(digits) && /^[年—\-－]/.test(after)) return String(value + shift);
  if (next === '月' && value <= 12) return String(between(rng, 1, 12));
  if (next === '日' && value <= 31) return String(between(rng, 1, 28));
  const decimals = digits.includes('.') ? (digits.split('.')[1] as string).length : 0;
  const intDigits = (digits.split('.')[0] as string).length;
  const low = intDigits === 1 ? 0 : 10 ** (intDigits - 1);
  if (value === 0) return digits;
  const percentCap =
    (next === '%' || next === '％') && value < 100 ? 100 - 10 ** -decimals : Number.POSITIVE_INFINITY;
  const high = Math.min(10 ** intDigits - 10 ** -decimals, percentCap);
  const scaled = value * (0.5 + rng());
  const clamped = Math.min(Math.max(scaled, decimals === 0 ? Math.max(low, 1) : low), high);
  return clamped.toFixed(decimals);
}

/**
 * The same text with one figure's value changed: the first number of the body (after the title
 * line) that a unit follows (%, 万, 亿, 元, 个…), or else the first that is no year, one more in its
 * last place (5.5 → 5.6, 2361 → 2362). What an edit of one report does.
 */
export function changeReportText(text: string): string {
  const bodyStart = text.indexOf('\n') + 1;
  const body = text.slice(bodyStart);
  const numbers = [...body.matchAll(NUMBER)].filter((m) => !isYearAt(body, m.index ?? 0));
  const match = numbers.find((m) => UNIT_AHEAD.test(body.charAt((m.index ?? 0) + m[0].length))) ?? numbers[0];
  if (match === undefined) return `${text}\n`;
  const decimals = match[0].includes('.') ? (match[0].split('.')[1] as string).length : 0;
  const bumped = (Number(match[0]) + 10 ** -decimals).toFixed(decimals);
  const at = bodyStart + (match.index ?? 0);
  return `${text.slice(0, at)}${bumped}${text.slice(at + match[0].length)}`;
}

/** `share` of `count` reports (at least one), spread evenly over the indices: 1% of 1,000 is 10. */
export function spreadIndices(count: number, share: number): number[] {
  const picked = Math.max(1, Math.round(count * share));
  return Array.from({ length: picked }, (_, k) => Math.floor(((k + 0.5) * count) / picked));
}

export interface SentenceCount {
  sentences: number;
  distinct: number;
}

/**
 * Counts sentences (split after 。；！？) and how many are distinct, by a 53-bit hash of each so that
 * 50,000 reports' five million sentences fit in a set of numbers.
 */
export class SentenceCounter {
  private readonly seen = new Set<number>();
  private total = 0;

  add(text: string): void {
    for (const sentence of text.match(SENTENCE) ?? []) {
      this.seen.add(hash53(sentence.trim()));
      this.total++;
    }
  }

  count(): SentenceCount {
    return { sentences: this.total, distinct: this.seen.size };
  }
}

/** cyrb53: a small, well-spread 53-bit string hash (public domain). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
