import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../lambda/pipeline/formats/html-escape.ts';

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
