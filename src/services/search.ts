/** Use case: validate a search request and run it on the store. */
import type { Db } from '../store/db.js';
import { searchPassages, type SearchQuery, type SearchHit, type SearchResult } from '../store/search.js';
import { AppError } from '../core/errors.js';
import { isValidPartialDate } from '../extract/dates.js';
import { resolveCountry } from '../core/countries/resolve.js';
import { partialRange } from '../core/dates.js';

export type { SearchHit, SearchResult };
export type { SearchFacets } from '../store/search-facets.js';
// What adapters show with the hits: the highlight markers in snippets, and how many matches a
// search ranks and counts at most (see src/store/search.ts).
export { HIGHLIGHT_END, HIGHLIGHT_START, SEARCH_CANDIDATES } from '../store/search.js';

/** `facets`: also count the candidates per country, criterion, language and year (the web page's filters). */
export async function search(db: Db, q: SearchQuery, opts: { facets?: boolean } = {}): Promise<SearchResult & { query: SearchQuery }> {
  if (!q.query.trim()) throw new AppError('usage', 'The search query is empty.', { hint: 'Example: armsbrief search "Militärausgaben Kasachstan"' });
  for (const [name, v] of [['start', q.from], ['end', q.to]] as const) {
    if (v && !isValidPartialDate(v)) throw new AppError('usage', `The ${name} date of a search must be YYYY, YYYY-MM or YYYY-MM-DD, not ${JSON.stringify(v)}.`);
  }
  if (q.criterion !== undefined && !(Number.isInteger(q.criterion) && q.criterion >= 1 && q.criterion <= 8)) {
    throw new AppError('usage', `A criterion is a number from 1 to 8, not ${q.criterion}.`);
  }
  const resolve = (v: string | undefined): string | undefined => {
    if (!v) return undefined;
    const code = resolveCountry(v);
    if (!code) throw new AppError('usage', `Unknown country ${JSON.stringify(v)}.`, { hint: 'Use an ISO code (KZ) or a name (Kasachstan, Kazakhstan).' });
    return code;
  };
  const country = resolve(q.country);
  const about = resolve(q.about);
  const limit = Math.min(Math.max(q.limit ?? 10, 1), 1000);
  const normalized: SearchQuery = {
    ...q,
    limit,
    from: q.from ? dateStart(q.from) : undefined,
    to: q.to ? dateEnd(q.to) : undefined,
    country,
    about,
    lang: q.lang?.toLowerCase(),
  };
  return { query: normalized, ...(await searchPassages(db, normalized, opts)) };
}

// A partial date (2024, 2024-05) filters from its first to its last day (core/dates.ts).
const dateStart = (d: string): string => partialRange(d)?.from ?? d;
const dateEnd = (d: string): string => partialRange(d)?.to ?? d;
