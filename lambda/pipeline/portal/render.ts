import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A page's document: the doctype, which JSX cannot express, then the `<html>` element preact renders. */
export function renderPage(page: VNode): string {
  return `<!doctype html>\n${renderToString(page)}\n`;
}
