/** The portal's pages and assets, as site.ts publishes them. */

export type { DownloadFile } from '../metadata/schema-org.ts';
export { SITE_CSS } from './css.ts';
export { type HomePageOptions, indexPage } from './home-page.ts';
export { reportPage } from './report-page.ts';
export { SITE_JS } from './site-js.ts';
