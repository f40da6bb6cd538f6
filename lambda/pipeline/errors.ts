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
