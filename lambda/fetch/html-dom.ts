/**
 * Small helpers over the parse5 tree: walking it, reading attributes and rendering text as lines.
 * Every walk is a loop over an explicit stack, never recursion: parse5 builds a tree as deep as the
 * page nests (a hostile page of 100,000 nested <div>s is 100,000 levels), far past the call stack.
 */
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';

export type Element = T.Element;
export type Document = T.Document;
export type Node = T.ChildNode | T.Document;
/** Anything a walk meets: a node, or a parent such as a document fragment. */
export type TreeNode = Node | T.ParentNode;

/** A whole page, parsed as browsers parse it (parse5 follows the HTML standard). */
export function parseHtml(html: string): Document {
  return parse(html);
}

/** Not content at all: scripts, styles, widgets, embedded objects. */
const NEVER_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'select',
  'button',
  'input',
  'textarea',
  'head',
  'map',
  'video',
  'audio',
  'title',
  'meta',
  'link',
]);

/** Elements that start a new line of text. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'caption',
  'summary',
  'html',
]);

const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
/** A line break in the source between two Chinese characters is not a space (CSS Text 3 segment breaks). */
const WIDE_BREAK = new RegExp(`([${WIDE}])[ \\t\\r\\n]*\\n[ \\t\\r\\n]*(?=[${WIDE}])`, 'gu');

export function isElement(node: Node | T.ParentNode): node is Element {
  return 'tagName' in node;
}

export function attr(element: Element, name: string): string {
  return element.attrs.find((a) => a.name === name)?.value ?? '';
}

export function children(node: Node | T.ParentNode): T.ChildNode[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/**
 * Visits every node under `root` (included) in document order: `enter` before its children, which
 * are skipped when it returns false; `leave` after them, for the nodes whose children were entered.
 */
export function walk(
  root: Node | T.ParentNode,
  enter: (node: Node | T.ParentNode) => boolean,
  leave: (node: Node | T.ParentNode) => void = () => {},
): void {
  const stack: { node: Node | T.ParentNode; leaving: boolean }[] = [{ node: root, leaving: false }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (top.leaving) {
      leave(top.node);
      continue;
    }
    if (!enter(top.node)) continue;
    stack.push({ node: top.node, leaving: true });
    const kids = children(top.node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as T.ChildNode, leaving: false });
  }
}

/** Every element under `root` in document order, `root` included when it is one. */
export function* elements(root: Node | T.ParentNode): Generator<Element> {
  const stack: (Node | T.ParentNode)[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (isElement(node)) yield node;
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as T.ChildNode);
  }
}

export function isHidden(element: Element): boolean {
  return (
    NEVER_TEXT.has(element.tagName) ||
    element.attrs.some((a) => a.name === 'hidden') ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr(element, 'style'))
  );
}

/**
 * The text under `root` as trimmed, non-empty lines: one per block element, `<br>` or table row;
 * table cells joined by a tab. Subtrees for which `skip` is true are left out.
 */
export function renderLines(
  root: Node | T.ParentNode,
  skip: (e: Element) => boolean = () => false,
): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/[ \t\u00a0\u3000]+/g, (run) => (run.includes('\t') ? '\t' : ' ')).trim();
    if (line !== '') lines.push(line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ''));
    current = '';
  };
  const enter = (node: Node | T.ParentNode): boolean => {
    if (node.nodeName === '#text') {
      current += (node as T.TextNode).value.replace(WIDE_BREAK, '$1').replace(/[\r\n]+/g, ' ');
      return false;
    }
    if (!isElement(node)) return true;
    if (isHidden(node) || skip(node)) return false;
    if (node.tagName === 'br') {
      flush();
      return false;
    }
    if (BLOCK.has(node.tagName)) flush();
    if (node.tagName === 'td' || node.tagName === 'th') current += '\t';
    return true;
  };
  walk(root, enter, (node) => {
    if (isElement(node) && BLOCK.has(node.tagName)) flush();
  });
  flush();
  return lines.map((line) => line.replace(/^[\s\u3000\u00a0]+/, '')).filter((line) => line !== '');
}

/** The text of a subtree on one line. */
export function textOf(root: Node | T.ParentNode): string {
  return renderLines(root).join(' ');
}
