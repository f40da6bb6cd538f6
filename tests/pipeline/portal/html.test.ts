import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../../lambda/pipeline/portal/html.ts';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"onmouseover='x'`, '&quot;onmouseover=&#39;x&#39;'],
    ['A & B', 'A &amp; B'],
    ['调解成功率100%', '调解成功率100%'],
  ])('%j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});

describe('html template', () => {
  it('escapes interpolated text but not nested html, and flattens arrays', () => {
    const items = ['<b>', '"q"'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul title="${'a"b'}">${items}${null}${undefined}${false}${0}</ul>`.value).toBe(
      '<ul title="a&quot;b"><li>&lt;b&gt;</li><li>&quot;q&quot;</li>0</ul>',
    );
  });
});
