import type { Check } from '../../checks/index.ts';
import type { Figure, Status } from '../../report/index.ts';
import { CHANGE_NAMES, QUALIFIER_NAMES, STATUS_NAMES, valueWithUnit } from '../format.ts';
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
 * What every figure's tooltip and flag say the same way, made once and rendered for each figure: a
 * page renders an element as often as it appears, and making these afresh was a third of a mark's.
 */
const LABEL = <b>{bilingual('指标', 'Label')}</b>;
const VALUE = <b>{bilingual('数值', 'Value')}</b>;
const QUALIFIER = <b>{bilingual('限定', 'Qualifier')}</b>;
const PERIOD = <b>{bilingual('时期', 'Period')}</b>;
const STATUS = <b>{bilingual('性质', 'Status')}</b>;
const CHANGE = <b>{bilingual('增减', 'Change')}</b>;
const CORRECTED = <b>{bilingual('已更正', 'Corrected')}</b>;
const CORRECTED_BADGE = bilingual('更正', 'corrected');
const FLAG = bilingual('⚑ 核对', '⚑ check');
const QUALIFIERS = new Map(Object.keys(QUALIFIER_NAMES).map((name) => [name, qualifierName(name)]));
const named = (names: Readonly<Record<string, { zh: string; en: string }>>) =>
  new Map(Object.entries(names).map(([name, { zh, en }]) => [name, bilingual(zh, en)]));
const STATUSES = named(STATUS_NAMES);
const CHANGES = named(CHANGE_NAMES);
/**
 * A target or an estimate is marked where it stands in the text, not only in its tooltip: a reader
 * must not take a goal for a result. Screen readers get the status from the tooltip, once.
 */
const BADGES: Partial<Record<Status, ReturnType<typeof bilingual>>> = {
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
 * Elements made by plain calls, not components: a report page has one for each of its figures, and
 * their components' instances and fragments cost more to render than the markup they give.
 */
export function figureMark(figure: Figure, flags: readonly Flag[] | undefined) {
  const tip = `t-${figure.id}`;
  return [
    <mark id={`f-${figure.id}`} class={markClass(figure, flags !== undefined)}>
      <a href={`#f-${figure.id}`} aria-describedby={tip}>
        {figure.text}
      </a>
      {figure.status === 'actual' ? null : (
        <span class="fig-badge" aria-hidden="true">
          {BADGES[figure.status]}
        </span>
      )}
      {figure.correction === undefined ? null : (
        <span class="fig-badge fig-badge-corrected" aria-hidden="true">
          {CORRECTED_BADGE}
        </span>
      )}
      <span class="tip" role="tooltip" id={tip}>
        <span class="tip-row">
          {LABEL}
          {` ${figure.label || '—'}`}
        </span>
        {'\n'}
        <span class="tip-row">
          {VALUE}
          {` ${valueWithUnit(figure.value, figure.unit)}`}
        </span>
        {'\n'}
        <span class="tip-row">
          {QUALIFIER} {QUALIFIERS.get(figure.qualifier) ?? qualifierName(figure.qualifier)}
        </span>
        {'\n'}
        <span class="tip-row">
          {PERIOD}
          {` ${figure.period || '—'}`}
        </span>
        {'\n'}
        <span class="tip-row">
          {STATUS} {STATUSES.get(figure.status) ?? figure.status}
        </span>
        {'\n'}
        <span class="tip-row">
          {CHANGE} {CHANGES.get(figure.change) ?? figure.change}
        </span>
        {figure.correction === undefined
          ? null
          : [
              '\n',
              <span class="tip-row">
                {CORRECTED}
                {` ${figure.correction}`}
              </span>,
            ]}
      </span>
    </mark>,
    flags?.map((flag) => (
      <a class={`flag flag-${flag.status}`} href={`#check-${flag.checkId}`}>
        {FLAG}
      </a>
    )),
  ];
}
