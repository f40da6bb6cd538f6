import type { ComponentChildren } from 'preact';
import { Bilingual } from './bilingual.tsx';

interface TitledSectionProps {
  /** The element: a `<section>`, or `<nav>` for the table of contents. @default 'section' */
  as?: 'section' | 'nav';
  class?: string;
  /** The heading's id, which labels the element. */
  titleId: string;
  zh: string;
  en: string;
  children: ComponentChildren;
}

/** A section labelled by its own bilingual `<h2>`: how every titled part of every page opens. */
export function TitledSection({
  as: Tag = 'section',
  class: className,
  titleId,
  zh,
  en,
  children,
}: TitledSectionProps) {
  return (
    <Tag class={className} aria-labelledby={titleId}>
      <h2 id={titleId}>
        <Bilingual zh={zh} en={en} />
      </h2>
      {'\n'}
      {children}
    </Tag>
  );
}
