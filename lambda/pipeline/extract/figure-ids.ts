import type { Hash } from 'node:crypto';
import { sha256Stream } from '../../contract/index.ts';

/** One sentence as figure ids see it: the hash of report id and sentence so far, and a short key for it. */
export interface SentenceIds {
  hash: Hash;
  key: string;
}

/**
 * Figure ids: the first 12 hex digits of sha256(report id, sentence, figure text, occurrence), the
 * occurrence counting the earlier figures of the same text in an equal sentence. Derived from the
 * sentence and not from offsets, so that an edit elsewhere leaves the ids of untouched figures as
 * they were.
 *
 * Each sentence is hashed once and its hash state copied for each of its figures, and occurrences
 * are counted under a digest of the sentence rather than under the sentence itself: V8 hashes
 * strings of over 16,383 characters by their length alone, so as Map keys long sentences all
 * collided, and one sentence of 3,000 figures (65 KB) took 32 s. The ids are those of before.
 */
export class FigureIds {
  readonly #seen = new Map<string, number>();

  constructor(readonly reportId: string) {}

  /** Starts the figures of one sentence (one call per sentence met, however many figures it has). */
  sentence(sentence: string): SentenceIds {
    const hash = sha256Stream().update(`${this.reportId}\u0000`).update(sentence);
    return { hash, key: hash.copy().digest('base64') };
  }

  /** The id of the next figure of that sentence with this text. */
  next(sentence: SentenceIds, text: string): string {
    const key = `${sentence.key}\u0000${text}`;
    const occurrence = this.#seen.get(key) ?? 0;
    this.#seen.set(key, occurrence + 1);
    return sentence.hash.copy().update(`\u0000${text}\u0000${occurrence}`).digest('hex').slice(0, 12);
  }
}
