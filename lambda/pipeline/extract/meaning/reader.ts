/**
 * The reader walks a text once, from figure to figure, keeping what the text has said so far that
 * a figure's meaning depends on: the stretch it is in (a review or a plan, from the headings), the
 * period the text is about (set by a time at the head of a sentence, until another or an outermost
 * heading), and, in the figure's sentence before it, its clause, the time said in that clause and
 * the goals and estimates stated. It reads the head of every sentence and, of a sentence with
 * figures, the words up to its last figure: nothing else, one character table lookup for each.
 */
import { codeTableOf, PAUSES, PRELIMINARY_WORDS } from '../../lexicon/index.ts';
import { estimateNoteEnd, isAchievedGoal, isBaseline, isInTitle, STATUS_FIRST, statusCueAt } from './cues.ts';
import { isCommunique, type ReportFrame, reportYears, type SectionMark, sectionMarks } from './frame.ts';
import { type Period, type ReportYears, yearPeriod } from './periods.ts';
import { canStartTime, isContextual, periodOfPhrase, timePhraseAt } from './time-phrases.ts';

/**
 * A time sets the period of what follows when it opens its sentence's first clause, or its second
 * after a short first (各位代表，“十四五”时期), after a few words at most (刚刚过去的2025年, 一、2025年
 * 工作回顾): deeper in (全省生产总值从2020年的3.68万亿元) it is the time of its own clause alone.
 */
const HEAD_WORDS = 6;
const SHORT_FIRST_CLAUSE = 8;

/** What a character may be to the reader, as bits: one table lookup a character read. */
const PAUSE = 1;
/** 从2020年的…, 由…: what opens no head. */
const NOT_HEAD = 2;
const TIME = 4;
const STATUS = 8;
const CLASS = new Uint8Array(0x10000);
for (const [bit, table] of [
  [PAUSE, codeTableOf(PAUSES)],
  [NOT_HEAD, codeTableOf('从由')],
  [STATUS, STATUS_FIRST],
] as const)
  table.forEach((v, code) => {
    if (v === 1) CLASS[code] = (CLASS[code] as number) | bit;
  });
for (let code = 0; code < 0x10000; code++)
  if (canStartTime(code)) CLASS[code] = (CLASS[code] as number) | TIME;

export class MeaningReader {
  readonly years: ReportYears | null;
  /** The period a time at a sentence's head set, until another or the next outermost heading. */
  running: Period | null = null;
  /** Whether the stretch holds a plan (true), a review (false) or both (null). */
  plan: boolean | null = false;
  /** The sentence being read: where it starts, and whether it stated a goal or an estimate so far. */
  sentenceStart = 0;
  target = false;
  estimate = false;
  /** Where the clause being read starts, and the time said in it since the last figure. */
  clauseStart = 0;
  local: Period | null = null;
  private read = 0;
  /** What the last time phrase read gave (null when it is no figure's time). */
  private found: Period | null = null;
  private readonly sections: SectionMark[];
  private readonly communique: boolean;
  private readonly estimatesFrom: number;
  private readonly reviewedYear: Period | null;
  private readonly plannedYear: Period | null;
  private nextSection = 0;
  private nextStop = 0;
  /** The period of each phrase read that does not depend on what came before: reports repeat them. */
  private readonly periods = new Map<string, Period | null>();

  constructor(
    private readonly text: string,
    frame: ReportFrame,
    /** Sentence ends and line breaks, in order. */
    private readonly stops: readonly number[],
  ) {
    this.years = reportYears(frame);
    this.sections = sectionMarks(frame.headings);
    this.communique = isCommunique(frame);
    this.estimatesFrom = estimateNoteEnd(text);
    this.reviewedYear = this.years && yearPeriod(this.years.reviewed);
    this.plannedYear = this.years && yearPeriod(this.years.planned);
    this.enterSentence(0, stops[0] ?? text.length);
  }

  /** The period of a figure whose text names none: the stretch's, else the year reviewed or planned. */
  get defaultPeriod(): Period | null {
    return this.running ?? (this.plan === true ? this.plannedYear : this.reviewedYear);
  }

  /** The period of a goal whose text names no time: the year planned for. */
  get goalPeriod(): Period | null {
    return this.running ?? this.plannedYear;
  }

  /** Whether a note such as 预计数，下同 came before `at`. */
  estimatesBefore(at: number): boolean {
    return at > this.estimatesFrom;
  }

  /** Reads up to `to`, where a figure starts: the sentences that start before it, then its own words. */
  advance(to: number): void {
    const { stops } = this;
    while (this.nextStop < stops.length && (stops[this.nextStop] as number) < to) {
      const start = (stops[this.nextStop++] as number) + 1;
      this.enterSentence(start, stops[this.nextStop] ?? this.text.length);
    }
    this.readWords(to);
  }

  /** After a figure: a time said later in its clause is the next figure's. */
  passFigure(end: number): void {
    this.local = null;
    this.read = Math.max(this.read, end);
  }

  private enterSentence(start: number, end: number): void {
    this.sentenceStart = start;
    this.clauseStart = start;
    this.read = start;
    this.target = false;
    this.estimate = false;
    this.local = null;
    const { sections } = this;
    for (let mark = sections[this.nextSection]; mark && mark.start < end; mark = sections[this.nextSection]) {
      this.nextSection++;
      if (mark.level === 1) this.running = null;
      if (mark.plan !== undefined) this.plan = mark.plan;
    }
    for (let from = start, clause = 0; clause < 2 && from < end; clause++) {
      const pause = this.readHead(from, end);
      if (pause < 0) return;
      from = pause + 1;
    }
  }

  /**
   * Sets the running period when a time opens the clause at `from`; returns where that clause ends
   * when it is short and opens with no time (the next may), else -1.
   */
  private readHead(from: number, end: number): number {
    const { text } = this;
    const last = Math.min(end, from + SHORT_FIRST_CLAUSE + 1);
    for (let at = from; at < last; at++) {
      const cls = CLASS[text.charCodeAt(at)] as number;
      if (cls === 0) continue;
      if (cls & PAUSE) return at;
      if (at - from > HEAD_WORDS) continue;
      if (cls & NOT_HEAD) return -1;
      if ((cls & TIME) === 0) continue;
      const phraseEnd = this.readTime(at, end);
      if (phraseEnd < 0) continue;
      if (this.found) {
        this.running = this.found;
        return -1;
      }
      at = phraseEnd - 1;
    }
    return -1;
  }

  /** Reads the words of the figure's sentence from where it stopped to `to`: pauses, times, goals, estimates. */
  private readWords(to: number): void {
    const { text } = this;
    for (let at = this.read; at < to; at++) {
      const cls = CLASS[text.charCodeAt(at)] as number;
      if (cls === 0) continue;
      if (cls & PAUSE) {
        this.clauseStart = at + 1;
        this.local = null;
      } else if (cls & TIME) {
        const phraseEnd = this.readTime(at, to);
        if (phraseEnd < 0) continue;
        this.local = this.found ?? this.local;
        at = phraseEnd - 1;
      } else if (cls & STATUS) {
        at = this.readStatus(at, to) - 1;
      }
    }
    this.read = Math.max(this.read, to);
  }

  /**
   * Reads the time phrase at `at` into `found` (null when it is no figure's time: a base of
   * comparison, in a title, or relative to a year the report does not say); returns where it ends,
   * -1 when no phrase ending by `limit` starts there.
   */
  private readTime(at: number, limit: number): number {
    const phrase = timePhraseAt(this.text, at);
    if (phrase === null || at + phrase.length > limit) return -1;
    const baseline = isBaseline(this.text, at) || isInTitle(this.text, at);
    this.found = baseline ? null : this.periodOf(phrase);
    return at + phrase.length;
  }

  private periodOf(phrase: string): Period | null {
    // The phrases read before first: most are, and a contextual one is never among them.
    let period = this.periods.get(phrase);
    if (period !== undefined) return period;
    if (isContextual(phrase)) return periodOfPhrase(phrase, this.years, this.defaultPeriod);
    period = periodOfPhrase(phrase, this.years, null);
    this.periods.set(phrase, period);
    return period;
  }

  /** Reads the status cue at `at`, if any; returns where reading goes on. */
  private readStatus(at: number, to: number): number {
    const found = statusCueAt(this.text, at);
    if (found === null || found.end > to || isInTitle(this.text, at)) return at + 1;
    if (found.cue === 'target') this.target ||= !isAchievedGoal(this.text, at);
    else this.estimate ||= !(this.communique && PRELIMINARY_WORDS.includes(found.word));
    return found.end;
  }
}
