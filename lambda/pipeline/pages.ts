/** The portal's pages and assets, as site.ts publishes them. */
export { type HomePageOptions, indexPage } from './home-page.ts';
export { SITE_CSS } from './portal-css.ts';
export { SITE_JS } from './portal-js.ts';
export type { DownloadFile } from './portal-jsonld.ts';
export { reportPage } from './report-page.ts';
