import type { ComponentChildren } from 'preact';

/**
 * Chinese and English side by side; the stylesheet shows one of them by the page's language, so a
 * page without JavaScript reads in Chinese and `site.js` switches every such pair at once.
 */
export function Bilingual({ zh, en }: { zh: ComponentChildren; en: ComponentChildren }) {
  return <>{bilingual(zh, en)}</>;
}

/**
 * The same pair as elements, not a component: what a report page writes a few times for each of its
 * figures, where rendering a component (an instance, its props, its fragment) cost more than its markup.
 */
export function bilingual(zh: ComponentChildren, en: ComponentChildren) {
  return [
    <span class="zh">{zh}</span>,
    <span class="en" lang="en">
      {en}
    </span>,
  ];
}
