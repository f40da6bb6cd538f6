import { z } from 'zod';
import { parseJsonWith } from '../report/index.ts';

/** A regular expression written as its source text (compiled with the `u` flag); refused when it does not compile. */
const pattern = z.string().min(1).refine(compiles, { message: 'is not a valid regular expression' });

/**
 * One way a figure is recognised as an indicator. Every condition given must hold; within a
 * condition one pattern is enough. `label` or `before` must be given: a rule says what is counted.
 */
const ruleSchema = z
  .object({
    /** Tested against the figure's label (办理事项, 调解成功率). */
    label: z.array(pattern).min(1).optional(),
    /** Tested against the clause before the figure, from the last ，；。： (处罚 in 处罚2家企业). */
    before: z.array(pattern).min(1).optional(),
    /** Tested against the whole sentence (法律顾问 for 提出专业意见共计50余条). */
    sentence: z.array(pattern).min(1).optional(),
    /** Section hints: tested against the heading path. */
    section: z.array(pattern).min(1).optional(),
    /** Tested against the label and the clause before: any match refuses the figure. */
    exclude: z.array(pattern).min(1).optional(),
  })
  .strict()
  .refine((rule) => rule.label !== undefined || rule.before !== undefined, {
    message: 'needs a "label" or a "before" pattern',
  });

const indicatorSchema = z
  .object({
    /** Stable id: `<area>.<what>` in lower-case ASCII (mediation.disputes_accepted). */
    id: z.string().regex(/^[a-z][a-z_]*(?:\.[a-z0-9_]+)+$/, 'must look like area.name_of_indicator'),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    description: z.string().min(1),
    descriptionEn: z.string().min(1),
    /** One of the catalog's themes, by its Chinese name. */
    theme: z.string().min(1),
    /** The unit of the published value (件, %, 元). */
    unit: z.string().min(1),
    /** Units a figure may have to match (NFKC, as the figures dataset spells them). */
    units: z.array(z.string().min(1)).min(1),
    /** `change` indicators take only figures that state a change (增长5.2%); `level` ones never do. */
    measures: z.enum(['level', 'change']).default('level'),
    /** For a rate: the counts it is the ratio of, in percent (checked by check-rate). */
    rate: z.object({ numerator: z.string(), denominator: z.string() }).strict().optional(),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();

const catalogSchema = z
  .object({
    themes: z.array(z.object({ name: z.string().min(1), nameEn: z.string().min(1) }).strict()).min(1),
    indicators: z.array(indicatorSchema).min(1),
  })
  .strict()
  .superRefine((catalog, context) => {
    const ids = new Set<string>();
    const themes = new Set(catalog.themes.map((theme) => theme.name));
    catalog.indicators.forEach((indicator, i) => {
      if (ids.has(indicator.id))
        context.addIssue({
          code: 'custom',
          path: ['indicators', i, 'id'],
          message: `repeats "${indicator.id}"`,
        });
      ids.add(indicator.id);
      if (!themes.has(indicator.theme))
        context.addIssue({
          code: 'custom',
          path: ['indicators', i, 'theme'],
          message: 'is not one of "themes"',
        });
    });
    catalog.indicators.forEach((indicator, i) => {
      for (const key of ['numerator', 'denominator'] as const) {
        const ref = indicator.rate?.[key];
        if (ref !== undefined && !ids.has(ref))
          context.addIssue({
            code: 'custom',
            path: ['indicators', i, 'rate', key],
            message: `names no indicator ("${ref}")`,
          });
      }
    });
  });

export type IndicatorRule = z.infer<typeof ruleSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorCatalog = z.infer<typeof catalogSchema>;

/** Parses and validates data/indicators.json; the error names the file and the first bad field. */
export function parseIndicatorCatalog(bytes: Uint8Array, file: string): IndicatorCatalog {
  return parseJsonWith(catalogSchema, bytes, file);
}

/** Validates a catalog already read as JSON (the Lambda bundles the file as a module). */
export function indicatorCatalogFrom(json: unknown, file: string): IndicatorCatalog {
  return parseIndicatorCatalog(new TextEncoder().encode(JSON.stringify(json)), file);
}

/** No indicators: every figure stays unmatched. */
export const EMPTY_CATALOG: IndicatorCatalog = { themes: [], indicators: [] };

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
