/**
 * The version of the datasets' columns, in `datapackage.json` (`schemaVersion`) and in each Table
 * Schema (`version`): the major part changes when a column is added, removed, moved or changes what
 * it means, the minor part when only titles or descriptions change. CHANGELOG.md says what each
 * version changed for data users; a test holds the columns each version has, so that columns cannot
 * change without it.
 *
 * - 1.0.0: the datasets as first published.
 * - 2.0.0: period, status and change in figures and indicators; results and targets apart in
 *   indicators-wide and indicator-coverage; the publisher's correction of a figure in figures.
 */
export const SCHEMA_VERSION = '2.0.0';
