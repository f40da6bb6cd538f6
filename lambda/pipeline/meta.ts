import { z } from 'zod';
import { parseJsonWith } from './settings.ts';
import type { ReportMeta } from './types.ts';

/** The optional sidecar `<id>.meta.json`; unknown keys are refused so that typos do not pass silently. */
const reportMetaSchema = z
  .object({
    title: z.string().min(1).optional(),
    entity: z.string().min(1).optional(),
    parent: z.string().min(1).optional(),
    year: z.number().int().min(1949).max(2100).optional(),
    kind: z.string().min(1).optional(),
    publisher: z.string().min(1).optional(),
    license: z.string().min(1).optional(),
    sourceUrl: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();

export function parseReportMeta(bytes: Uint8Array, file: string): ReportMeta {
  return parseJsonWith(reportMetaSchema, bytes, file);
}
