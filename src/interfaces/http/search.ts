/** Full-text search with facets: /search and /api/search (same loader), CSV of the hits. */
import type { Hono } from 'hono';
import { AppError } from '../../core/errors.js';
import { search } from '../../services/search.js';
import { renderSearch, type SearchPageData } from '../web/pages/search.js';
import type { Deps, Env } from './context.js';
import { definePage } from './page.js';

const PAGE_SIZE = 20;

export async function loadSearch(deps: Deps, q: URLSearchParams): Promise<SearchPageData> {
  const query = (q.get('q') ?? '').trim();
  const country = q.get('country')?.trim().toUpperCase() || null;
  if (country && !/^[A-Z]{2}$/.test(country)) throw new AppError('usage', '"country" must be an ISO alpha-2 code such as KZ.', { status: 400 });
  const critText = q.get('criterion');
  const criterion = critText ? Number(critText) : null;
  if (criterion !== null && !(Number.isInteger(criterion) && criterion >= 1 && criterion <= 8)) throw new AppError('usage', '"criterion" must be a number from 1 to 8.', { status: 400 });
  const language = q.get('language')?.trim().toLowerCase() || null;
  if (language && !/^[a-z]{2,3}$/.test(language)) throw new AppError('usage', '"language" must be a language code such as de or en.', { status: 400 });
  const yearText = q.get('year');
  const year = yearText ? Number(yearText) : null;
  if (year !== null && !(Number.isInteger(year) && year >= 1000 && year <= 9999)) throw new AppError('usage', '"year" must be a four-digit year.', { status: 400 });
  const page = q.get('page') ? Number(q.get('page')) : 1;
  if (!Number.isInteger(page) || page < 1 || page > 500) throw new AppError('usage', '"page" must be a whole number from 1 to 500.', { status: 400 });
  const filters = { country, criterion, language, year };
  if (!query) return { query, filters, page, pageSize: PAGE_SIZE, total: 0, totalExact: true, hits: [], facets: null };
  const r = await search(deps.app.db, {
    query,
    country: country ?? undefined,
    criterion: criterion ?? undefined,
    lang: language ?? undefined,
    from: year ? String(year) : undefined,
    to: year ? String(year) : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  }, { facets: true });
  return { query, filters, page, pageSize: PAGE_SIZE, total: r.total, totalExact: r.totalExact, hits: r.hits, facets: r.facets ?? null };
}

export function registerSearch(router: Hono<Env>, deps: Deps): void {
  definePage<SearchPageData>(router, deps, {
    path: '/search',
    load: (d, req) => loadSearch(d, req.query),
    title: (d, v) => (d.query ? `${d.query} – ${v.t('searchTitle')}` : v.t('searchTitle')),
    render: renderSearch,
    tables: {
      hits: (d) => ({
        columns: ['doc_id', 'passage', 'title', 'date', 'lang', 'publisher', 'rank', 'snippet'],
        rows: d.hits.map((h) => [h.docId, h.passageIdx, h.title, h.date, h.lang, h.publisher, h.rank, h.snippet.replace(/[\uE000\uE001]/g, '')]),
      }),
      facets: (d) => ({
        columns: ['facet', 'value', 'count'],
        rows: d.facets ? [
          ...d.facets.country.map((x) => ['country', x.value, x.count]),
          ...d.facets.criterion.map((x) => ['criterion', x.value, x.count]),
          ...d.facets.lang.map((x) => ['language', x.value, x.count]),
          ...d.facets.year.map((x) => ['year', x.value, x.count]),
        ] : [],
      }),
    },
  });
}
