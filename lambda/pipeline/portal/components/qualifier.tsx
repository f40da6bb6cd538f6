import type { Qualifier } from '../../report/index.ts';
import { QUALIFIER_NAMES } from '../format.ts';
import { Bilingual } from './bilingual.tsx';

/** A figure's qualifier in both languages; an unknown one as it is. */
export function QualifierName({ qualifier }: { qualifier: string }) {
  const name = QUALIFIER_NAMES[qualifier as Qualifier];
  return name ? <Bilingual zh={name.zh} en={name.en} /> : qualifier;
}
