import { type Check, KIND_NAMES, STATUS_NAMES } from '../checks/check.ts';
import { bilingual, Html, html } from './html.ts';

/** Where a check's figure is, from a page at `root` (the report page's own figures stay in-page). */
function figureHref(check: Check, index: number, root: string, pageReport: string | undefined): string {
  const figure = check.figures[index];
  const report = check.figureReports[index] ?? check.reportId;
  if (report === pageReport) return `#f-${figure?.id}`;
  return `${root}reports/${report}/index.html#f-${figure?.id}`;
}

/** One check as a list item: its status, kind, explanation and links to its figures. */
export function checkItem(check: Check, root: string, pageReport?: string): Html {
  const status = STATUS_NAMES[check.status];
  const kind = KIND_NAMES[check.kind];
  const links = check.figures.map(
    (figure, i) => html` <a href="${figureHref(check, i, root, pageReport)}">${figure.text}</a>`,
  );
  return html`<li id="check-${check.id}" class="check check-${check.status}"><span class="check-status">${bilingual(status.zh, status.en)}</span>
<span class="check-kind">${bilingual(kind.zh, kind.en)}</span>
${bilingual(check.explanation, check.explanationEn)}<span class="check-figures">${bilingual('数字', 'Figures')}:${links}</span></li>`;
}

/** The report page's list of checks. */
export function checksSection(checks: readonly Check[], root: string, reportId: string): Html {
  const body =
    checks.length === 0
      ? html`<p class="muted">${bilingual('本报告的数字之间没有可核对的关系。', 'No figures of this report could be checked against each other.')}</p>`
      : html`<ul class="checks">${checks.map((check) => checkItem(check, root, reportId))}</ul>`;
  return html`<section class="checks-section" aria-labelledby="checks-title"><h2 id="checks-title">${bilingual('一致性核对', 'Consistency checks')}</h2>
${body}</section>`;
}

/**
 * Marks every figure that a failed or undecided check involves, and links it to the check: the mark
 * gets a class and a small link follows it. Works on the rendered text, whose marks carry unique ids,
 * in one pass over it (a report with thousands of flagged figures stays linear).
 */
export function flagFigures(text: Html, checks: readonly Check[], reportId: string): Html {
  const flags = new Map<string, string[]>();
  for (const check of checks) {
    if (check.status === 'pass') continue;
    check.figures.forEach((figure, i) => {
      if ((check.figureReports[i] ?? check.reportId) !== reportId) return;
      const flag = html`<a class="flag flag-${check.status}" href="#check-${check.id}">${bilingual('⚑ 核对', '⚑ check')}</a>`;
      // Pushed, not put in front of a copy: a figure that 3,000 checks share would cost 3,000² copies.
      const list = flags.get(figure.id);
      if (list) list.push(flag.value);
      else flags.set(figure.id, [flag.value]);
    });
  }
  if (flags.size === 0) return text;
  const out = text.value.replace(MARK, (mark: string, id: string, rest: string) => {
    const list = flags.get(id);
    // The latest flag stands first, right after the mark.
    return list ? `<mark id="f-${id}" class="fig flagged${rest}</mark>${[...list].reverse().join('')}` : mark;
  });
  return new Html(out);
}

/** A figure's mark as report-text renders it: `<mark id="f-<id>" class="fig…">…</mark>` (marks never nest). */
const MARK = /<mark id="f-([^"]+)" class="fig([\s\S]*?)<\/mark>/g;
