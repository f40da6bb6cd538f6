import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { portalAssetsDir, readPortalAssets } from '../../lambda/publish/portal-assets.ts';
import { PROJECT_ROOT, useTempDirs } from '../support/temp.ts';

const source = (name: string) =>
  readFileSync(new URL(`lambda/pipeline/portal/assets/${name}`, PROJECT_ROOT), 'utf8');

describe('the portal assets, read at the edge', () => {
  const temp = useTempDirs();

  it('are the files of lambda/pipeline/portal/assets/ when run from the source tree', async () => {
    expect(portalAssetsDir().href).toBe(new URL('lambda/pipeline/portal/assets/', PROJECT_ROOT).href);
    expect(await readPortalAssets()).toEqual({
      siteCss: source('site.css'),
      indicatorsCss: source('indicators.css'),
      siteJs: source('site.js'),
    });
  });

  it('are the portal-assets/ folder beside the bundled handler when there is one', async () => {
    const dir = await temp();
    mkdirSync(join(dir, 'portal-assets'));
    for (const name of ['site.css', 'indicators.css', 'site.js'])
      writeFileSync(join(dir, 'portal-assets', name), `/* bundled ${name} */`);
    const found = portalAssetsDir(pathToFileURL(join(dir, 'index.mjs')).href);
    expect(found.href).toBe(pathToFileURL(join(dir, 'portal-assets/')).href);
    expect(await readPortalAssets(found)).toEqual({
      siteCss: '/* bundled site.css */',
      indicatorsCss: '/* bundled indicators.css */',
      siteJs: '/* bundled site.js */',
    });
  });
});
