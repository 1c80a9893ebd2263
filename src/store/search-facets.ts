/**
 * Facet counts for a full-text search: how many matching passages per country, criterion,
 * language and document year, under the same filters as searchPassages (src/store/search.ts).
 */
import type { Queryable } from './db.js';
import type { SearchQuery } from './search.js';

export interface SearchFacets {
  country: Array<{ value: string; count: number }>;
  criterion: Array<{ value: number; count: number }>;
  lang: Array<{ value: string; count: number }>;
  year: Array<{ value: number; count: number }>;
}

const CONFIGS = ['german', 'english', 'simple'] as const;

export async function searchFacets(db: Queryable, q: SearchQuery, configs: readonly string[] = CONFIGS): Promise<SearchFacets> {
  const params: unknown[] = [q.query];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const branches = configs.map((cfg) => `(p.ts_config = '${cfg}'::regconfig AND p.tsv @@ websearch_to_tsquery('${cfg}', $1))`);
  const where = [`(${branches.join(' OR ')})`];
  if (q.lang) where.push(`p.lang = ${add(q.lang)}`);
  if (q.from) where.push(`d.date_to >= ${add(q.from)}::date`);
  if (q.to) where.push(`d.date_from <= ${add(q.to)}::date`);
  if (q.country) where.push(`EXISTS (SELECT 1 FROM passage_countries pc WHERE pc.doc_id = p.doc_id AND pc.idx = p.idx AND pc.country = ${add(q.country)})`);
  if (q.criterion) where.push(`EXISTS (SELECT 1 FROM passage_criteria pk WHERE pk.doc_id = p.doc_id AND pk.idx = p.idx AND pk.criterion = ${add(q.criterion)})`);
  const r = await db.query<{ facet: string; value: string; count: number }>(
    `WITH matched AS (
       SELECT p.doc_id, p.idx, p.lang, d.date_from FROM passages p JOIN documents d ON d.id = p.doc_id
       WHERE ${where.join(' AND ')}
     )
     SELECT 'lang' AS facet, m.lang AS value, count(*)::int AS count FROM matched m GROUP BY m.lang
     UNION ALL
     SELECT 'year', extract(year FROM m.date_from)::int::text, count(*)::int FROM matched m WHERE m.date_from IS NOT NULL GROUP BY 2
     UNION ALL
     SELECT 'country', pc.country, count(*)::int FROM matched m JOIN passage_countries pc ON pc.doc_id = m.doc_id AND pc.idx = m.idx GROUP BY pc.country
     UNION ALL
     SELECT 'criterion', pk.criterion::text, count(*)::int FROM matched m JOIN passage_criteria pk ON pk.doc_id = m.doc_id AND pk.idx = m.idx GROUP BY pk.criterion`,
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
