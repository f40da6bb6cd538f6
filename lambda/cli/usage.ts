export const USAGE = `Usage: opendata <command> [options]

Commands:
  extract <report.txt> [--format json|csv]
      Print the figures of one report (JSON array by default, or CSV).
  publish [<reports-dir>] --out <dir> [--site <site.json>] [--indicators <indicators.json>] [--base-url <url>] [--json]
  publish [<reports-dir>] --bucket <name> [--prefix <p>] [--endpoint <url>] [--region <r>] [...]
  publish [<reports-dir>] (--out <dir> | --bucket <name>) --sources <sources.json> [--archive <dir>]
          [--allow-private] [...]
      Publish every <id>.txt (with optional <id>.meta.json) of <reports-dir> (default: data/reports)
      as a site: data/figures.csv|json|xlsx, data/reports.csv|json|xlsx, datapackage.json,
      catalog.jsonld, feed.atom, index.html and one page and source.txt per report. Each publication
      is written whole under versions/<version>/ before current.json, the stable files and
      manifest.json switch to it; unchanged inputs write nothing. --json prints the summary.
      With --sources, first fetch the registered pages into <reports-dir>, as fetch does.
  fetch [--sources <sources.json>] [--out <reports-dir>] [--archive <dir>] [--allow-private] [--json]
      Fetch every registered report page (default: data/sources.json) and the newer reports its
      listing page links to; write changed ones as <id>.txt + <id>.meta.json into <reports-dir>
      (default: data/reports) and archive the fetched originals under <dir>/sources/<id>/
      (default: data/archive). Unchanged pages cost one conditional request and write nothing.
  serve <dir> [--port <n>] [--host <addr>]
      Serve a published folder on http://127.0.0.1:8080 (PORT or --port overrides): stable paths
      from the version current.json names, as CloudFront does.

Exit codes: 0 success, 1 bad input (a report could not be read or fetched; the others were
published), 2 usage error, 3 nothing published: the store failed after retries or another
publication holds the folder's lock (the site is as it was; run again).
`;

/** A mistake in how the command was called: reported with the usage text, exit code 2. */
export class UsageError extends Error {}
