import { fileURLToPath } from 'node:url';
import { type FetchSummary, fetchSources } from '../fetch/fetch-sources.ts';
import { parseSources } from '../fetch/sources.ts';
import { FsStore } from '../stores/fs-store.ts';
import { parseCommandArgs } from './args.ts';
import { readInput } from './extract.ts';
import { DEFAULT_REPORTS_DIR } from './publish.ts';
import { UsageError } from './usage.ts';

export const DEFAULT_SOURCES = fileURLToPath(new URL('../../data/sources.json', import.meta.url));
export const DEFAULT_ARCHIVE_DIR = fileURLToPath(new URL('../../data/archive/', import.meta.url));

/** `opendata fetch [--sources <file>] [--out <dir>] [--archive <dir>] [--allow-private] [--json]`: see USAGE. */
export async function fetchCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    sources: { type: 'string', default: DEFAULT_SOURCES },
    out: { type: 'string', default: DEFAULT_REPORTS_DIR },
    archive: { type: 'string', default: DEFAULT_ARCHIVE_DIR },
    'allow-private': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError('fetch takes no positional arguments');
  const sources = parseSources(await readInput(values.sources), values.sources);
  const summary = await fetchSources({
    sources,
    reports: new FsStore(values.out),
    archive: new FsStore(values.archive),
    now: () => new Date(),
    allowPrivate: values['allow-private'],
  });
  report(summary, values.json);
  return summary.failed.length > 0 ? 1 : 0;
}

function report(summary: FetchSummary, json: boolean | undefined): void {
  for (const { id, problem } of summary.failed) process.stderr.write(`${id}: ${problem}\n`);
  if (json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const { fetched, unchanged, discovered, failed } = summary;
  process.stdout.write(
    `Fetched ${fetched.length} report(s), ${unchanged.length} unchanged, ${discovered.length} newly discovered` +
      `${failed.length ? `, ${failed.length} failed` : ''}.\n`,
  );
}
