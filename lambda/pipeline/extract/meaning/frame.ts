/**
 * What a report says of itself that a figure's meaning depends on: its kind and year (which year
 * it reviews, which it plans for) and its headings (which hold a review, which a plan).
 */
import { alternationOf, PLAN_HEADING_WORDS, REVIEW_HEADING_WORDS } from '../../lexicon/index.ts';
import type { Heading } from '../../report/index.ts';
import type { ReportYears } from './periods.ts';

/** The report a text is read as: kind and year as published (sidecar over title), and its headings. */
export interface ReportFrame {
  kind: string;
  year: number | null;
  headings: readonly Heading[];
}

/** A text read with no report around it: no kind, no year, no headings. */
export const NO_FRAME: ReportFrame = { kind: '', year: null, headings: [] };

/** A 政府工作报告 of year Y is given early in Y: it reviews Y-1 and sets the targets of Y. */
const WORK_REPORT = '政府工作报告';
/** A 统计公报 is the year's statistics: its 初步核算 is the published result, not an estimate. */
const COMMUNIQUE = '统计公报';

export function reportYears(frame: ReportFrame): ReportYears | null {
  const { year } = frame;
  if (year === null) return null;
  const reviewed = frame.kind.includes(WORK_REPORT) ? year - 1 : year;
  return { year, reviewed, planned: reviewed + 1 };
}

export function isCommunique(frame: ReportFrame): boolean {
  return frame.kind.includes(COMMUNIQUE);
}

/** A heading that opens a stretch: whether it holds a plan (true), a review (false), both (null). */
export interface SectionMark {
  start: number;
  /** 1 for the outermost headings. */
  level: number;
  /** undefined when its title says neither. */
  plan: boolean | null | undefined;
}

const PLAN = new RegExp(alternationOf(PLAN_HEADING_WORDS), 'u');
const REVIEW = new RegExp(alternationOf(REVIEW_HEADING_WORDS), 'u');

/**
 * The headings that open stretches: those at line starts. A 一是/第一， heading opens a sentence of
 * its paragraph, which the sentence's own words govern.
 */
export function sectionMarks(headings: readonly Heading[]): SectionMark[] {
  const marks: SectionMark[] = [];
  for (const heading of headings) {
    if (heading.marker.endsWith('是') || heading.marker.startsWith('第')) continue;
    const plan = PLAN.test(heading.title);
    const review = REVIEW.test(heading.title);
    marks.push({
      start: heading.start,
      level: heading.level,
      plan: plan && review ? null : plan || (review ? false : undefined),
    });
  }
  return marks;
}
