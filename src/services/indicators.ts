/**
 * What adapters read about indicators: the catalogue (names, units), which source wins when two
 * give the same country-year, and the stored values. One import for the web loaders, so they
 * depend on services only.
 */
export { indicatorInfo } from '../data/catalogue.js';
export { sourcePriority } from '../data/registry.js';
export { getIndicatorValues } from '../store/indicators.js';
