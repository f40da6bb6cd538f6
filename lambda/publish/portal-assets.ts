import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { PortalAssets } from '../pipeline/portal/assets.ts';

/**
 * Where the portal's asset files are: beside the bundled handler (`portal-assets/`, copied there
 * by the publisher's bundling, lib/constructs/publisher.ts), else in the source tree
 * (lambda/pipeline/portal/assets/) for the CLI and the tests.
 */
export function portalAssetsDir(from: string = import.meta.url): URL {
  const bundled = new URL('portal-assets/', from);
  return existsSync(bundled) ? bundled : new URL('../pipeline/portal/assets/', from);
}

let cached: Promise<PortalAssets> | undefined;

/**
 * The portal's stylesheets and script, read once a process (a warm Lambda reuses them): the
 * pipeline reads no files, so the edge reads them and passes them to the build.
 */
export function readPortalAssets(dir: URL = portalAssetsDir()): Promise<PortalAssets> {
  if (dir.href !== portalAssetsDir().href) return readAssets(dir);
  cached ??= readAssets(dir);
  return cached;
}

async function readAssets(dir: URL): Promise<PortalAssets> {
  const [siteCss, indicatorsCss, siteJs] = await Promise.all(
    ['site.css', 'indicators.css', 'site.js'].map((name) => readFile(new URL(name, dir), 'utf8')),
  );
  return { siteCss: siteCss as string, indicatorsCss: indicatorsCss as string, siteJs: siteJs as string };
}
