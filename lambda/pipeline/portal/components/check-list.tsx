import { type Check, KIND_NAMES, STATUS_NAMES } from '../../checks/index.ts';
import { Bilingual } from './bilingual.tsx';
import { TitledSection } from './titled-section.tsx';

/** Where a check's figure is, from a page at `root` (the report page's own figures stay in-page). */
function figureHref(check: Check, index: number, root: string, pageReport: string | undefined): string {
  const figure = check.figures[index];
  const report = check.figureReports[index] ?? check.reportId;
  if (report === pageReport) return `#f-${figure?.id}`;
  return `${root}reports/${report}/index.html#f-${figure?.id}`;
}

export interface CheckItemProps {
  check: Check;
  root: string;
  /** The report whose page lists the check, whose figures are linked in-page. */
  pageReport?: string;
}

/** One check as a list item: its status, kind, explanation and links to its figures. */
export function CheckItem({ check, root, pageReport }: CheckItemProps) {
  const status = STATUS_NAMES[check.status];
  const kind = KIND_NAMES[check.kind];
  return (
    <li id={`check-${check.id}`} class={`check check-${check.status}`}>
      <span class="check-status">
        <Bilingual zh={status.zh} en={status.en} />
      </span>
      {'\n'}
      <span class="check-kind">
        <Bilingual zh={kind.zh} en={kind.en} />
      </span>
      {'\n'}
      <Bilingual zh={check.explanation} en={check.explanationEn} />
      <span class="check-figures">
        <Bilingual zh="数字" en="Figures" />:
        {check.figures.map((figure, i) => [
          ' ',
          <a href={figureHref(check, i, root, pageReport)}>{figure.text}</a>,
        ])}
      </span>
    </li>
  );
}

/** The report page's list of checks. */
export function ChecksSection({
  checks,
  root,
  reportId,
}: {
  checks: readonly Check[];
  root: string;
  reportId: string;
}) {
  return (
    <TitledSection class="checks-section" titleId="checks-title" zh="一致性核对" en="Consistency checks">
      {checks.length === 0 ? (
        <p class="muted">
          <Bilingual
            zh="本报告的数字之间没有可核对的关系。"
            en="No figures of this report could be checked against each other."
          />
        </p>
      ) : (
        <ul class="checks">
          {checks.map((check) => (
            <CheckItem check={check} root={root} pageReport={reportId} />
          ))}
        </ul>
      )}
    </TitledSection>
  );
}
