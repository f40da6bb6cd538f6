/**
 * The report's title: the first title-like line after any page furniture, joined with a
 * preceding body-name line (某某镇人民政府 / 2025年法治政府建设情况) or completed by a following
 * meeting line (政府工作报告 / ——2026年1月26日在广东省…会议上). Without a title line the
 * opening paragraph says what it can (2022年,…现将2022年法治政府建设工作报告如下).
 */

import {
  CLOSE_PARENS,
  CN_ONE_TO_TEN,
  classOf,
  LIST_NUMBER_MARKS,
  OPEN_PARENS,
  SENTENCE_END,
} from '../lexicon/index.ts';
import type { Span, TitleInfo } from '../report/index.ts';
import { cleanEntity, entityInProse, isEntityName, leadingUnits, stripDecoration } from './entity.ts';
import { isBlank, type Line, trimmedText } from './lines.ts';
import { isNavigationLine } from './navigation.ts';
import { parseTitleParts, parseYear } from './title-parts.ts';
import { workReportInfo } from './work-report.ts';

export interface TitleResult {
  titleInfo: TitleInfo;
  titleSpan: Span;
}

const MAX_TITLE = 60;
/** Page lines (来源, a date, 字体 大 中 小) a page may put between a title and its meeting line. */
const MAX_FURNITURE = 8;
const PREAMBLE_LINES = 80;
const TITLE_END = /(?:报告|公报|总结|思路|情况|汇报|要点|计划|规划|白皮书|年报)$/u;
const [CN, MARK, OPEN, CLOSE] = [CN_ONE_TO_TEN, LIST_NUMBER_MARKS, OPEN_PARENS, CLOSE_PARENS].map(classOf);
/** A heading's or list item's number opening a line (一、 （一） 1. 一是): body text, never a title. */
const MARKER_START = new RegExp(
  `^(?:[${CN}]+[${MARK}]|[${OPEN}][${CN}\\d]+[${CLOSE}]|\\d{1,2}[${MARK}](?!\\d)|[${CN}]+是)`,
  'u',
);
const MEETING_LINE = new RegExp(`^[—–―\\-－~～\\s]*[${OPEN}]?\\s*(\\d{4})年\\d{1,2}月\\d{1,2}日在(.*)$`, 'u');
const MEETING_END = new RegExp(`会议上[${CLOSE}]?$`, 'u');
const REPORT_AS_FOLLOWS = /现将(.{2,50}?)如下/u;
const LEADING_YEAR = /^(\d{4})年/u;
const NO_TITLE: TitleInfo = { title: '', entity: '', year: null, kind: '' };

export function parseTitle(lines: Line[]): TitleResult {
  const content = lines.filter((line) => !isBlank(line)).slice(0, PREAMBLE_LINES);
  for (let i = 0; i < content.length; i++) {
    const line = content[i] as Line;
    const text = trimmedText(line);
    if (isNavigationLine(text)) continue;
    if (isTitleLine(text)) return titleFrom(content, i);
    if (isBodyLine(text)) return completedByGenre(titleFromProse(text), lines);
  }
  return { titleInfo: { ...NO_TITLE }, titleSpan: { start: 0, end: 0 } };
}

function isTitleLine(text: string): boolean {
  const title = stripDecoration(text);
  return (
    title.length >= 4 &&
    title.length <= MAX_TITLE &&
    TITLE_END.test(title) &&
    !SENTENCE_END.test(title) &&
    !MARKER_START.test(title)
  );
}

function isBodyLine(text: string): boolean {
  return (
    text.length > MAX_TITLE ||
    SENTENCE_END.test(text) ||
    MARKER_START.test(text) ||
    text.startsWith('各位代表')
  );
}

function titleFrom(content: Line[], index: number): TitleResult {
  const line = content[index] as Line;
  let title = stripDecoration(trimmedText(line));
  let parts = parseTitleParts(title);
  let start = line.trimmed.start;
  const previous = content[index - 1];
  if (parts.entity === '' && previous !== undefined && isEntityName(trimmedText(previous))) {
    const name = stripDecoration(trimmedText(previous));
    title = `${name}${title}`;
    parts = { ...parts, entity: cleanEntity(name) };
    start = previous.trimmed.start;
  }
  const meeting = meetingLines(content, index);
  const end = meeting.end ?? line.trimmed.end;
  const info: TitleInfo = {
    title,
    entity: parts.entity || meeting.entity,
    year: parts.year ?? meeting.year,
    kind: parts.kind,
  };
  return { titleInfo: info, titleSpan: { start, end } };
}

interface Meeting {
  end: number | undefined;
  year: number | null;
  entity: string;
}

/** `——2026年1月26日在广东省第十四届` (+ `人民代表大会第五次会议上`) below a title, page lines between skipped. */
function meetingLines(content: Line[], title: number): Meeting {
  let index = title + 1;
  for (; index - title <= MAX_FURNITURE; index++) {
    const line = content[index];
    if (line === undefined || !isNavigationLine(trimmedText(line))) break;
  }
  const first = content[index];
  const match = first === undefined ? null : MEETING_LINE.exec(trimmedText(first));
  if (first === undefined || match === null) return { end: undefined, year: null, entity: '' };
  const next = content[index + 1];
  const continues =
    !MEETING_END.test(trimmedText(first)) && next !== undefined && MEETING_END.test(trimmedText(next));
  return {
    end: continues && next !== undefined ? next.trimmed.end : first.trimmed.end,
    year: parseYear(match[1] ?? ''),
    entity: cleanEntity(leadingUnits(match[2] ?? '')),
  };
}

/**
 * No title line, and the opening names no kind either: a 政府工作报告 (an excerpt) still says what
 * it is in the genre's own forms; its year is the one it plans for, not the one its opening reviews.
 */
function completedByGenre(result: TitleResult, lines: Line[]): TitleResult {
  const info = result.titleInfo;
  const genre = info.kind === '' ? workReportInfo(lines) : null;
  if (genre === null) return result;
  const titleInfo = {
    ...info,
    kind: genre.kind,
    year: genre.year ?? info.year,
    entity: genre.entity || info.entity,
  };
  return { ...result, titleInfo };
}

/** No title line: the opening paragraph's year, and what `现将…报告如下` names. */
function titleFromProse(text: string): TitleResult {
  const firstSentence = text.split(SENTENCE_END)[0] ?? text;
  const announced = REPORT_AS_FOLLOWS.exec(text);
  const parts = announced === null ? null : parseTitleParts(announced[1] ?? '');
  const leadingYear = LEADING_YEAR.exec(text);
  const info: TitleInfo = {
    title: '',
    entity: parts?.entity || entityInProse(firstSentence),
    year: parts?.year ?? (leadingYear === null ? null : parseYear(leadingYear[1] ?? '')),
    kind: parts?.kind ?? '',
  };
  return { titleInfo: info, titleSpan: { start: 0, end: 0 } };
}
