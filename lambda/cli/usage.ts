export const USAGE = `Usage: opendata <command> [options]

Commands:
  extract <report.txt> [--format json|csv]
      Print the figures of one report (JSON array by default, or CSV).
  publish [<reports-dir>] --out <dir> [--site <site.json>] [--base-url <url>] [--json]
  publish [<reports-dir>] --bucket <name> [--prefix <p>] [--endpoint <url>] [--region <r>] [...]
      Publish every <id>.txt (with optional <id>.meta.json) of <reports-dir> (default: data/reports)
      as a site: data/figures.csv|json, data/reports.csv|json, datapackage.json, index.html and one
      page and source.txt per report. Writes only files whose bytes changed.
  serve <dir> [--port <n>] [--host <addr>]
      Serve a published folder on http://127.0.0.1:8080 (PORT or --port overrides).

Exit codes: 0 success, 1 bad input (a report could not be read), 2 usage error.
`;

/** A mistake in how the command was called: reported with the usage text, exit code 2. */
export class UsageError extends Error {}
