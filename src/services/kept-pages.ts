/**
 * Pages kept in the store across restarts of the web server (store/page-cache.ts): reading and
 * keeping them, the version a country page must have been built from to be answered, and building
 * the outdated ones after a write (`ingest`, `data import`), so even the first `serve` after an
 * import answers every country from its kept page.
 */
import type { Db, Queryable } from '../store/db.js';
import { countryPageInputs, keptPageVersion, keptPageVersions, storePage } from '../store/page-cache.js';
import { packageVersion } from '../core/package-files.js';
import { errorMessage } from '../core/errors.js';
import { loadMethodology, todayUtc } from './assess-country.js';
import { readStoredAssessments } from './current-assessments.js';
import { countryPage } from './country-page.js';

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

export interface KeepPagesReport {
  /** Pages built and kept (their inputs had changed, or none was kept). */
  built: number;
  /** Pages already kept as their inputs are now. */
  current: number;
  /** Pages that could not be built, with the reason: the web app builds them on request instead. */
  failed: Array<{ country: string; reason: string }>;
  durationMs: number;
}

/**
 * Builds and keeps the page of every country with a stored assessment whose kept page is missing or
 * outdated, exactly as the web app would build it on request. The version is read before the page
 * is built: inputs that change meanwhile leave the kept page outdated, never wrong.
 */
export async function keepCountryPages(
  db: Db,
  opts: { now?: Date; onProgress?: (done: number, total: number, code: string) => void } = {},
): Promise<KeepPagesReport> {
  const t0 = performance.now();
  const now = opts.now ?? new Date();
  const stored = await readStoredAssessments(db, null, { now });
  const codes = [...stored.keys()].filter((c) => /^[A-Z]{2}$/.test(c)).sort();
  const kept = await keptPageVersions(db, codes.map(countryPageKey));
  let built = 0;
  const failed: KeepPagesReport['failed'] = [];
  for (const [i, code] of codes.entries()) {
    opts.onProgress?.(i, codes.length, code);
    const key = countryPageKey(code);
    const version = await countryPageVersion(db, code, now);
    if (kept.get(key) === version) continue;
    let body: string;
    try {
      body = JSON.stringify(await countryPage(db, code, now, stored.get(code)!));
    } catch (err) {
      // One page that cannot be built (an assessment stored by an older version, say) does not cost the others.
      failed.push({ country: code, reason: errorMessage(err) });
      continue;
    }
    await storePage(db, key, version, body);
    built++;
  }
  opts.onProgress?.(codes.length, codes.length, '');
  return { built, current: codes.length - built - failed.length, failed, durationMs: performance.now() - t0 };
}
