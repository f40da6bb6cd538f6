// `npm start`: publish data/reports into .site and serve it, as a newcomer's first look.
import { fileURLToPath } from 'node:url';
import { parsePort } from '../lambda/cli/args.ts';
import { DEFAULT_ARCHIVE_DIR } from '../lambda/cli/defaults.ts';
import {
  DEFAULT_REPORTS_DIR,
  DEFAULT_SITE_SETTINGS,
  loadIndicatorCatalog,
  loadSettings,
} from '../lambda/cli/publish.ts';
import { untilInterrupted } from '../lambda/cli/serve.ts';
import { publish } from '../lambda/publish/publish.ts';
import { startServer } from '../lambda/serve/server.ts';
import { FsStore } from '../lambda/stores/fs-store.ts';

// OPENDATA_SITE_DIR lets tests use a folder of their own instead of the project's .site/.
const siteDir = process.env.OPENDATA_SITE_DIR ?? fileURLToPath(new URL('../.site/', import.meta.url));
const port = parsePort(process.env.PORT, 8080);
const settings = await loadSettings(DEFAULT_SITE_SETTINGS, `http://127.0.0.1:${port}`);
const summary = await publish({
  source: new FsStore(DEFAULT_REPORTS_DIR),
  target: new FsStore(siteDir),
  settings,
  catalog: await loadIndicatorCatalog(),
  // Originals that `opendata fetch` archived are published beside their report pages.
  archive: new FsStore(DEFAULT_ARCHIVE_DIR),
  now: new Date(),
});
for (const { file, problem } of summary.problems) console.error(`${file}: ${problem}`);
console.log(`Published ${summary.reports.length} report(s), ${summary.figures} figures into .site/`);
const { server, url } = await startServer({ dir: siteDir, port });
console.log(`Serving the site at ${url} (Ctrl+C to stop)`);
await untilInterrupted();
server.close();
