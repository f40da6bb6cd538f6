/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Tagged template for HTML: every interpolated string is escaped unless it is already `Html`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += renderValue(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

function renderValue(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(renderValue).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Chinese and English side by side; the stylesheet shows one of them by the page's language, so a
 * page without JavaScript reads in Chinese and `site.js` switches every such pair at once.
 */
export function bilingual(zh: unknown, en: unknown): Html {
  return html`<span class="zh">${zh}</span><span class="en" lang="en">${en}</span>`;
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<` is written as `\u003c` so that text
 * such as `</script>` from a report cannot end the block.
 */
export function jsonForScript(value: unknown): Html {
  return new Html(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}

export interface PageOptions {
  title: string;
  /** Path from the page to the site root ('' or '../../'), so pages work from any base URL or from disk. */
  root: string;
  body: Html;
  /** Extra elements for `<head>` (description, JSON-LD). */
  head?: Html;
}

/**
 * The page shell. Styles and the script are files of the site (the CSP allows no inline code); the
 * script only enhances, so every page reads and downloads without it.
 */
export function page({ title, root, body, head }: PageOptions): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${root}assets/site.css">
<script src="${root}assets/site.js" defer></script>
${head}
</head>
<body>
<a class="skip" href="#main">${bilingual('跳到正文', 'Skip to content')}</a>
${body}
</body>
</html>
`.value;
}
