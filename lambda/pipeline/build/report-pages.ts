import { CONTENT_TYPES, reportPath } from '../../contract/index.ts';
import { type Check, reportChecks } from '../checks/index.ts';
import { utf8 } from '../formats/index.ts';
import { type IndicatorCatalog, matchIndicators } from '../indicators/index.ts';
import type { SiteFile } from '../metadata/index.ts';
import { reportPage } from '../portal/index.ts';
import type { Report, SiteSettings } from '../report/index.ts';

/** A file whose bytes are made whole: a report's own files are tens of kilobytes. */
export type WholeFile = SiteFile & { body: Uint8Array };

/**
 * The pages stage of the per-report work: a report's own files, its text as processed (source.txt)
 * and its page, which shows its figures, their indicators and its own checks.
 */
export function reportPages(
  settings: SiteSettings,
  report: Report,
  catalog: IndicatorCatalog,
  checks: readonly Check[] = reportChecks(matchIndicators(report, catalog)),
): WholeFile[] {
  return [
    {
      path: reportPath(report.id, 'source.txt'),
      body: utf8(report.text),
      contentType: CONTENT_TYPES.txt,
    },
    {
      path: reportPath(report.id, 'index.html'),
      body: utf8(reportPage(settings, report, checks)),
      contentType: CONTENT_TYPES.html,
    },
  ];
}
