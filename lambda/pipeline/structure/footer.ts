/**
 * The footer: trailing site metadata lines (主办单位：…, 网站标识码：…, ICP备…, 版权所有) and the
 * page furniture among them (打印本页, 关闭窗口, 相关报道：). Never body text.
 */
import { COLONS, COMMAS, classOf, HAN_RANGE, PIPES, SEMICOLONS } from '../lexicon/index.ts';
import { isBlank, type Line, trimmedText } from './lines.ts';
import { isNavigationLine } from './navigation.ts';

export interface FooterResult {
  footer: Record<string, string>;
  footerStart: number;
}

const KEYS =
  '主办单位|承办单位|协办单位|主管单位|运维单位|维护单位|技术支持|政府网站标识码|网站标识码|网站识别码|ICP备案号|备案号|版权所有|联系电话|联系方式|咨询电话|电话|传真|地址|通讯地址|邮编|邮政编码|电子邮箱|邮箱';
const COLON = `\\s*[${classOf(COLONS)}]`;
const KEY_COLON = new RegExp(`(${KEYS})${COLON}`, 'gu');
const KEY_LINE_START = new RegExp(`^(?:${KEYS})${COLON}`, 'u');
const ICP = new RegExp(`[${HAN_RANGE}]{0,3}ICP备[\\s\\dA-Za-z-]*?\\d+号(?:-\\d+)?`, 'u');
const POLICE = new RegExp(`[${HAN_RANGE}]{0,3}公网安备\\s*\\d+号?`, 'u');
const COPYRIGHT = /版权所有|Copyright|©/iu;
const MAX_FOOTER_LINE = 160;
const SEPARATOR = `[\\s${classOf(`${PIPES}${COMMAS}${SEMICOLONS}`)}]+`;
const SEPARATORS = new RegExp(`^${SEPARATOR}|${SEPARATOR}$`, 'gu');

export function parseFooter(text: string, lines: Line[], after: number): FooterResult {
  const keyLines: string[] = [];
  let footerStart = text.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as Line;
    if (line.trimmed.start < after) break;
    if (isBlank(line)) continue;
    const content = trimmedText(line);
    if (isFooterLine(content)) keyLines.unshift(content);
    else if (!isNavigationLine(content)) break;
    footerStart = line.trimmed.start;
  }
  const footer: Record<string, string> = {};
  for (const content of keyLines) Object.assign(footer, footerEntries(content));
  return { footer, footerStart };
}

function isFooterLine(content: string): boolean {
  if (content.length > MAX_FOOTER_LINE) return false;
  return KEY_LINE_START.test(content) || ICP.test(content) || POLICE.test(content) || COPYRIGHT.test(content);
}

/** `主办单位：A  承办单位：B` → {主办单位: A, 承办单位: B}; ICP, 公网安备 and 版权所有 without a colon too. */
function footerEntries(content: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const keys = [...content.matchAll(KEY_COLON)];
  keys.forEach((match, k) => {
    const valueStart = match.index + match[0].length;
    const valueEnd = keys[k + 1]?.index ?? content.length;
    entries[match[1] as string] = content.slice(valueStart, valueEnd).replace(SEPARATORS, '');
  });
  const icp = ICP.exec(content);
  if (icp !== null && entries.ICP备案号 === undefined) entries.ICP备案号 = icp[0].trim();
  const police = POLICE.exec(content);
  if (police !== null) entries.公网安备 = police[0].trim();
  if (entries.版权所有 === undefined && /版权所有/u.test(content)) {
    entries.版权所有 = content
      .replace(/版权所有|Copyright|©|\d{4}(?:-\d{4})?/giu, ' ')
      .replace(SEPARATORS, '')
      .trim();
  }
  return entries;
}
