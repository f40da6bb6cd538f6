/**
 * Chinese integer numerals: 两, 十二, 一百零五, 一千二百, 三万五千, the colloquial 一千二 and
 * 三万五, the old 廿, and digit-by-digit years (二〇二三). Strict: malformed runs such as
 * 一三 or 十四五 (a plan's name) are rejected, which keeps slogans out of the figures.
 */

/**
 * Values by UTF-16 code, so that parsing reads codes and never makes one-character strings (the
 * scanner parses every numeral run of a report): DIGIT holds digit + 1 (0 when not a digit).
 */
const DIGIT = new Int8Array(0x10000);
const DIGIT_VALUES: ReadonlyArray<readonly [string, number]> = [
  ['零', 0],
  ['〇', 0],
  ['一', 1],
  ['二', 2],
  ['两', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
];
for (const [ch, d] of DIGIT_VALUES) DIGIT[ch.charCodeAt(0)] = d + 1;
const LIANG = 0x4e24;
/** Units inside a section of four digits; 廿 and 卅 are old shorthands for 二十 and 三十. */
const SMALL_UNIT = new Int16Array(0x10000);
SMALL_UNIT[0x5341] = 10; // 十
SMALL_UNIT[0x767e] = 100; // 百
SMALL_UNIT[0x5343] = 1000; // 千
const SHORTHAND = new Int16Array(0x10000);
SHORTHAND[0x5eff] = 20; // 廿
SHORTHAND[0x5345] = 30; // 卅
const WAN = 0x4e07;
const YI = 0x4ebf;

interface ChineseState {
  total: number;
  /** The part below 万 (or below 亿 once 万 has been met). */
  section: number;
  digit: number | null;
  /** The last unit met, for the colloquial 一千二 (= 1200) and 三万五 (= 35000). */
  lastUnit: number;
  afterZero: boolean;
  /** Highest unit allowed next inside the section (keeps 十百 out of order). */
  ceiling: number;
  wanSeen: boolean;
}

function applySmallUnit(st: ChineseState, unit: number): boolean {
  if (unit >= st.ceiling) return false;
  st.section += (st.digit ?? 1) * unit;
  st.digit = null;
  st.lastUnit = unit;
  st.ceiling = unit;
  st.afterZero = false;
  return true;
}

function applyBigUnit(st: ChineseState, unit: number): boolean {
  const part = st.section + (st.digit ?? 0);
  if (unit === 1e4) {
    if (st.wanSeen) return false;
    st.total += (part === 0 && st.total === 0 ? 1 : part) * 1e4;
    st.wanSeen = true;
  } else {
    if (st.total >= 1e8) return false;
    const below = st.total + part;
    st.total = (below === 0 ? 1 : below) * 1e8;
    st.wanSeen = false;
  }
  st.section = 0;
  st.digit = null;
  st.lastUnit = unit;
  st.ceiling = 10000;
  st.afterZero = false;
  return true;
}

function finishChinese(st: ChineseState): number {
  let tail = st.digit ?? 0;
  // 一千二 is 1200 and 三万五 is 35000: a last digit straight after a unit counts in tenths of it.
  if (st.digit !== null && !st.afterZero && st.lastUnit >= 100) tail = st.digit * (st.lastUnit / 10);
  return st.total + st.section + tail;
}

/**
 * Parses a Chinese integer numeral (两, 十二, 一百零五, 一千二百, 三万五千, 二〇二三).
 * Returns null for anything that is not a well-formed numeral, such as 一三 or 十四五.
 */
export function parseChineseInteger(s: string): number | null {
  return parseChineseRange(s, 0, s.length);
}

/** parseChineseInteger of `text.slice(start, end)`, without making that string. */
export function parseChineseRange(text: string, start: number, end: number): number | null {
  if (end <= start) return null;
  if (isDigitRange(text, start, end)) return digitRangeValue(text, start, end);
  const st: ChineseState = {
    total: 0,
    section: 0,
    digit: null,
    lastUnit: 0,
    afterZero: false,
    ceiling: 10000,
    wanSeen: false,
  };
  for (let i = start; i < end; i++) {
    if (!stepChinese(st, text.charCodeAt(i))) return null;
  }
  return finishChinese(st);
}

function stepChinese(st: ChineseState, code: number): boolean {
  const d = DIGIT[code] as number;
  if (d !== 0) {
    if (d === 1) {
      if (st.digit !== null || st.afterZero) return false;
      st.afterZero = true;
      return true;
    }
    if (st.digit !== null) return false;
    st.digit = d - 1;
    return true;
  }
  const shorthand = SHORTHAND[code] as number;
  if (shorthand !== 0) {
    if (st.digit !== null || st.ceiling <= 10) return false;
    st.section += shorthand;
    st.lastUnit = 10;
    st.ceiling = 10;
    st.afterZero = false;
    return true;
  }
  const small = SMALL_UNIT[code] as number;
  if (small !== 0) return applySmallUnit(st, small);
  if (code === WAN) return applyBigUnit(st, 1e4);
  if (code === YI) return applyBigUnit(st, 1e8);
  return false;
}

/** 二〇二三-style numerals: digits only, read one by one (mostly years). */
function isDigitRange(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  let zero = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const d = DIGIT[code] as number;
    if (d === 0 || code === LIANG) return false;
    if (d === 1) zero = true;
  }
  return zero;
}

function digitRangeValue(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + ((DIGIT[text.charCodeAt(i)] as number) - 1);
  return n;
}
