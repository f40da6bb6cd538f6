/**
 * Corrections (data/corrections.json): a publisher's fixes of figures the extractor got wrong, each
 * by the figure's id with a reason. Applied to a report's figures after extraction, so a correction
 * never changes what the extractor gives (`opendata extract`) and the cache of extracted figures
 * stays good; the corrected figure says so in its row and on its page.
 */
import { z } from 'zod';
import type { Report } from './report.ts';
import { parseJsonWith } from './settings.ts';
import type { Figure } from './types.ts';

const PERIOD = /^(?:\d{4}(?:-\d{2})?(?:\/\d{4}(?:-\d{2})?)?|\.\.\/\d{4}(?:-\d{2})?|\d{4}\/)$/;

/** What a correction may set: the fields of a figure a reader compares by. */
const fieldsSchema = z
  .object({
    value: z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number'),
    unit: z.string(),
    label: z.string().min(1, 'must not be empty'),
    period: z.string().regex(PERIOD, 'must be a period such as 2025, 2021/2025, ../2025 or 2025-01/2025-06'),
    status: z.enum(['actual', 'estimate', 'target']),
  })
  .partial()
  .strict()
  .refine(
    (set) => Object.keys(set).length > 0,
    'must set at least one of value, unit, label, period, status',
  );

const correctionSchema = z
  .object({
    report: z.string().min(1, 'must name the report by its id'),
    figure: z.string().min(1, 'must name the figure by its id'),
    set: fieldsSchema.optional(),
    notAFigure: z.literal(true).optional(),
    reason: z.string().trim().min(1, 'must say why: the reason is published with the figure'),
  })
  .strict()
  .refine((c) => (c.set === undefined) !== (c.notAFigure === undefined), {
    message: 'needs either "set" (the fields to change) or "notAFigure": true, not both',
  });

const correctionsSchema = z
  .object({ corrections: z.array(correctionSchema) })
  .strict()
  .superRefine(({ corrections }, context) => {
    const seen = new Set<string>();
    corrections.forEach((c, index) => {
      const key = `${c.report}#${c.figure}`;
      if (seen.has(key))
        context.addIssue({
          code: 'custom',
          path: ['corrections', index],
          message: `corrects ${key} a second time: one correction a figure`,
        });
      seen.add(key);
    });
  });

export type Correction = z.infer<typeof correctionSchema>;

/** The corrections file, validated; the error names the file and the first problem. */
export function parseCorrections(bytes: Uint8Array, file: string): Correction[] {
  return parseJsonWith(correctionsSchema, bytes, file).corrections;
}

/** The corrections of each report, by its id. */
export function correctionsByReport(corrections: readonly Correction[]): Map<string, Correction[]> {
  const byReport = new Map<string, Correction[]>();
  for (const c of corrections) {
    const list = byReport.get(c.report);
    if (list) list.push(c);
    else byReport.set(c.report, [c]);
  }
  return byReport;
}

/**
 * The report with its corrections applied: each named figure takes the fields set (and the reason,
 * in `correction`), or leaves the report when it is not a figure. A correction whose figure the
 * report no longer has (its sentence changed, so its id did) is given back as stale, to be named.
 */
export function applyCorrections(
  report: Report,
  corrections: readonly Correction[],
): { report: Report; stale: Correction[] } {
  if (corrections.length === 0) return { report, stale: [] };
  const byFigure = new Map(corrections.map((c) => [c.figure, c]));
  const figures: Figure[] = [];
  for (const figure of report.figures) {
    const correction = byFigure.get(figure.id);
    if (!correction) {
      figures.push(figure);
      continue;
    }
    byFigure.delete(figure.id);
    if (correction.notAFigure) continue;
    figures.push({ ...figure, ...correction.set, correction: correction.reason });
  }
  return { report: { ...report, figures }, stale: [...byFigure.values()] };
}

/** What is wrong with a correction that was not applied: a problem of the corrections file. */
export function staleCorrectionProblem(correction: Correction, reportPublished: boolean): string {
  const which = `the correction of figure ${correction.figure} of ${correction.report} (${correction.reason})`;
  return reportPublished
    ? `${which} was not applied: the report has no such figure now (its sentence changed?)`
    : `${which} was not applied: no such report is published`;
}
