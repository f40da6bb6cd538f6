import spdxCorrect from 'spdx-correct';
import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' };
import { z } from 'zod';
import { LICENCE_REF } from '../../contract/index.ts';

const SPDX_IDS: ReadonlySet<string> = new Set(spdxIds);

/**
 * What a licence field may hold so that machines can read it: an SPDX licence id (`CC-BY-4.0`), a
 * `LicenseRef-…` id, or the http(s) URL of the licence text. Anything else ("CC BY 4.0",
 * "Proprietary…") is refused with the nearest SPDX id when there is one.
 */
function licenceProblem(value: string): string | undefined {
  if (SPDX_IDS.has(value) || LICENCE_REF.test(value) || isHttpUrl(value)) return undefined;
  const nearest = spdxCorrect(value);
  const hint = nearest && nearest !== value ? ` (did you mean "${nearest}"?)` : '';
  return `must be an SPDX licence id such as CC-BY-4.0, a LicenseRef-… id or an http(s) URL, got ${JSON.stringify(value)}${hint}`;
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/** A licence field of a settings file or a sidecar. */
export const licenceSchema = z
  .string()
  .min(1)
  .max(200)
  .superRefine((value, context) => {
    const problem = licenceProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
