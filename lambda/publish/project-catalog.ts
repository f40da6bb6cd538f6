import catalogJson from '../../data/indicators.json' with { type: 'json' };
import { type IndicatorCatalog, indicatorCatalogFrom } from '../pipeline/indicators/index.ts';

/**
 * The project's reviewed indicator catalog, data/indicators.json, imported as a module so the Lambda
 * bundle carries it (like data/site.json). Validated when first imported: a bad catalog fails fast.
 */
export const PROJECT_CATALOG: IndicatorCatalog = indicatorCatalogFrom(catalogJson, 'data/indicators.json');
