import type { ComponentChildren } from 'preact';

/**
 * The box a wide table scrolls in on a phone: a focusable region (so the keyboard can scroll it)
 * labelled by the heading the table sits under.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a scrolling box of a table, labelled by the heading it sits under; the pages stay the documents they were
    <div class="table-scroll" role="region" aria-labelledby={labelledBy} tabindex={0}>
      {children}
    </div>
  );
}
