import { fileURLToPath } from 'node:url';
import { type IndicatorCatalog, parseIndicatorCatalog } from '../pipeline/indicator-catalog.ts';
import { parseSiteSettings, type SiteSettings } from '../pipeline/settings.ts';
import { lockFolder } from '../publish/lock.ts';
import { type PublishSummary, publish } from '../publish/publish.ts';
import type { ReportProblem } from '../publish/read-reports.ts';
import { FsStore } from '../stores/fs-store.ts';
import { createS3Client } from '../stores/s3-client.ts';
import { S3Store } from '../stores/s3-store.ts';
import type { Store } from '../stores/store.ts';
import { parseCommandArgs } from './args.ts';
import { DEFAULT_ARCHIVE_DIR, DEFAULT_REPORTS_DIR, DEFAULT_SITE_SETTINGS } from './defaults.ts';
import { readInput } from './extract.ts';
import { fetchInto } from './fetch.ts';
import { progressBar } from './progress.ts';
import { UsageError } from './usage.ts';

export { DEFAULT_REPORTS_DIR, DEFAULT_SITE_SETTINGS };
export const DEFAULT_INDICATORS = fileURLToPath(new URL('../../data/indicators.json', import.meta.url));

/** `opendata publish [<reports-dir>] --out <dir> | --bucket <name>`: see USAGE. */
export async function publishCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string' },
    bucket: { type: 'string' },
    prefix: { type: 'string', default: '' },
    endpoint: { type: 'string' },
    region: { type: 'string' },
    site: { type: 'string', default: DEFAULT_SITE_SETTINGS },
    indicators: { type: 'string', default: DEFAULT_INDICATORS },
    'base-url': { type: 'string' },
    json: { type: 'boolean', default: false },
    sources: { type: 'string' },
    archive: { type: 'string', default: DEFAULT_ARCHIVE_DIR },
    'allow-private': { type: 'boolean', default: false },
  });
  if (positionals.length > 1) throw new UsageError('publish takes at most one reports folder');
  if (Boolean(values.out) === Boolean(values.bucket))
    throw new UsageError('publish needs either --out <dir> or --bucket <name>');
  const settings = await loadSettings(values.site, values['base-url']);
  const catalog = await loadIndicatorCatalog(values.indicators);
  const target: Store = values.out
    ? new FsStore(values.out)
    : new S3Store(s3Client(values.endpoint, values.region), values.bucket as string, values.prefix);
  const reportsDir = positionals[0] ?? DEFAULT_REPORTS_DIR;
  // Two local runs into one folder must not interleave: the second is refused, the first goes on.
  const release = values.out ? await lockFolder(values.out) : async () => {};
  try {
    // --sources: fetch the registered pages into the reports folder first, then publish all of it.
    const fetched = values.sources
      ? await fetchInto({
          sources: values.sources,
          reportsDir,
          archiveDir: values.archive,
          allowPrivate: values['allow-private'],
          json: values.json,
        })
      : undefined;
    const archive = new FsStore(values.archive);
    const summary = await publishFolder(reportsDir, target, { settings, catalog, archive }, values.json);
    return summary.problems.length > 0 || (fetched?.failed.length ?? 0) > 0 ? 1 : 0;
  } finally {
    await release();
  }
}

/** Publishes the reports folder into the target, with a progress bar on a terminal, and reports it. */
async function publishFolder(
  reportsDir: string,
  target: Store,
  inputs: { settings: SiteSettings; catalog: IndicatorCatalog; archive: Store },
  json: boolean,
): Promise<PublishSummary> {
  const progress = progressBar(json);
  const summary = await publish({
    source: new FsStore(reportsDir),
    target,
    ...inputs,
    now: new Date(),
    onProgress: progress.update,
  });
  progress.stop();
  report(summary, target, json);
  return summary;
}

export async function loadSettings(file: string, baseUrl: string | undefined): Promise<SiteSettings> {
  const settings = parseSiteSettings(await readInput(file), file);
  if (baseUrl === undefined) return settings;
  if (!/^https?:\/\/[^/]/.test(baseUrl))
    throw new UsageError(`--base-url must be an http(s) URL, got "${baseUrl}"`);
  return { ...settings, baseUrl: baseUrl.replace(/\/+$/, '') };
}

/** The indicator catalog (data/indicators.json unless --indicators names another), validated. */
export async function loadIndicatorCatalog(file: string = DEFAULT_INDICATORS): Promise<IndicatorCatalog> {
  return parseIndicatorCatalog(await readInput(file), file);
}

/** An S3-compatible endpoint (MinIO, s3rver) needs path-style addressing; AWS itself does not. */
function s3Client(endpoint: string | undefined, region: string | undefined) {
  return createS3Client({ endpoint, region: region ?? process.env.AWS_REGION ?? 'us-east-1' });
}

function report(summary: PublishSummary, target: Store, json: boolean | undefined): void {
  for (const problem of summary.problems) process.stderr.write(`${problemLine(problem)}\n`);
  if (json) {
    // No CloudFront here: nothing is invalidated (the Lambda handler invalidates `changed`).
    process.stdout.write(`${JSON.stringify({ target: target.location, ...summary, invalidated: [] })}\n`);
    return;
  }
  const reports = summary.reports.length;
  const version = summary.newVersion
    ? `new version ${summary.version}`
    : `version ${summary.version} unchanged`;
  process.stdout.write(
    `Published ${reports} report${reports === 1 ? '' : 's'} (${summary.figures} figures) to ${target.location}: ` +
      `${version}, ${summary.written.length} objects written, ${summary.copied} linked from the previous version, ` +
      `${summary.unchanged} unchanged` +
      `${problemsSummary(summary.problems)}.\n`,
  );
}

/** One line: the file, what is wrong with it, and which publication of it stays online. */
export function problemLine({ file, problem, kept }: ReportProblem): string {
  return `${file}: ${problem}${kept ? ` (its last good version, from ${kept}, stays published)` : ''}`;
}

function problemsSummary(problems: readonly ReportProblem[]): string {
  const kept = problems.filter((p) => p.kept).length;
  const left = problems.length - kept;
  return `${left ? `, ${left} report(s) left out` : ''}${kept ? `, ${kept} kept at their last good version` : ''}`;
}
