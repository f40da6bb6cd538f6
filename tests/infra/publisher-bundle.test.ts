import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../lib/config.ts';
import { OpendataStack } from '../../lib/opendata-stack.ts';
import { PROJECT_ROOT } from '../support/temp.ts';

/**
 * The real stack synthesized with esbuild bundling (which synth.ts leaves out for speed): the
 * publisher's Lambda asset must carry the portal's assets beside index.mjs, where
 * lambda/publish/portal-assets.ts looks for them at run time.
 */
const outdir = mkdtempSync(join(tmpdir(), 'cdk-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the publisher bundle', () => {
  it('holds portal-assets/ with site.css, indicators.css and site.js as in the source', () => {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const stack = new OpendataStack(app, 'OpendataPublisher', { config: parseAppConfig({}) });
    const assembly = app.synth();
    const template = assembly.getStackByName(stack.stackName).template;
    const fn = stack.getLogicalId(stack.publisher.function.node.defaultChild as never);
    const key: string = template.Resources[fn].Properties.Code.S3Key;
    const asset = join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`);
    expect(readFileSync(join(asset, 'index.mjs'), 'utf8').length).toBeGreaterThan(0);
    for (const name of ['site.css', 'indicators.css', 'site.js']) {
      const source = readFileSync(new URL(`lambda/pipeline/portal/assets/${name}`, PROJECT_ROOT));
      expect(readFileSync(join(asset, 'portal-assets', name)).equals(source), name).toBe(true);
    }
  }, 300_000);
});
