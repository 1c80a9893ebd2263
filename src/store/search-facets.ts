/**
 * Facet counts for a full-text search: how many candidate passages per country, criterion,
 * language and document year. They are computed inside the search statement
 * (src/store/search.ts) over its bounded candidate set, so the counts describe the same passages
 * as the hits and cost no second match.
 */

export interface SearchFacets {
  country: Array<{ value: string; count: number }>;
  criterion: Array<{ value: number; count: number }>;
  lang: Array<{ value: string; count: number }>;
  year: Array<{ value: number; count: number }>;
}

/** [facet, value, count] as the statement returns it. */
export type FacetRow = [string, string, number];

/**
 * A scalar subquery: the facet rows of the candidates in `from` (columns lang, countries, criteria,
 * date_from and their number n) up to `bound` (a placeholder), as one jsonb array.
 */
export function facetRowsSql(from: string, bound: string): string {
  return `SELECT coalesce(jsonb_agg(jsonb_build_array(f.facet, f.value, f.count)), '[]'::jsonb) FROM (
       SELECT 'lang' AS facet, m.lang AS value, count(*)::int AS count FROM ${from} m WHERE m.n <= ${bound} GROUP BY m.lang
       UNION ALL
       SELECT 'year', extract(year FROM m.date_from)::int::text, count(*)::int FROM ${from} m WHERE m.n <= ${bound} AND m.date_from IS NOT NULL GROUP BY 2
       UNION ALL
       SELECT 'country', c.country, count(*)::int FROM ${from} m CROSS JOIN LATERAL unnest(m.countries) AS c(country) WHERE m.n <= ${bound} GROUP BY c.country
       UNION ALL
       SELECT 'criterion', k.value->>'criterion', count(*)::int FROM ${from} m CROSS JOIN LATERAL jsonb_array_elements(m.criteria) AS k(value) WHERE m.n <= ${bound} GROUP BY 2
     ) f`;
}

export function facetsFromRows(rows: FacetRow[]): SearchFacets {
  const out: SearchFacets = { country: [], criterion: [], lang: [], year: [] };
  for (const [facet, value, count] of rows) {
    if (facet === 'country') out.country.push({ value, count });
    else if (facet === 'criterion') out.criterion.push({ value: Number(value), count });
    else if (facet === 'lang') out.lang.push({ value, count });
    else out.year.push({ value: Number(value), count });
  }
  out.country.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  out.criterion.sort((a, b) => a.value - b.value);
  out.lang.sort((a, b) => b.count - a.count);
  out.year.sort((a, b) => b.value - a.value);
  return out;
}
