// `npm start`: publish data/reports into .site and serve it, as a newcomer's first look.
import { fileURLToPath } from 'node:url';
import { choosePort } from '../lambda/cli/args.ts';
import {
  DEFAULT_ARCHIVE_DIR,
  DEFAULT_INDICATORS,
  DEFAULT_REPORTS_DIR,
  DEFAULT_SITE_SETTINGS,
} from '../lambda/cli/defaults.ts';
import { loadIndicatorCatalog, loadSettings } from '../lambda/cli/inputs.ts';
import { reportPublication } from '../lambda/cli/publish-report.ts';
import { reportError } from '../lambda/cli/report-error.ts';
import { untilInterrupted } from '../lambda/cli/run-serve.ts';
import { defaultCacheFolder } from '../lambda/cli/target.ts';
import { lockFolder } from '../lambda/publish/lock.ts';
import { publish } from '../lambda/publish/publish.ts';
import { PortUnavailableError, startServer } from '../lambda/serve/server.ts';
import { FsStore } from '../lambda/stores/fs-store.ts';

// OPENDATA_SITE_DIR lets tests use a folder of their own instead of the project's .site/.
const siteDir = process.env.OPENDATA_SITE_DIR ?? fileURLToPath(new URL('../.site/', import.meta.url));

async function start(): Promise<void> {
  const port = choosePort(undefined, process.env.PORT, 8080);
  // Listen first: a port in use is told at once, not after the publication.
  const { server, url } = await startServer({ dir: siteDir, port }).catch((error) => {
    if (error instanceof PortUnavailableError)
      throw new PortUnavailableError(`${error.message.replace(/; choose .*$/, '')}; run PORT=<n> npm start`);
    throw error;
  });
  try {
    await publishPreview(url.replace(/\/$/, ''));
  } catch (error) {
    server.close();
    throw error;
  }
  console.log(`Serving the site at ${url} (Ctrl+C to stop)`);
  await untilInterrupted();
  server.close();
}

async function publishPreview(baseUrl: string): Promise<void> {
  const settings = await loadSettings(DEFAULT_SITE_SETTINGS, baseUrl);
  const unlock = await lockFolder(siteDir);
  try {
    const summary = await publish({
      source: new FsStore(DEFAULT_REPORTS_DIR),
      target: new FsStore(siteDir),
      settings,
      catalog: await loadIndicatorCatalog(DEFAULT_INDICATORS),
      // Originals that `opendata fetch` archived are published beside their report pages.
      archive: new FsStore(DEFAULT_ARCHIVE_DIR),
      now: new Date(),
      // .site is a preview of data/reports: when reports are taken out there, they go here too.
      allowShrink: true,
      cacheFolder: defaultCacheFolder(siteDir),
    });
    reportPublication(summary, siteDir, { json: false, dryRun: false });
  } finally {
    await unlock();
  }
}

await start().catch((error) => {
  process.exitCode = reportError(error);
});
