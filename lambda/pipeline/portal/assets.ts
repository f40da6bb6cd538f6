/**
 * The portal's stylesheets and script, the files of portal/assets/. The pipeline reads no files:
 * the edge (lambda/publish/portal-assets.ts) reads them and passes them in, and the site serves
 * them as they are.
 */
export interface PortalAssets {
  /** assets/site.css, every page's styles. */
  siteCss: string;
  /** assets/indicators.css, the styles of the checks and the indicators page. */
  indicatorsCss: string;
  /** assets/site.js, the one script, which only enhances. */
  siteJs: string;
}
