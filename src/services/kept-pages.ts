/**
 * Pages kept in the store across restarts of the web server (store/page-cache.ts): reading and
 * keeping them, and the version a country page must have been built from to be answered.
 */
import type { Queryable } from '../store/db.js';
import { countryPageInputs, keptPageVersion } from '../store/page-cache.js';
import { packageVersion } from '../core/package-files.js';
import { loadMethodology, todayUtc } from './assess-country.js';

export { cachedPage, clearPages, keptPageVersion, storePage } from '../store/page-cache.js';

export const countryPageKey = (code: string) => `country|${code}`;

/** armsbrief's version, the day, the methodology and the country's inputs (its assessment, evidence, documents, imports, overrides). */
export async function countryPageVersion(db: Queryable, code: string, now: Date): Promise<string> {
  const m = loadMethodology();
  return `${packageVersion()}|${todayUtc(now)}|${m.id}@${m.version}|${await countryPageInputs(db, code)}`;
}

/** Whether the store keeps the country's page as its inputs are now (warming then has nothing to build). */
export async function countryPageKept(db: Queryable, code: string, now: Date): Promise<boolean> {
  const [kept, version] = await Promise.all([keptPageVersion(db, countryPageKey(code)), countryPageVersion(db, code, now)]);
  return kept === version;
}
