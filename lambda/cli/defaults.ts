import { fileURLToPath } from 'node:url';

/** Where the commands look when not told otherwise: the project's own data/ folder. */
const data = (path: string) => fileURLToPath(new URL(`../../data/${path}`, import.meta.url));

export const DEFAULT_REPORTS_DIR = data('reports/');
export const DEFAULT_SITE_SETTINGS = data('site.json');
export const DEFAULT_INDICATORS = data('indicators.json');
export const DEFAULT_CORRECTIONS = data('corrections.json');
export const DEFAULT_SOURCES = data('sources.json');
export const DEFAULT_ARCHIVE_DIR = data('archive/');
