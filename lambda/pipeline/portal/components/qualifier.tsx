import type { Qualifier } from '../../report/index.ts';
import { QUALIFIER_NAMES } from '../format.ts';
import { Bilingual, bilingual } from './bilingual.tsx';

/** A figure's qualifier in both languages; an unknown one as it is. */
export function QualifierName({ qualifier }: { qualifier: string }) {
  const name = QUALIFIER_NAMES[qualifier as Qualifier];
  return name ? <Bilingual zh={name.zh} en={name.en} /> : qualifier;
}

/** `QualifierName`'s markup as elements, for the tooltip of every figure of a report page. */
export function qualifierName(qualifier: string) {
  const name = QUALIFIER_NAMES[qualifier as Qualifier];
  return name ? bilingual(name.zh, name.en) : qualifier;
}
