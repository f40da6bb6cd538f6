/**
 * The source registry (`data/sources.json`): the report pages to fetch, what each should contain, and
 * optionally a listing page on which next year's report of the same town will appear.
 */
import { z } from 'zod';
import { isReportId, REPORT_ID_RULE } from '../contract/index.ts';
import { parseJsonWith } from '../pipeline/report/index.ts';

/** Any year will do: digits are allowed in an id, so a template valid for one year is valid for all. */
const SAMPLE_YEAR = '2024';
const httpUrl = z.url({ protocol: /^https?$/ });
const year = z.number().int().min(1949).max(2100);

const listingSchema = z
  .object({
    /** The page that lists the reports (a column page of the government site). */
    url: httpUrl,
    /** Regular expression tried on each link's text, then on its URL; `(?<year>\d{4})` gives the year. */
    pattern: z
      .string()
      .min(1)
      .refine(compiles, 'is not a valid regular expression')
      .refine((p) => compiles(p) && /\(\?<year>/.test(p), 'needs a named group (?<year>…) for the year'),
    /**
     * Id of a discovered report, with `{year}` in it; it names the files `fetch` writes, so with the year
     * filled in it must be a report id (no `../`, no capitals, no spaces). @default the source id with
     * its year replaced
     */
    id: z
      .string()
      .regex(/\{year\}/, 'must contain {year}')
      .refine(
        (template) => isReportId(template.replaceAll('{year}', SAMPLE_YEAR)),
        `must be a report id once {year} is filled in (${REPORT_ID_RULE})`,
      )
      .optional(),
  })
  .strict();

export const sourceSchema = z
  .object({
    id: z.string().refine(isReportId, `must be ${REPORT_ID_RULE} (a report id)`),
    /** The report page (HTML) or the report itself (PDF, plain text). */
    url: httpUrl,
    /** The town, street or district the report is about; the fetched text must mention it. */
    entity: z.string().min(1),
    parent: z.string().min(1).optional(),
    /** The report's year; the fetched text must mention it. */
    year,
    kind: z.string().min(1),
    license: z.string().min(1).optional(),
    listing: listingSchema.optional(),
  })
  .strict();

const registrySchema = z.array(sourceSchema).superRefine((sources, ctx) => {
  const seen = new Set<string>();
  sources.forEach((source, index) => {
    if (seen.has(source.id))
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${source.id}" is used twice` });
    seen.add(source.id);
  });
});

export type Source = z.infer<typeof sourceSchema>;
/** Parses and validates the registry; the error names the file and the field, e.g. `field "0.url"`. */
export function parseSources(bytes: Uint8Array, file: string): Source[] {
  return parseJsonWith(registrySchema, bytes, file);
}

/** The id a report of `year` found on the listing gets: `xiaowangzhuang-2023` → `xiaowangzhuang-2024`. */
export function discoveredId(source: Source, found: number): string {
  const template = source.listing?.id ?? defaultIdTemplate(source);
  return template.replaceAll('{year}', String(found));
}

function defaultIdTemplate(source: Source): string {
  const at = source.id.lastIndexOf(String(source.year));
  if (at === -1) return `${source.id}-{year}`;
  return `${source.id.slice(0, at)}{year}${source.id.slice(at + String(source.year).length)}`;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
