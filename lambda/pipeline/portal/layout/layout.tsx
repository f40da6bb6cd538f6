import type { ComponentChildren } from 'preact';
import type { SiteSettings } from '../../report/index.ts';
import { Bilingual } from '../components/bilingual.tsx';

/** What a page's footer says: who publishes it and under which licence. */
interface FooterFacts {
  publisher: string;
  /** The licence's id, or a link to its text. */
  license: ComponentChildren;
}

export interface LayoutProps {
  settings: SiteSettings;
  title: string;
  /** Path from the page to the site root ('' or '../../'), so pages work from any base URL or from disk. */
  root: string;
  /** Extra elements for `<head>` (description, JSON-LD, the indicators' stylesheet). */
  head?: ComponentChildren;
  /** Whether the site's name in the header links to the home page (every page but the home page). */
  linkHome: boolean;
  /**
   * The footer; the indicators page has none today, and the migration keeps every page the
   * document it was (a source and feed link for every footer is left for after it).
   */
  footer?: FooterFacts;
  /** The page's `<main>`. */
  children: ComponentChildren;
}

/**
 * The one page shell: head, header with the site's name and the language switch, main, footer.
 * Styles and the script are files of the site (the CSP allows no inline code); the script only
 * enhances, so every page reads and downloads without it. The newlines are the documents' own text.
 */
export function Layout({ settings, title, root, head, linkHome, footer, children }: LayoutProps) {
  return (
    <html lang="zh-CN">
      {'\n'}
      <head>
        {'\n'}
        <meta charset="utf-8" />
        {'\n'}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {'\n'}
        <title>{title}</title>
        {'\n'}
        <link rel="icon" href="data:," />
        {'\n'}
        <link rel="stylesheet" href={`${root}assets/site.css`} />
        {'\n'}
        <script src={`${root}assets/site.js`} defer />
        {'\n'}
        {head}
        {'\n'}
      </head>
      {'\n'}
      <body>
        {'\n'}
        <a class="skip" href="#main">
          <Bilingual zh="跳到正文" en="Skip to content" />
        </a>
        {'\n'}
        <SiteHeader settings={settings} home={linkHome ? `${root}index.html` : undefined} />
        {'\n'}
        {children}
        {footer ? ['\n', <SiteFooter {...footer} />] : null}
        {'\n'}
      </body>
      {'\n'}
    </html>
  );
}

function SiteHeader({ settings, home }: { settings: SiteSettings; home: string | undefined }) {
  const name = <Bilingual zh={settings.title} en={settings.titleEn} />;
  return (
    <header class="site-header">
      <p class="site-name">{home ? <a href={home}>{name}</a> : name}</p>
      <LanguageToggle />
    </header>
  );
}

/** The language switch: hidden until site.js runs, because without it there is nothing to switch. */
function LanguageToggle() {
  return (
    <button type="button" class="lang-toggle" data-lang-toggle="" hidden>
      <span class="zh" lang="en">
        English
      </span>
      <span class="en" lang="zh-CN">
        中文
      </span>
    </button>
  );
}

function SiteFooter({ publisher, license }: FooterFacts) {
  return (
    <footer class="site-footer">
      <p>
        {publisher} · <Bilingual zh="数据许可" en="License" />: {license}
      </p>
    </footer>
  );
}
