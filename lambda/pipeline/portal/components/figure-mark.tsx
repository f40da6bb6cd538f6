import { type ComponentChildren, Fragment, h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Check } from '../../checks/index.ts';
import type { Figure, Status } from '../../report/index.ts';
import { CHANGE_NAMES, QUALIFIER_NAMES, STATUS_NAMES, valueWithUnit } from '../format.ts';
import { escapeAsPreact } from '../raw-markup.tsx';
import { bilingual } from './bilingual.tsx';
import { qualifierName } from './qualifier.tsx';

/** A failed or undecided check that involves a figure, as the flag after the figure's mark links it. */
export interface Flag {
  checkId: string;
  status: Check['status'];
}

/**
 * The flags of every figure of this report that a failed or undecided check involves, the latest
 * check first. Pushed, then reversed once: a figure that 3,000 checks share would cost 3,000² copies
 * if each flag were put in front of a copy.
 */
export function figureFlags(
  checks: readonly Check[],
  reportId: string,
): ReadonlyMap<string, readonly Flag[]> {
  const flags = new Map<string, Flag[]>();
  for (const check of checks) {
    if (check.status === 'pass') continue;
    check.figures.forEach((figure, i) => {
      if ((check.figureReports[i] ?? check.reportId) !== reportId) return;
      const flag = { checkId: check.id, status: check.status };
      const list = flags.get(figure.id);
      if (list) list.push(flag);
      else flags.set(figure.id, [flag]);
    });
  }
  for (const list of flags.values()) list.reverse();
  return flags;
}

/**
 * The markup of what every figure's tooltip and flag say the same way, rendered once by preact (so
 * it is the markup preact gives) and written as a string for each figure.
 */
const markupOf = (children: ComponentChildren): string => renderToString(h(Fragment, null, children));
const LABEL = markupOf(<b>{bilingual('指标', 'Label')}</b>);
const VALUE = markupOf(<b>{bilingual('数值', 'Value')}</b>);
const QUALIFIER = markupOf(<b>{bilingual('限定', 'Qualifier')}</b>);
const PERIOD = markupOf(<b>{bilingual('时期', 'Period')}</b>);
const STATUS = markupOf(<b>{bilingual('性质', 'Status')}</b>);
const CHANGE = markupOf(<b>{bilingual('增减', 'Change')}</b>);
const CORRECTED = markupOf(<b>{bilingual('已更正', 'Corrected')}</b>);
const CORRECTED_BADGE = markupOf(bilingual('更正', 'corrected'));
const FLAG = markupOf(bilingual('⚑ 核对', '⚑ check'));
const QUALIFIERS = new Map(Object.keys(QUALIFIER_NAMES).map((name) => [name, markupOf(qualifierName(name))]));
const named = (names: Readonly<Record<string, { zh: string; en: string }>>) =>
  new Map(Object.entries(names).map(([name, { zh, en }]) => [name, markupOf(bilingual(zh, en))]));
const STATUSES = named(STATUS_NAMES);
const CHANGES = named(CHANGE_NAMES);
/**
 * A target or an estimate is marked where it stands in the text, not only in its tooltip: a reader
 * must not take a goal for a result. Screen readers get the status from the tooltip, once.
 */
const BADGES: Partial<Record<Status, string>> = {
  target: STATUSES.get('target'),
  estimate: STATUSES.get('estimate'),
};

function markClass(figure: Figure, flagged: boolean): string {
  const status = figure.status === 'actual' ? '' : ` fig-${figure.status}`;
  return `fig${status}${figure.correction === undefined ? '' : ' fig-corrected'}${flagged ? ' flagged' : ''}`;
}

/**
 * The figure is a link to itself, so it takes keyboard focus and can be shared; its details show on
 * hover, on focus and when it is the page's target, and screen readers get them as its description.
 * A flagged figure gets a class and, right after it, a small link to each check that flags it.
 * Written as a string, every value escaped as preact escapes it (`escapeAsPreact`), not made of
 * elements: a report page has one for each of its figures, and rendering their twenty elements
 * each (and joining the thousands of small strings that gives) was most of the cost of the page.
 */
export function figureMark(figure: Figure, flags: readonly Flag[] | undefined): string {
  const id = escapeAsPreact(figure.id);
  const tip = `t-${id}`;
  const badge =
    figure.status === 'actual'
      ? ''
      : `<span class="fig-badge" aria-hidden="true">${BADGES[figure.status] ?? ''}</span>`;
  const corrected =
    figure.correction === undefined
      ? ''
      : `<span class="fig-badge fig-badge-corrected" aria-hidden="true">${CORRECTED_BADGE}</span>`;
  const correction =
    figure.correction === undefined
      ? ''
      : `\n<span class="tip-row">${CORRECTED}${escapeAsPreact(` ${figure.correction}`)}</span>`;
  const qualifier = QUALIFIERS.get(figure.qualifier) ?? escapeAsPreact(figure.qualifier);
  const status = STATUSES.get(figure.status) ?? escapeAsPreact(figure.status);
  const change = CHANGES.get(figure.change) ?? escapeAsPreact(figure.change);
  const flagLinks = flags
    ? flags
        .map(
          (flag) =>
            `<a class="${escapeAsPreact(`flag flag-${flag.status}`)}" href="${escapeAsPreact(`#check-${flag.checkId}`)}">${FLAG}</a>`,
        )
        .join('')
    : '';
  return (
    `<mark id="f-${id}" class="${escapeAsPreact(markClass(figure, flags !== undefined))}">` +
    `<a href="#f-${id}" aria-describedby="${tip}">${escapeAsPreact(figure.text)}</a>${badge}${corrected}` +
    `<span class="tip" role="tooltip" id="${tip}">` +
    `<span class="tip-row">${LABEL}${escapeAsPreact(` ${figure.label || '—'}`)}</span>\n` +
    `<span class="tip-row">${VALUE}${escapeAsPreact(` ${valueWithUnit(figure.value, figure.unit)}`)}</span>\n` +
    `<span class="tip-row">${QUALIFIER} ${qualifier}</span>\n` +
    `<span class="tip-row">${PERIOD}${escapeAsPreact(` ${figure.period || '—'}`)}</span>\n` +
    `<span class="tip-row">${STATUS} ${status}</span>\n` +
    `<span class="tip-row">${CHANGE} ${change}</span>${correction}</span></mark>${flagLinks}`
  );
}
