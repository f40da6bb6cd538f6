/**
 * Time phrases: the ways the genre names the time a figure covers (2023年, 2021—2025年, “十四五”时期,
 * 党的十八大以来, 五年来, 一年来, 今年, 上半年, 1—6月, 历年累计), as one RegExp source the cue scanner
 * finds them with, and the period each names given the report's years.
 */
import {
  alternationOf,
  classOf,
  DIGITS,
  LAST_YEARS_AFTER,
  LAST_YEARS_BEFORE,
  NEXT_YEARS_BEFORE,
  OPEN_START_WORDS,
  REPORT_YEAR_WORDS,
  REVIEWED_YEAR_WORDS,
  YEAR_PARTS,
} from '../../lexicon/index.ts';
import { parseChineseInteger } from '../numbers/index.ts';
import { type Period, type ReportYears, spanPeriod, yearPeriod } from './periods.ts';

const D = `[${classOf(DIGITS)}]`;
const DASH = '\\s*[—–\\-~－至到]\\s*';
const YEAR = `${D}{4}\\s*年`;
const PARTS = alternationOf(Object.keys(YEAR_PARTS));
const MONTHS = `${D}{1,2}${DASH}${D}{1,2}\\s*月`;
const COUNT = `(?:[两二三四五六七八九十]|${D}{1,2})`;
const WORDS = [...OPEN_START_WORDS, ...REVIEWED_YEAR_WORDS, ...Object.keys(REPORT_YEAR_WORDS)];
/** A count of years not itself the tail of a number (十二年来 is no 二年来). */
const LONE_COUNT = `(?<![${classOf(DIGITS)}一二三四五六七八九十百])${COUNT}`;

const COUNTS = '两二三四五六七八九十';
const DASHES = '—–-~－至到 ';

/** Every pair of a character of `firsts` and one of `seconds`. */
const pairs = (firsts: string, seconds: string): string[] =>
  [...firsts].flatMap((first) => [...seconds].map((second) => first + second));
/** The first two characters of each word; a word of one character, with each of `then` after it. */
const openings = (words: readonly string[], then = ''): string[] =>
  words.flatMap((word) => (word.length > 1 ? [word.slice(0, 2)] : pairs(word, then)));

/**
 * Every form of a time phrase with the two characters it can open with, the longer forms first
 * where one starts like another (2021—2025年 before 2021年).
 */
const FORMS: ReadonlyArray<readonly [readonly string[], string]> = [
  [pairs(DIGITS, DIGITS), `${D}{4}\\s*年?${DASH}${YEAR}`],
  [
    [...pairs('“"', '十'), ...pairs('十', '一二三四五六七八九')],
    `[“"]?十[一二三四五六七八九]五[”"]?(?:时期|期间)?(?:以来|末)?`,
  ],
  [['党的', '十八', '十九', '二十'], '(?:党的)?(?:十[八九]|二十)大以来'],
  [
    [...pairs(DIGITS, DIGITS), ...openings(['截至', '截止']), ...pairs('到至', DIGITS)],
    `(?:截至|截止|到|至)?${YEAR}度?(?:以来|年?底|年?末|${PARTS}|${MONTHS})?`,
  ],
  [openings(LAST_YEARS_BEFORE, COUNTS + DIGITS), `${alternationOf(LAST_YEARS_BEFORE)}${COUNT}年`],
  [
    [...pairs(DIGITS + COUNTS, '年'), ...pairs(DIGITS, DIGITS)],
    `${LONE_COUNT}年${alternationOf(LAST_YEARS_AFTER)}`,
  ],
  [openings(NEXT_YEARS_BEFORE), `${alternationOf(NEXT_YEARS_BEFORE)}${COUNT}年`],
  [openings(WORDS), alternationOf(WORDS)],
  [openings(Object.keys(YEAR_PARTS)), PARTS],
  [[...pairs(DIGITS, DIGITS), ...pairs(DIGITS, DASHES)], `(?<!${D})${MONTHS}`],
];

/**
 * The reader tries a phrase only where one can open (its first two characters), and then only the
 * forms that can open so: all of them, searched along a whole text, read it at ~150 MB/s. Per
 * UTF-16 code of a first character: its index in OPENS' keys, and 1 + the index in TIME_AT of the
 * sticky RegExp of the forms that can start with it (0 for none).
 */
const FIRST_INDEX = new Uint8Array(0x10000);
const FORM_OF = new Uint8Array(0x10000);
const TIME_AT: RegExp[] = [];
/** (first index << 16) | second code, for every opening: Smi keys of a Set. */
const OPENS = new Set<number>();
/** 1 for a character that is the second of some opening: most characters after a first are none. */
const SECOND = new Uint8Array(0x10000);
fileForms();

function fileForms(): void {
  const formsOf = new Map<number, number[]>();
  FORMS.forEach(([opens], form) => {
    for (const open of opens) {
      const first = open.charCodeAt(0);
      if (FIRST_INDEX[first] === 0) FIRST_INDEX[first] = formsOf.size + 1;
      const forms = formsOf.get(first) ?? [];
      if (!forms.includes(form)) formsOf.set(first, [...forms, form]);
      OPENS.add(((FIRST_INDEX[first] as number) << 16) | open.charCodeAt(1));
      SECOND[open.charCodeAt(1)] = 1;
    }
  });
  const byForms = new Map<string, number>();
  for (const [code, forms] of formsOf) {
    const source = forms.map((form) => (FORMS[form] as readonly [readonly string[], string])[1]).join('|');
    let index = byForms.get(source);
    if (index === undefined) {
      index = TIME_AT.push(new RegExp(source, 'y'));
      byForms.set(source, index);
    }
    FORM_OF[code] = index;
  }
}

/** The time phrase starting at `at`, or null. */
export function timePhraseAt(text: string, at: number): string | null {
  const first = text.charCodeAt(at);
  const second = text.charCodeAt(at + 1);
  const index = FORM_OF[first] as number;
  if (index === 0 || SECOND[second] !== 1 || !OPENS.has(((FIRST_INDEX[first] as number) << 16) | second))
    return null;
  const form = TIME_AT[index - 1] as RegExp;
  form.lastIndex = at;
  return form.exec(text)?.[0] ?? null;
}

/** Whether a time phrase can start with the character of this UTF-16 code. */
export function canStartTime(code: number): boolean {
  return FORM_OF[code] !== 0;
}

const WIDE_DIGIT = /[０-９]/g;
const ascii = (s: string): string => s.replace(WIDE_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10));
/** A count of years as written: 两, 三, 十 (the numbers room reads them), or digits. */
const countOf = (s: string): number => parseChineseInteger(s) ?? Number(ascii(s));

const PLAN = /十([一二三四五六七八九])五/u;
const CONGRESS = /(十[八九]|二十)大/u;
const YEARS = new RegExp(`(${D}{4})\\s*年?${DASH}(${D}{4})`, 'u');
const DATED = new RegExp(`^(截至|截止|到|至)?(${D}{4})`, 'u');
const MONTH_RANGE = new RegExp(`(${D}{1,2})${DASH}(${D}{1,2})\\s*月`, 'u');
const COUNTED = new RegExp(`(${COUNT})年`, 'u');
const NEXT = new RegExp(`^${alternationOf(NEXT_YEARS_BEFORE)}`, 'u');
const OPEN = new RegExp(alternationOf(OPEN_START_WORDS), 'u');

/** Whether the period of a phrase depends on the period before it (上半年, 1—6月 are of its year). */
export function isContextual(phrase: string): boolean {
  return YEAR_PARTS[phrase] !== undefined || (phrase.endsWith('月') && !phrase.includes('年'));
}

/**
 * The period a time phrase names; null when it needs the report's years and they are unknown.
 * `context` is the period the text was about before it (上半年 is of its year).
 */
export function periodOfPhrase(
  phrase: string,
  years: ReportYears | null,
  context: Period | null,
): Period | null {
  if (OPEN.test(phrase)) return years && { from: null, to: years.reviewed };
  const plan = PLAN.exec(phrase);
  if (plan) return planPeriod(parseChineseInteger(plan[1] as string) ?? 0, phrase, years);
  const congress = CONGRESS.exec(phrase);
  if (congress)
    return (
      years &&
      spanPeriod(congress[1] === '二十' ? 2022 : congress[1] === '十九' ? 2017 : 2012, years.reviewed)
    );
  const span = YEARS.exec(phrase);
  if (span) return spanPeriod(Number(ascii(span[1] as string)), Number(ascii(span[2] as string)));
  const dated = DATED.exec(phrase);
  if (dated) return datedPeriod(Number(ascii(dated[2] as string)), dated[1], phrase, years);
  return relativePeriod(phrase, years, context);
}

/** The n-th five-year plan (“十四五” is the 14th, 2021–2025): from the 6th on, each follows the last. */
function planPeriod(n: number, phrase: string, years: ReportYears | null): Period | null {
  const start = 1981 + 5 * (10 + n - 6);
  if (phrase.endsWith('以来')) return years && spanPeriod(start, years.reviewed);
  if (phrase.endsWith('末')) return yearPeriod(start + 4);
  return spanPeriod(start, start + 4);
}

function datedPeriod(
  year: number,
  prefix: string | undefined,
  phrase: string,
  years: ReportYears | null,
): Period {
  if (phrase.endsWith('以来')) return spanPeriod(year, Math.max(year, years?.reviewed ?? year));
  const part = Object.entries(YEAR_PARTS).find(([word]) => phrase.endsWith(word));
  if (part) return { from: year, to: year, months: part[1] };
  const months = MONTH_RANGE.exec(phrase);
  if (months) return monthsOf(year, months);
  // 到2030年 in a report on 2025 is a goal over the years from the one planned; 增长到2025年的… is not.
  if ((prefix === '到' || prefix === '至') && years && year > years.reviewed)
    return spanPeriod(years.planned, year);
  return yearPeriod(year);
}

function monthsOf(year: number, match: RegExpExecArray): Period {
  const first = Number(ascii(match[1] as string));
  const last = Number(ascii(match[2] as string));
  if (first < 1 || last > 12 || first > last) return yearPeriod(year);
  return { from: year, to: year, months: [first, last] };
}

function relativePeriod(phrase: string, years: ReportYears | null, context: Period | null): Period | null {
  const part = YEAR_PARTS[phrase];
  const ofYear = context?.to ?? years?.reviewed;
  if (part) return ofYear === undefined ? null : { from: ofYear, to: ofYear, months: part };
  const months = MONTH_RANGE.exec(phrase);
  if (months) return ofYear === undefined ? null : monthsOf(ofYear, months);
  if (years === null) return null;
  if (REVIEWED_YEAR_WORDS.includes(phrase)) return yearPeriod(years.reviewed);
  const offset = REPORT_YEAR_WORDS[phrase];
  if (offset !== undefined) return yearPeriod(years.year + offset);
  const count = COUNTED.exec(phrase);
  if (!count) return null;
  const n = countOf(count[1] as string);
  if (NEXT.test(phrase)) return spanPeriod(years.planned, years.planned + n - 1);
  return spanPeriod(years.reviewed - n + 1, years.reviewed);
}
