/**
 * Escapes text for HTML element content and double-quoted attribute values: for the few HTML
 * fragments written as strings outside the portal (the Atom feed's entry contents), whose pages
 * preact renders and escapes itself.
 */
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
