import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import {
  EscapedMarkup,
  escapeAsPreact,
  JsonLdScript,
  jsonForScript,
} from '../../../lambda/pipeline/portal/raw-markup.tsx';
import { PROJECT_ROOT } from '../../support/temp.ts';

describe('raw markup, which enters a page only through raw-markup.tsx', () => {
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

  it.each(['</p><script>alert("x")</script>', 'A & B > C "引号" \'单\' &amp; &lt;', '纯文本'])(
    'escapes %j in text and attributes exactly as preact does',
    (text) => {
      const escaped = escapeAsPreact(text);
      expect(renderToString(h('p', { title: text }, text))).toBe(`<p title="${escaped}">${escaped}</p>`);
      expect(escaped).not.toMatch(/<|"/);
      const div = h(EscapedMarkup, { className: 'report-text', markup: `<b>${escaped}</b>` });
      expect(renderToString(div)).toBe(`<div class="report-text"><b>${escaped}</b></div>`);
    },
  );

  it('is the only place in lambda/ that writes dangerouslySetInnerHTML', () => {
    const lambda = fileURLToPath(new URL('lambda/', PROJECT_ROOT));
    const users = readdirSync(lambda, { recursive: true, encoding: 'utf8' })
      .filter((path) => /\.[cm]?[jt]sx?$/.test(path))
      .filter((path) => readFileSync(join(lambda, path), 'utf8').includes('dangerouslySetInnerHTML'))
      .map((path) => relative(lambda, join(lambda, path)));
    expect(users).toEqual(['pipeline/portal/raw-markup.tsx']);
  });
});
