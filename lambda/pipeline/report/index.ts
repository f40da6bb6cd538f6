/**
 * The report room: what a report is before anything is read from it. The types every later
 * stage shares (Report, Figure, ReportStructure, spans), decoding the bytes of a text file
 * (UTF-8, UTF-16, GB18030), the sidecar (`<id>.meta.json`) and the site settings with their
 * schemas, the licence check and the errors a report that cannot be read at all raises. It sits
 * above the lexicon and below every other room.
 */

export {
  applyCorrections,
  type Correction,
  correctionsByReport,
  parseCorrections,
  staleCorrectionProblem,
} from './corrections.ts';
export { decodeReport } from './decode.ts';
export { internalError, ReportError } from './errors.ts';
export type { ReportSidecar } from './meta.ts';
export { parseReportMeta } from './meta.ts';
export type { Report, ReportInput, ReportListing } from './report.ts';
export type { SiteSettings } from './settings.ts';
export { parseJsonWith, parseSiteSettings } from './settings.ts';
export type {
  Change,
  Figure,
  FigureMention,
  Heading,
  NumberMention,
  Qualifier,
  ReportStructure,
  Span,
  Status,
  TitleInfo,
} from './types.ts';
