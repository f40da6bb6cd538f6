/**
 * The checks room: consistency checks over one report's matched figures, one check a file (a
 * rate against its counts, parts against a total, one indicator stated twice, an approximate
 * against an exact figure, a restated previous-year value). Each gives pass, fail or cannot tell
 * as a typed finding; nothing here throws for a data problem.
 */

export type { Check } from './check.ts';
export { CHECK_KINDS, CHECK_STATUSES, KIND_NAMES, STATUS_NAMES } from './check.ts';
export type { ClaimingReport, RestatementClaim } from './check-restatement.ts';
export { compareRestatements, restatementClaims } from './check-restatement.ts';
export { reportChecks } from './checks.ts';
