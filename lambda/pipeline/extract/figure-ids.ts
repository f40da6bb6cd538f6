import type { Hash } from 'node:crypto';
import { sha256Hex, sha256Stream } from '../../contract/index.ts';

/**
 * One sentence as figure ids see it: a short key for it, and what its figures' ids hash first (the
 * report id and the sentence), as text or, for a long sentence, as a hash state.
 */
export interface SentenceIds {
  key: string;
  head: string | Hash;
}

/**
 * Sentences up to this length are hashed whole for each of their figures, by a one-shot hash: a
 * Hash object made and copied for each sentence and figure cost five times as much. Longer ones
 * are hashed once and the hash state copied for each figure.
 */
const SHORT_SENTENCE = 1024;

/**
 * Figure ids: the first 12 hex digits of sha256(report id, sentence, figure text, occurrence), the
 * occurrence counting the earlier figures of the same text in an equal sentence. Derived from the
 * sentence and not from offsets, so that an edit elsewhere leaves the ids of untouched figures as
 * they were.
 *
 * A long sentence is hashed once and its hash state copied for each of its figures, and its
 * occurrences are counted under a digest of it rather than under the sentence itself: V8 hashes
 * strings of over 16,383 characters by their length alone, so as Map keys long sentences all
 * collided, and one sentence of 3,000 figures (65 KB) took 32 s. The ids are those of before.
 */
export class FigureIds {
  readonly #seen = new Map<string, number>();

  constructor(readonly reportId: string) {}

  /** Starts the figures of one sentence (one call per sentence met, however many figures it has). */
  sentence(sentence: string): SentenceIds {
    if (sentence.length <= SHORT_SENTENCE)
      return { key: `s${sentence}`, head: `${this.reportId}\u0000${sentence}` };
    const hash = sha256Stream().update(`${this.reportId}\u0000`).update(sentence);
    return { key: `d${hash.copy().digest('base64')}`, head: hash };
  }

  /** The id of the next figure of that sentence with this text. */
  next(sentence: SentenceIds, text: string): string {
    const key = `${sentence.key}\u0000${text}`;
    const occurrence = this.#seen.get(key) ?? 0;
    this.#seen.set(key, occurrence + 1);
    const tail = `\u0000${text}\u0000${occurrence}`;
    const { head } = sentence;
    const hex = typeof head === 'string' ? sha256Hex(head + tail) : head.copy().update(tail).digest('hex');
    return hex.slice(0, 12);
  }
}
