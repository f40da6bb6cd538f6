/**
 * What the body finder asks of every element, counted in one pass over the page. Asking each element
 * on its own (rendering its text, walking its ancestors) costs its whole subtree each time, which is
 * quadratic on a deeply nested page: 100,000 nested <span>s would take hours instead of a second.
 */
import {
  children,
  type Document,
  type Element,
  isElement,
  isHidden,
  type TreeNode,
  walk,
} from './html-dom.ts';

export interface ElementCounts {
  /** Position in document order: an element contains exactly the ones in (order, order + elements). */
  order: number;
  /** Elements under it, itself included. */
  elements: number;
  /** Characters of its visible text, white space not counted: textOf(element) without white space. */
  chars: number;
  /** The same, summed over the links (<a>) in it, itself included: the part of `chars` that is menus. */
  linkedChars: number;
}

/** The counts of every element under `root`; one walk, so linear in the size of the page. */
export function countElements(root: Element | Document): Map<Element, ElementCounts> {
  const counts = new Map<Element, ElementCounts>();
  let order = 0;
  const enter = (node: TreeNode) => {
    if (isElement(node)) counts.set(node, { order: order++, elements: 1, chars: 0, linkedChars: 0 });
    return true;
  };
  walk(root, enter, (node) => {
    if (!isElement(node)) return;
    const own = counts.get(node) as ElementCounts;
    for (const child of children(node)) {
      if (child.nodeName === '#text') own.chars += visibleChars((child as { value: string }).value);
      const inner = isElement(child) ? counts.get(child) : undefined;
      if (!inner) continue;
      own.elements += inner.elements;
      own.chars += inner.chars;
      own.linkedChars += inner.linkedChars;
    }
    // A hidden subtree renders nothing, but links inside it are still links (as textOf(a) counts them).
    if (isHidden(node)) own.chars = 0;
    if (node.tagName === 'a') own.linkedChars += own.chars;
  });
  return counts;
}

/** Whether `node` lies strictly inside `ancestor`. */
export function isInside(counts: Map<Element, ElementCounts>, ancestor: Element, node: Element): boolean {
  const a = counts.get(ancestor);
  const n = counts.get(node);
  return a !== undefined && n !== undefined && n.order > a.order && n.order < a.order + a.elements;
}

function visibleChars(text: string): number {
  return text.replace(/\s/g, '').length;
}
