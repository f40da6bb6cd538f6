/**
 * Input that cannot be processed at all: one clear sentence naming the file and the problem,
 * e.g. `data/reports/x.txt: is binary (contains NUL bytes), not report text`.
 */
export class ReportError extends Error {
  readonly file: string;
  readonly problem: string;

  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ReportError';
    this.file = file;
    this.problem = problem;
  }
}

/**
 * A bug met while building one report, as that report's problem: named as ours, with the error's
 * own words, so that it is reported and fixed rather than taken for bad input.
 */
export function internalError(error: unknown): string {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `could not be built because of an internal error (${what}): a bug in opendata-publisher, not in the report; please report it`;
}
