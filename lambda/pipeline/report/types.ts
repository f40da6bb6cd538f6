/** The data contracts shared by every stage of the pipeline (see DESIGN.md and FIGURES.md). */

export type Qualifier = 'exact' | 'over' | 'under' | 'approx';

/** A half-open span [start, end) of JavaScript string indices into the decoded report text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A number mention found by the extractor, before what it means is read: what FIGURES.md calls a
 * figure, less its period, status and change, its section, sentence and id.
 */
export interface NumberMention extends Span {
  /** Comparable number: magnitudes (万, 亿, 千, 百) multiplied out; percentages stay percent points. */
  value: number;
  /** Base unit in the report's own words (元 not 万元; 件, 家次, %, 个百分点). Empty when there is none. */
  unit: string;
  qualifier: Qualifier;
  /** `source.slice(start, end)`. */
  text: string;
  /** What is counted, short enough for a column header (办理事项, 调解成功率). */
  label: string;
}

/** Whether a figure happened (`actual`), is a preliminary result (`estimate`) or a goal (`target`). */
export type Status = 'actual' | 'estimate' | 'target';
/** Whether a figure is a level (`none`) or a change against an earlier value, and which way. */
export type Change = 'none' | 'up' | 'down';

/** What a figure is about, so that figures of different reports and years compare (docs/meaning.md). */
export interface FigureMeaning {
  /**
   * The time the figure covers: `2023`, `2021/2025`, `2012/2025`, `../2025` (no start said),
   * `2023-01/2023-06`; '' when the text says no time and the report's year is unknown.
   */
  period: string;
  status: Status;
  /** `down` for 下降2.1% (value 2.1: the direction is here, not in the sign). */
  change: Change;
}

/** A figure as the extractor gives it: the number mention and what it means. */
export interface FigureMention extends NumberMention, FigureMeaning {}

/** A figure placed in its report: the published row of the `figures` dataset. */
export interface Figure extends FigureMention {
  /** Stable across regenerations of an unchanged report. */
  id: string;
  /** Heading path joined with ' › ' (一、主要举措和成效 › （四）健全行政执法工作机制…); '' before the first heading. */
  section: string;
  /** The whole sentence the figure came from. */
  sentence: string;
  /**
   * The sentence as the datasets give it: whole when short, else a window of about 60 characters on
   * either side of the figure, cut at clause marks (excerpt.ts, docs/figures.md).
   */
  excerpt: string;
  /** Why the publisher corrected the figure (data/corrections.json); absent when it is as extracted. */
  correction?: string;
}

/** A heading of the report (一、 › （一） › 一是, 1. › (1)). */
export interface Heading extends Span {
  /** 1 for the outermost kind of marker met in this report, 2 for the next, … */
  level: number;
  /** The marker as written: 一、 （一） (一) 一是 1. (1) */
  marker: string;
  /** The heading text without its marker (for 一是… headings: the clause up to its first 。). */
  title: string;
  /** Titles of the enclosing headings and this one, outermost first, each with its marker (cut at 200 characters). */
  path: string[];
}

/** What the title line says about the report. */
export interface TitleInfo {
  /** The title as written, trimmed of decoration (e.g. trailing `|`). */
  title: string;
  /** The body that reports (小王庄镇, 某某市司法局); '' when the title does not say. */
  entity: string;
  /** Reporting year; null when the title does not say. */
  year: number | null;
  /** Kind of report as written in the title (法治政府建设情况报告, 统计公报); '' when unknown. */
  kind: string;
}

/** The parsed shape of a report's text: everything but its figures. */
export interface ReportStructure {
  titleInfo: TitleInfo;
  /** Span of the title line(s), empty span at 0 when there is no title line. */
  titleSpan: Span;
  headings: Heading[];
  paragraphs: Span[];
  sentences: Span[];
  /** Footer metadata lines such as 主办单位, 承办单位, 网站标识码: key → value. */
  footer: Record<string, string>;
  /** Where the footer starts (text.length when there is none); figures are never taken from it. */
  footerStart: number;
}

/** Optional sidecar `<id>.meta.json`: overrides what the text says. */
export interface ReportMeta {
  title?: string;
  entity?: string;
  parent?: string;
  year?: number;
  kind?: string;
  publisher?: string;
  license?: string;
  sourceUrl?: string;
  /** The copy the text was taken from when it is not the publisher's own page (a library's, an archive's). */
  retrievedFrom?: string;
  /** Key of the fetched original in the archive (`sources/<id>/<sha256>.<ext>`), written by `opendata fetch`. */
  archive?: string;
}
