import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { JsonLdScript, jsonForScript } from '../../../lambda/pipeline/portal/raw-json-script.tsx';
import { PROJECT_ROOT } from '../../support/temp.ts';

describe('the JSON-LD block, the one raw markup of the portal', () => {
  it.each([
    [
      { name: '</script><script>alert(1)</script>' },
      '{"name":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}',
    ],
    [{ name: 'A & "B"' }, '{"name":"A & \\"B\\""}'],
    [{ name: 'a\u2028b\u2029c' }, '{"name":"a\\u2028b\\u2029c"}'],
  ])('writes %j as %s', (value, json) => {
    expect(jsonForScript(value)).toBe(json);
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
    expect(renderToString(JsonLdScript({ value }))).toBe(
      `<script type="application/ld+json">${json}</script>`,
    );
  });

  it('is the only place in lambda/ that writes dangerouslySetInnerHTML', () => {
    const lambda = fileURLToPath(new URL('lambda/', PROJECT_ROOT));
    const users = readdirSync(lambda, { recursive: true, encoding: 'utf8' })
      .filter((path) => /\.[cm]?[jt]sx?$/.test(path))
      .filter((path) => readFileSync(join(lambda, path), 'utf8').includes('dangerouslySetInnerHTML'))
      .map((path) => relative(lambda, join(lambda, path)));
    expect(users).toEqual(['pipeline/portal/raw-json-script.tsx']);
  });
});
