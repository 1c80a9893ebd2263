/** Use cases: built pages kept in the store across server restarts, each under the version of the inputs it was built from. */
export { cachedPage, keptPageVersion, storePage } from '../store/page-cache.js';
