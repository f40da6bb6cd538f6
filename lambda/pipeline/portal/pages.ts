/** The portal's pages, as build-site.ts publishes them. */

export type { DownloadFile } from '../metadata/schema-org.ts';
export type { PortalAssets } from './assets.ts';
export { type HomePageOptions, indexPage } from './pages/home.tsx';
export { reportPage } from './pages/report.tsx';
