/**
 * The report id, the one rule every part agrees on: the reports folder names a file with it, the
 * source registry names the file `fetch` writes, and the site makes it a path (reports/<id>/).
 * Lower-case ASCII words joined by - _ or ., so it is safe as a file name, a key and a URL segment
 * on every system, and `x.txt` and `X.txt` cannot both be reports.
 */
const REPORT_ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/** How the rule reads in an error message. */
export const REPORT_ID_RULE = 'lower-case letters, digits and - _ .';

export function isReportId(text: string): boolean {
  return REPORT_ID.test(text);
}
