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
    // Where the text was taken from when that is not the publisher's own page (a library's or an
    // archive's copy): provenance a reader can check, kept apart so sourceUrl always means the original.
    retrievedFrom: z.url({ protocol: /^https?$/ }).optional(),
    // Provenance written by `opendata fetch`: when and from where the original was fetched, its HTTP
    // validators, the sha256 of the fetched bytes and the key of their archived copy.
    retrieved: z.iso.datetime({ offset: true }).optional(),
    fetchedUrl: z.url({ protocol: /^https?$/ }).optional(),
    etag: z.string().min(1).optional(),
    lastModified: z.string().min(1).optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex sha256')
      .optional(),
    archive: z.string().min(1).optional(),
  })
  .strict();

/** Everything a sidecar may hold: the report metadata and the fetch provenance. */
export type ReportSidecar = z.infer<typeof reportMetaSchema>;

export function parseReportMeta(bytes: Uint8Array, file: string): ReportMeta & ReportSidecar {
  return parseJsonWith(reportMetaSchema, bytes, file);
}
