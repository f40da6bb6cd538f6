/**
 * The portal room: the HTML pages (home, report, indicators) as TSX rendered by
 * preact-render-to-string, one layout, components for the figures table, report text, charts,
 * dataset cards and check lists, and the CSS and browser script as real files in assets/ that
 * the edge reads and passes in. Markup is escaped by preact; raw markup enters a page only
 * through raw-markup.tsx: the JSON-LD script, and the report's text written as escaped strings.
 */
export type { PortalAssets } from './assets.ts';
export { FIGURES_TABLE_LIMIT } from './components/figures-table.tsx';
export { indexPage } from './pages/home.tsx';
export { indicatorsPage } from './pages/indicators.tsx';
export { reportPage } from './pages/report.tsx';
export { spreadIndices } from './spread.ts';
