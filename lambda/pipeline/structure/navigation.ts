/**
 * Scraped page furniture that is not part of a report: navigation words, breadcrumbs, page
 * meta lines (来源, 发布时间), photo captions. Pages keep them above the title and below the text.
 */
import { COLONS, classOf } from '../lexicon/index.ts';

const NAVIGATION_WORDS = new Set([
  '下载',
  '打印',
  '打印本页',
  '全屏',
  '收藏',
  '字号',
  '字体',
  '加大',
  '还原',
  '减小',
  '默认',
  '大',
  '中',
  '小',
  '分享',
  '分享到',
  '分享到微信',
  '分享到微博',
  '微信',
  '微博',
  '扫一扫',
  '首页',
  '返回',
  '返回顶部',
  '关闭',
  '关闭窗口',
  '相关报道',
  '相关文档',
  '相关链接',
  '相关新闻',
  '附件',
  '来源',
  '发布时间',
  '发表时间',
  '时间',
  '日期',
  '阅读量',
  '浏览次数',
  '点击数',
  '作者',
  '编辑',
  '责任编辑',
  '您的位置',
  '当前位置',
  '我要纠错',
  '视力保护色',
  '>',
  '»',
  '|',
  '×',
  '/',
]);

/** `来源：四川日报`, `发布时间：2026-02-03` and the like: a page meta key followed by a short value. */
const META_LINE = new RegExp(
  `^(?:来源|信息来源|稿件来源|发布时间|发表时间|发布日期|更新时间|时间|日期|作者|编辑|责任编辑|阅读量|阅读次数|浏览次数|点击数|点击量|字号|字体|您的位置|当前位置|分享|分享到)\\s*[${classOf(COLONS)}]`,
);
const DATE_TIME =
  /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}[:：时]\d{1,2}(?:[:：分]\d{1,2}秒?)?分?)?$/;
/** A photo caption: `…作政府工作报告。本报记者 戴冰摄`. */
const CAPTION = /(?:记者|摄影|图片来源).{0,20}摄$|\s摄$/;
const BRACKETS = /[【】[\]「」]/g;
const WORD_BREAKS = new RegExp(`[\\s${classOf(COLONS)}]+`, 'u');
const SHORT_LINE = 40;
const CAPTION_LINE = 80;

/** Whether a trimmed line is page furniture rather than report text. */
export function isNavigationLine(trimmed: string): boolean {
  if (trimmed.length === 0) return false;
  if (trimmed.length <= CAPTION_LINE && CAPTION.test(trimmed)) return true;
  if (trimmed.length > SHORT_LINE) return false;
  if (META_LINE.test(trimmed) || DATE_TIME.test(trimmed)) return true;
  const words = trimmed
    .replace(BRACKETS, ' ')
    .split(WORD_BREAKS)
    .filter((word) => word.length > 0);
  return words.every((word) => NAVIGATION_WORDS.has(word));
}
