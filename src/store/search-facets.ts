/**
 * Facet counts for a full-text search: how many matching passages per country, criterion,
 * language and document year, under the same filters as searchPassages (src/store/search.ts).
 */
import type { Queryable } from './db.js';
import { searchConditions, type SearchQuery } from './search.js';

export interface SearchFacets {
  country: Array<{ value: string; count: number }>;
  criterion: Array<{ value: number; count: number }>;
  lang: Array<{ value: string; count: number }>;
  year: Array<{ value: number; count: number }>;
}

export async function searchFacets(db: Queryable, q: SearchQuery): Promise<SearchFacets> {
  const params: unknown[] = [q.query];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = searchConditions(q, add, (cfg) => `websearch_to_tsquery('${cfg}', $1)`);
  const r = await db.query<{ facet: string; value: string; count: number }>(
    `WITH matched AS (
       SELECT p.lang, p.countries, p.criteria, p.date_from FROM passages p
       WHERE ${where.join(' AND ')}
     )
     SELECT 'lang' AS facet, m.lang AS value, count(*)::int AS count FROM matched m GROUP BY m.lang
     UNION ALL
     SELECT 'year', extract(year FROM m.date_from)::int::text, count(*)::int FROM matched m WHERE m.date_from IS NOT NULL GROUP BY 2
     UNION ALL
     SELECT 'country', c.country, count(*)::int FROM matched m CROSS JOIN LATERAL unnest(m.countries) AS c(country) GROUP BY c.country
     UNION ALL
     SELECT 'criterion', k.value->>'criterion', count(*)::int FROM matched m CROSS JOIN LATERAL jsonb_array_elements(m.criteria) AS k(value) GROUP BY 2`,
    params,
  );
  const out: SearchFacets = { country: [], criterion: [], lang: [], year: [] };
  for (const row of r.rows) {
    if (row.facet === 'country') out.country.push({ value: row.value, count: row.count });
    else if (row.facet === 'criterion') out.criterion.push({ value: Number(row.value), count: row.count });
    else if (row.facet === 'lang') out.lang.push({ value: row.value, count: row.count });
    else out.year.push({ value: Number(row.value), count: row.count });
  }
  out.country.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  out.criterion.sort((a, b) => a.value - b.value);
  out.lang.sort((a, b) => b.count - a.count);
  out.year.sort((a, b) => b.value - a.value);
  return out;
}
