import type { ComponentChildren } from 'preact';
import { Bilingual } from './bilingual.tsx';

/** One fact of a description list (`<dl>`): its bilingual name and its value. */
export function Fact({ zh, en, value }: { zh: string; en: string; value: ComponentChildren }) {
  return (
    <div>
      <dt>
        <Bilingual zh={zh} en={en} />
      </dt>
      <dd>{value}</dd>
    </div>
  );
}
