import { z } from 'zod';
import { DEFAULT_LICENCE } from '../../contract/index.ts';
import { ReportError } from './errors.ts';
import { licenceSchema } from './licence.ts';

/** How many publications a site keeps when data/site.json does not say. */
const DEFAULT_KEEP_VERSIONS = 30;

/** Site-wide settings (data/site.json): what the portal and the metadata say about the publisher. */
export const siteSettingsSchema = z
  .object({
    title: z.string().min(1),
    titleEn: z.string().min(1),
    description: z.string().min(1),
    descriptionEn: z.string().min(1),
    publisher: z.string().min(1),
    /** SPDX id (or LicenseRef-… id or URL) of the license of the published data (CC-BY-4.0 by default). */
    license: licenceSchema.default(DEFAULT_LICENCE),
    /** Absolute URL the site is served from, without a trailing slash. */
    baseUrl: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
    /**
     * How many publications a folder keeps under `versions/` (newest first); older ones are pruned
     * after a publication switches (publish/retention.ts). The current version, a pinned one and the
     * one just switched from are never pruned, so 1 still leaves a version to roll back to.
     */
    keepVersions: z
      .number({ error: 'must be a whole number of publications to keep, at least 1' })
      .int({ error: 'must be a whole number of publications to keep, at least 1' })
      .min(1, { error: 'must be at least 1: the current version is always kept' })
      .default(DEFAULT_KEEP_VERSIONS),
  })
  .strict();

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** Parses and validates the settings file; the error names the file and the first problem. */
export function parseSiteSettings(bytes: Uint8Array, file: string): SiteSettings {
  return parseJsonWith(siteSettingsSchema, bytes, file);
}

export function parseJsonWith<T>(schema: z.ZodType<T>, bytes: Uint8Array, file: string): T {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new ReportError(file, `is not valid JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (issue?.code === 'unrecognized_keys') {
      const at = issue.path.length ? ` in "${issue.path.join('.')}"` : '';
      const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ');
      throw new ReportError(file, `has an unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}${at}`);
    }
    const where = issue?.path.length ? `field "${issue.path.join('.')}"` : 'document';
    throw new ReportError(file, `has an invalid ${where}: ${issue?.message ?? 'unknown problem'}`);
  }
  return result.data;
}
