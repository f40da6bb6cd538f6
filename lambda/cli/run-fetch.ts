/** What `opendata fetch` does, and `publish --sources` before it publishes. */
import { type FetchSummary, fetchSources } from '../fetch/fetch-sources.ts';
import { parseSources } from '../fetch/sources.ts';
import { FsStore } from '../stores/fs-store.ts';
import { readInput } from './inputs.ts';
import { terminalSafe } from './terminal.ts';

interface FetchIntoOptions {
  /** The registry file. */
  sources: string;
  reportsDir: string;
  archiveDir: string;
  allowPrivate: boolean | undefined;
  json: boolean | undefined;
}

/** One fetch run into local folders, reported on stdout/stderr: `fetch` and `publish --sources`. */
export async function fetchInto(options: FetchIntoOptions): Promise<FetchSummary> {
  const sources = parseSources(await readInput(options.sources), options.sources);
  const summary = await fetchSources({
    sources,
    reports: new FsStore(options.reportsDir),
    archive: new FsStore(options.archiveDir),
    now: () => new Date(),
    allowPrivate: options.allowPrivate,
  });
  report(summary, options.json);
  return summary;
}

function report(summary: FetchSummary, json: boolean | undefined): void {
  for (const { id, problem } of summary.failed)
    process.stderr.write(`${terminalSafe(`${id}: ${problem}`)}\n`);
  if (json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const { fetched, unchanged, discovered, pending, failed } = summary;
  // Pending pages are named on the summary line itself: they are expected, not problems for stderr.
  const waiting = pending.map(({ id, url, problem }) => `${id}: ${url} answers ${problem}`).join('; ');
  process.stdout.write(
    terminalSafe(
      `Fetched ${fetched.length} report(s), ${unchanged.length} unchanged, ${discovered.length} newly discovered` +
        `${pending.length ? `, ${pending.length} pending (${waiting})` : ''}` +
        `${failed.length ? `, ${failed.length} failed` : ''}.\n`,
    ),
  );
}
