/**
 * A report page → the report's text: title, then the body one paragraph a line, then the site footer
 * lines the pipeline reads (主办单位, 承办单位, 网站标识码). Navigation, share bars, print/font-size
 * widgets and the rest of the footer are left out.
 *
 * The body is found the way reader views find it: every paragraph of real prose (not links) scores
 * its length for its parent and half of it for its grandparent, and the best-scoring element wins.
 */
import { isNavigationLine } from '../pipeline/structure/index.ts';
import { countElements, type ElementCounts, isInside } from './html-counts.ts';
import {
  attr,
  children,
  type Document,
  type Element,
  elements,
  isElement,
  isHidden,
  parseHtml,
  renderLines,
  textOf,
} from './html-dom.ts';

const PARAGRAPH_TAGS = new Set([
  'p',
  'pre',
  'td',
  'li',
  'blockquote',
  'div',
  'section',
  'article',
  'font',
  'span',
]);
const BLOCK_CHILD = new Set([
  'p',
  'div',
  'table',
  'ul',
  'ol',
  'section',
  'article',
  'h1',
  'h2',
  'h3',
  'h4',
  'tr',
]);
const MIN_PARAGRAPH_CHARS = 10;
/** A title is a line of 5–100 characters in a few elements; a bigger subtree is a layout box, not one. */
const MAX_TITLE_CHARS = 100;
const MAX_TITLE_ELEMENTS = 200;
/** Class and id words of the content container in common government CMSs (TRS WCM, 政府网站集约化平台). */
const CONTENT_NAMES = /trs_editor|zoom|article|content|main|zw|detail|text|body|wzxq|xxgk/i;
const FURNITURE_NAMES =
  /nav|menu|foot|header|sidebar|share|crumb|position|location|copyright|related|bottom|toolbar/i;
const FOOTER_KEYS = '主办单位|承办单位|协办单位|政府网站标识码|网站标识码|网站识别码';
const FOOTER_ENTRY = new RegExp(
  `(${FOOTER_KEYS})\\s*[:：]\\s*(.*?)(?=\\s*(?:${FOOTER_KEYS}|版权所有|[\\u4e00-\\u9fff]{0,3}(?:ICP|公网安备)|联系|地址|电话|邮编|技术支持|[|｜]|$))`,
  'gu',
);
/** Share bars and accessibility switches that the pipeline's navigation words do not cover. */
const WIDGET_WORDS =
  /^(?:无障碍|无障碍浏览|长者模式|关怀版|适老化|QQ空间|QQ|复制链接|纠错|上一篇|下一篇|扫一扫在手机打开当前页|在手机打开当前页|打印此页|【?\s*关闭\s*】?)$/u;
const SITE_LINE = /版权所有|Copyright|©|ICP备|公网安备|技术支持[:：]/iu;

export function htmlReportText(html: string): string {
  const document = parseHtml(html);
  const body = [...elements(document)].find((e) => e.tagName === 'body') ?? document;
  const counts = countElements(document);
  const content = bestContainer(body, counts) ?? body;
  const footer = footerLines(renderLines(body));
  const lines = renderLines(content).filter((line) => !isFurnitureLine(line));
  const title = pageTitle(document, content, counts);
  const head = title && !lines[0]?.includes(title) ? [title] : [];
  return `${[...head, ...lines, ...footer].join('\n')}\n`;
}

function bestContainer(body: Element | Document, counts: Map<Element, ElementCounts>): Element | null {
  const scores = new Map<Element, number>();
  for (const element of elements(body)) {
    if (!isParagraph(element)) continue;
    const chars = proseChars(counts.get(element));
    if (chars < MIN_PARAGRAPH_CHARS) continue;
    const parent = element.parentNode && isElement(element.parentNode) ? element.parentNode : null;
    const grandparent = parent?.parentNode && isElement(parent.parentNode) ? parent.parentNode : null;
    scores.set(element, (scores.get(element) ?? 0) + chars);
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + chars);
    if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + chars / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, raw] of scores) {
    const score = raw * nameWeight(element);
    // Ties go to the deeper element: the same prose with less around it.
    if (
      score > bestScore * 1.001 ||
      (score >= bestScore * 0.999 && best && isInside(counts, best, element))
    ) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

function isParagraph(element: Element): boolean {
  if (!PARAGRAPH_TAGS.has(element.tagName) || isHidden(element)) return false;
  return !children(element).some((c) => isElement(c) && BLOCK_CHILD.has(c.tagName));
}

/** Characters of text outside links: a menu is all links, a report paragraph almost none. */
function proseChars(counts: ElementCounts | undefined): number {
  return counts ? counts.chars - counts.linkedChars : 0;
}

function nameWeight(element: Element): number {
  const names = `${attr(element, 'class')} ${attr(element, 'id')}`;
  if (FURNITURE_NAMES.test(names) || ['nav', 'footer', 'header', 'aside'].includes(element.tagName))
    return 0.25;
  return CONTENT_NAMES.test(names) ? 1.25 : 1;
}

/** The title: the CMS's ArticleTitle meta, else the nearest heading above the body, else <title>. */
function pageTitle(
  document: Document,
  content: Element | Document,
  counts: Map<Element, ElementCounts>,
): string | null {
  const all = [...elements(document)];
  const meta = all.find((e) => e.tagName === 'meta' && /^articletitle$/i.test(attr(e, 'name')));
  if (meta && attr(meta, 'content').trim()) return attr(meta, 'content').trim();
  const contentAt = isElement(content) ? all.indexOf(content) : -1;
  const heading = all
    .slice(0, contentAt === -1 ? all.length : contentAt)
    .filter((e) => /^h[1-3]$/.test(e.tagName) || /title|bt/i.test(`${attr(e, 'class')} ${attr(e, 'id')}`))
    .filter((e) => mayBeTitle(counts.get(e)))
    .map((e) => textOf(e))
    .filter((text) => text.length >= 5 && text.length <= 100 && !isFurnitureLine(text))
    .at(-1);
  if (heading) return heading;
  const title = all.find((e) => e.tagName === 'title');
  const text = title?.childNodes.map((c) => ('value' in c ? c.value : '')).join('') ?? '';
  // `小王庄镇2023年法治政府建设情况报告_滨海新区人民政府`: the site name follows a separator.
  return text.split(/\s*[_|｜—–]\s*|\s+-\s+/u)[0]?.trim() || null;
}

/** Rendering every candidate costs its subtree; those that cannot be a title line are not rendered. */
function mayBeTitle(counts: ElementCounts | undefined): boolean {
  return (
    counts !== undefined &&
    counts.chars > 0 &&
    counts.chars <= MAX_TITLE_CHARS &&
    counts.elements <= MAX_TITLE_ELEMENTS
  );
}

/** `主办单位：A 承办单位：B` anywhere on the page → one line per key, in page order, once each. */
function footerLines(lines: string[]): string[] {
  const found: string[] = [];
  for (const line of lines) {
    for (const match of line.matchAll(FOOTER_ENTRY)) {
      const entry = `${match[1]}：${(match[2] ?? '').trim()}`;
      if (match[2]?.trim() && !found.includes(entry)) found.push(entry);
    }
  }
  return found;
}

function isFurnitureLine(line: string): boolean {
  if (line.length <= 80 && SITE_LINE.test(line)) return true;
  if (new RegExp(`^(?:${FOOTER_KEYS})\\s*[:：]`, 'u').test(line)) return true;
  if (isNavigationLine(line)) return true;
  if (line.length > 60) return false;
  const words = line.split(/[\s【】[\]|｜:：/·]+/u).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => WIDGET_WORDS.test(w) || isNavigationLine(w));
}
