/** A reference writer of Chinese numerals, independent of the parser it checks. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const SMALL = ['', '十', '百', '千'];

/** Reference writer of the standard form: 一百零五, 三万五千, 十二, 一亿零一. */
function sectionToChinese(n: number, leadingZero: boolean): string {
  let out = '';
  let zero = leadingZero;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out || leadingZero) zero = true;
      continue;
    }
    if (zero && (out || leadingZero)) out += '零';
    zero = false;
    out += `${DIGITS[d]}${SMALL[pos]}`;
  }
  return out;
}

/** The standard way of writing `n` (0 ≤ n < 10^12) in Chinese numerals: the tests' reference. */
export function toChineseNumeral(n: number): string {
  if (n === 0) return '零';
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor(n / 1e4) % 1e4;
  const rest = n % 1e4;
  let out = '';
  if (yi) out += `${sectionToChinese(yi, false)}亿`;
  if (wan) out += `${sectionToChinese(wan, out !== '' && wan < 1000)}万`;
  if (rest) out += sectionToChinese(rest, out !== '' && rest < 1000);
  // 一十二 is written 十二 at the start of a number.
  return out.startsWith('一十') ? out.slice(1) : out;
}
