/**
 * Chinese integer numerals: 两, 十二, 一百零五, 一千二百, 三万五千, the colloquial 一千二 and
 * 三万五, the old 廿, and digit-by-digit years (二〇二三). Strict: malformed runs such as
 * 一三 or 十四五 (a plan's name) are rejected, which keeps slogans out of the figures.
 */

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Units inside a section of four digits; 廿 and 卅 are old shorthands for 二十 and 三十. */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const SHORTHANDS: Readonly<Record<string, number>> = { 廿: 20, 卅: 30 };

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
  if (s.length === 0) return null;
  if (isDigitString(s)) return digitStringValue(s);
  const st: ChineseState = {
    total: 0,
    section: 0,
    digit: null,
    lastUnit: 0,
    afterZero: false,
    ceiling: 10000,
    wanSeen: false,
  };
  for (const ch of s) {
    if (!stepChinese(st, ch)) return null;
  }
  return finishChinese(st);
}

function stepChinese(st: ChineseState, ch: string): boolean {
  const d = CHINESE_DIGITS[ch];
  if (d !== undefined) {
    if (d === 0) {
      if (st.digit !== null || st.afterZero) return false;
      st.afterZero = true;
      return true;
    }
    if (st.digit !== null) return false;
    st.digit = d;
    return true;
  }
  const shorthand = SHORTHANDS[ch];
  if (shorthand !== undefined) {
    if (st.digit !== null || st.ceiling <= 10) return false;
    st.section += shorthand;
    st.lastUnit = 10;
    st.ceiling = 10;
    st.afterZero = false;
    return true;
  }
  const small = SMALL_UNITS[ch];
  if (small !== undefined) return applySmallUnit(st, small);
  if (ch === '万') return applyBigUnit(st, 1e4);
  if (ch === '亿') return applyBigUnit(st, 1e8);
  return false;
}

/** 二〇二三-style numerals: digits only, read one by one (mostly years). */
function isDigitString(s: string): boolean {
  if (s.length < 2) return false;
  let zero = false;
  for (const ch of s) {
    const d = CHINESE_DIGITS[ch];
    if (d === undefined || ch === '两') return false;
    if (d === 0) zero = true;
  }
  return zero;
}

function digitStringValue(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 10 + (CHINESE_DIGITS[ch] ?? 0);
  return n;
}
