import { type Check, KIND_NAMES, STATUS_NAMES } from './check.ts';
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
 * gets a class and a small link follows it. Works on the rendered text, whose marks carry unique ids.
 */
export function flagFigures(text: Html, checks: readonly Check[], reportId: string): Html {
  let out = text.value;
  for (const check of checks.filter((c) => c.status !== 'pass')) {
    check.figures.forEach((figure, i) => {
      if ((check.figureReports[i] ?? check.reportId) !== reportId) return;
      const open = `<mark id="f-${figure.id}" class="fig`;
      const at = out.indexOf(open);
      const close = at < 0 ? -1 : out.indexOf('</mark>', at);
      if (close < 0) return;
      const flag = html`<a class="flag flag-${check.status}" href="#check-${check.id}">${bilingual('⚑ 核对', '⚑ check')}</a>`;
      const end = close + '</mark>'.length;
      const mark = out.slice(at + open.length, end);
      const flagged = mark.startsWith(' flagged') ? mark : ` flagged${mark}`;
      out = `${out.slice(0, at + open.length)}${flagged}${flag.value}${out.slice(end)}`;
    });
  }
  return new Html(out);
}
