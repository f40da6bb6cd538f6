import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { PortalAssets } from '../pipeline/portal/index.ts';

/**
 * Where the portal's asset files are: beside the bundled handler (`portal-assets/`, copied there
 * by the publisher's bundling, lib/constructs/publisher.ts), else in the source tree
 * (lambda/pipeline/portal/assets/) for the CLI and the tests.
 */
export function portalAssetsDir(from: string = import.meta.url): URL {
  const bundled = new URL('portal-assets/', from);
  return existsSync(bundled) ? bundled : new URL('../pipeline/portal/assets/', from);
}

const read = new Map<string, Promise<PortalAssets>>();

/**
 * The portal's stylesheets and script, read once a process for each folder (a warm Lambda reuses
 * them): the pipeline reads no files, so the edge reads them and passes them to the build. A read
 * that fails is not kept, so the next run tries again.
 */
export function readPortalAssets(dir: URL = portalAssetsDir()): Promise<PortalAssets> {
  let assets = read.get(dir.href);
  if (!assets) {
    assets = readAssets(dir).catch((error: unknown) => {
      read.delete(dir.href);
      throw error;
    });
    read.set(dir.href, assets);
  }
  return assets;
}

async function readAssets(dir: URL): Promise<PortalAssets> {
  const [siteCss, indicatorsCss, siteJs] = await Promise.all(
    ['site.css', 'indicators.css', 'site.js'].map((name) => readFile(new URL(name, dir), 'utf8')),
  );
  return { siteCss: siteCss as string, indicatorsCss: indicatorsCss as string, siteJs: siteJs as string };
}
