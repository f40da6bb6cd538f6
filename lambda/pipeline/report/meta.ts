import { z } from 'zod';
import { licenceSchema } from './licence.ts';
import { parseJsonWith } from './settings.ts';
import type { ReportMeta } from './types.ts';

/**
 * Longest values a sidecar may give. A title or a name is repeated in many rows, pages and metadata
 * files, so one long value would multiply: these are far above any real title (under 100
 * characters) and keep a report's metadata bounded.
 */
const SIDECAR_LIMITS = { title: 300, name: 100, url: 2048, token: 300 } as const;

const text = (max: number) => z.string().min(1).max(max).optional();
const httpUrl = () =>
  z
    .url({ protocol: /^https?$/ })
    .max(SIDECAR_LIMITS.url)
    .optional();

/** The optional sidecar `<id>.meta.json`; unknown keys are refused so that typos do not pass silently. */
const reportMetaSchema = z
  .object({
    title: text(SIDECAR_LIMITS.title),
    entity: text(SIDECAR_LIMITS.name),
    parent: text(SIDECAR_LIMITS.name),
    year: z.number().int().min(1949).max(2100).optional(),
    kind: text(SIDECAR_LIMITS.name),
    publisher: text(SIDECAR_LIMITS.name),
    license: licenceSchema.optional(),
    sourceUrl: httpUrl(),
    // Where the text was taken from when that is not the publisher's own page (a library's or an
    // archive's copy): provenance a reader can check, kept apart so sourceUrl always means the original.
    retrievedFrom: httpUrl(),
    // Provenance written by `opendata fetch`: when and from where the original was fetched, its HTTP
    // validators, the sha256 of the fetched bytes and the key of their archived copy.
    retrieved: z.iso.datetime({ offset: true }).optional(),
    fetchedUrl: httpUrl(),
    etag: text(SIDECAR_LIMITS.token),
    lastModified: text(SIDECAR_LIMITS.token),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex sha256')
      .optional(),
    archive: text(SIDECAR_LIMITS.token),
  })
  .strict();

/** Everything a sidecar may hold: the report metadata and the fetch provenance. */
export type ReportSidecar = z.infer<typeof reportMetaSchema>;

export function parseReportMeta(bytes: Uint8Array, file: string): ReportMeta & ReportSidecar {
  return parseJsonWith(reportMetaSchema, bytes, file);
}
