/**
 * Full-text search over passages. Each passage is indexed with the text-search configuration
 * of its language; the query is parsed with web-search syntax (words, "phrases", -exclusions,
 * OR) once per configuration, and each branch matches only passages of that configuration so
 * every branch can use the GIN index.
 */
import type { Db, Queryable } from './db.js';
import { facetRowsSql, facetsFromRows, type FacetRow, type SearchFacets } from './search-facets.js';

export interface SearchQuery {
  query: string;
  lang?: string;
  /** Inclusive document-date bounds, YYYY[-MM[-DD]]; documents without a date are excluded when set. */
  from?: string;
  to?: string;
  country?: string;
  /** Only passages about this state (extraction's `about`: the states the passage speaks of, not every state it names). */
  about?: string;
  criterion?: number;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  docId: string;
  passageIdx: number;
  start: number;
  end: number;
  title: string | null;
  date: string | null;
  lang: string;
  publisher: string | null;
  rank: number;
  /** Passage excerpt with the matches between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: string;
}

/** Private-use markers, so highlighting never depends on characters a document may contain. */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

/** Text-search configuration per language with a PostgreSQL stemmer (Polish has none: `simple`). */
const LANGUAGE_CONFIGS = {
  de: 'german', en: 'english', fr: 'french', es: 'spanish', it: 'italian', pt: 'portuguese', nl: 'dutch', ru: 'russian', ar: 'arabic',
} as const;
/** Every configuration a passage may be indexed with; each has its own partial GIN index (migrations 5 and 7). */
export const CONFIGS = [...Object.values(LANGUAGE_CONFIGS), 'simple'] as const;

/**
 * Ranking runs in two steps: term frequency (ts_rank) orders the candidates, then cover density
 * (ts_rank_cd, which rewards query words close together) re-ranks the best of them — the first
 * pages people read (the web shows 20 a page). Cover density costs about 14 µs a passage in PGlite
 * (0.7 ms for these 50 on 226,000 passages, `npm run bench:scale`).
 */
export const SEARCH_SHORTLIST = 50;

/**
 * The most matches a search visits. Every match costs a heap visit (its tsvector for the rank, its
 * row for the count and the filters), about 3 µs in PGlite: 7,407 matches of `arms embargo` on
 * 226,000 passages took 28 ms of 30, the GIN lookup 2 ms. So a search takes the first
 * SEARCH_CANDIDATES matches in the order the index returns them (storage order: in practice the
 * earliest stored), ranks only those, and reports their number as a lower bound when there are more
 * ("more than 300", as search engines do); facets count the same candidates. Pages end at the last
 * candidate: a broader question needs a narrower query. 300 keeps search p95 within 1.5× SQLite
 * FTS5's on the 40,000-document benchmark (`npm run bench:scale`, CPU p95 before plans were kept:
 * 8.5 ms at 300, 9.2 at 500, 10.3–12.6 at 1,000, FTS5 6.2 in the same process; with kept plans 7.3
 * at 300 against FTS5's 7.3).
 */
export const SEARCH_CANDIDATES = 300;

export interface SearchResult {
  hits: SearchHit[];
  /** Matches found: exact when totalExact, else a lower bound (there are more than `total`). */
  total: number;
  totalExact: boolean;
  /** Only when asked for: counts over the same candidates as the hits. */
  facets?: SearchFacets;
}

/** PostgreSQL text-search configuration for a language: its stemmer where PostgreSQL has one, else `simple` (no stemming). */
export function textSearchConfig(lang: string): (typeof CONFIGS)[number] {
  return LANGUAGE_CONFIGS[lang as keyof typeof LANGUAGE_CONFIGS] ?? 'simple';
}

/**
 * The WHERE conditions of a search: the full-text match (the query is parameter $1, parsed once
 * per configuration so each branch can use the GIN index) and the filters. `add` appends a parameter and returns its placeholder. Needs `p` (passages) in scope.
 */
export function searchConditions(q: SearchQuery, add: (v: unknown) => string, match: (cfg: string) => string): string[] {
  // A language filter needs only that language's configuration.
  const configs = q.lang ? [textSearchConfig(q.lang)] : CONFIGS;
  const where = [`(${configs.map((cfg) => `(p.ts_config = '${cfg}'::regconfig AND p.tsv @@ ${match(cfg)})`).join(' OR ')})`];
  if (q.lang) where.push(`p.lang = ${add(q.lang)}`);
  if (q.from) where.push(`p.date_to >= ${add(q.from)}::date`);
  if (q.to) where.push(`p.date_from <= ${add(q.to)}::date`);
  if (q.country) where.push(`p.countries @> ARRAY[${add(q.country)}::text]`);
  if (q.about) where.push(`p.about @> ARRAY[${add(q.about)}::text]`);
  if (q.criterion) where.push(`p.criteria @> jsonb_build_array(jsonb_build_object('criterion', ${add(q.criterion)}::int))`);
  return where;
}

const isDb = (q: Queryable | Db): q is Db => typeof (q as Db).queryPrepared === 'function';

/**
 * One statement: the bounded candidate set, its count, the ranked page with snippets and, when
 * asked for, the facets of the candidates. Hits and facets read one materialised candidate set, so
 * they can never disagree.
 */
export async function searchPassages(db: Queryable | Db, q: SearchQuery, opts: { facets?: boolean } = {}): Promise<SearchResult> {
  const params: unknown[] = [q.query];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  // The query is parsed once per configuration (a constant for the planner), never per row.
  const where = searchConditions(q, add, (cfg) => `q.${cfg}`);
  const limit = q.limit ?? 10;
  const offset = q.offset ?? 0;
  const candidates = add(SEARCH_CANDIDATES);
  const shortlist = add(SEARCH_SHORTLIST);
  const queryFor = (alias: string) =>
    `CASE ${alias}.ts_config ${CONFIGS.filter((c) => c !== 'simple').map((c) => `WHEN '${c}'::regconfig THEN q.${c}`).join(' ')} ELSE q.simple END`;
  const facetColumns = opts.facets ? ', p.lang, p.countries, p.criteria, p.date_from' : '';
  // A long-lived process (serve) keeps the plan of each statement shape: planning was a third of a search.
  const run = isDb(db) ? db.queryPrepared : db.query;
  const r = await run<SearchHit & { total: number; facets: FacetRow[] | null }>(
    `WITH q AS (
       SELECT ${CONFIGS.map((c) => `websearch_to_tsquery('${c}', $1) AS ${c}`).join(', ')}
     ), matched AS MATERIALIZED (
       SELECT p.doc_id, p.idx, p.ts_config, p.tsv, ts_rank(p.tsv, ${queryFor('p')}) AS quick${facetColumns}
       FROM q, passages p
       WHERE ${where.join(' AND ')}
       LIMIT ${candidates} + 1
     ), cand AS (
       SELECT *, row_number() OVER (ORDER BY quick DESC, doc_id, idx) AS n FROM matched
     ), ranked AS (
       SELECT c.doc_id, c.idx, c.ts_config, c.n,
              CASE WHEN c.n <= ${shortlist} THEN ts_rank_cd(c.tsv, ${queryFor('c')}) ELSE c.quick END AS rank
       FROM cand c, q WHERE c.n <= ${candidates}
     ), page AS (
       -- Pages beyond the shortlist continue in term-frequency order, so paging never repeats or skips a hit.
       SELECT *, row_number() OVER (ORDER BY n > ${shortlist}, CASE WHEN n <= ${shortlist} THEN rank END DESC, n) AS pos
       FROM ranked ORDER BY pos LIMIT ${add(limit)} OFFSET ${add(offset)}
     )
     SELECT t.total, ${opts.facets ? `(${facetRowsSql('cand', candidates)})` : 'NULL::jsonb'} AS facets,
            pg.doc_id AS "docId", pg.idx AS "passageIdx", p.start_off AS start, p.end_off AS "end",
            d.title, d.doc_date AS date, p.lang, d.publisher, pg.rank::float8 AS rank,
            ts_headline(pg.ts_config, p.text, ${queryFor('pg')},
              'StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
     FROM (SELECT count(*)::int AS total FROM matched) t
     LEFT JOIN (page pg JOIN passages p ON p.doc_id = pg.doc_id AND p.idx = pg.idx JOIN documents d ON d.id = pg.doc_id CROSS JOIN q) ON true
     ORDER BY pg.pos`,
    params,
  );
  const found = r.rows[0]?.total ?? 0;
  const result: SearchResult = {
    total: Math.min(found, SEARCH_CANDIDATES),
    totalExact: found <= SEARCH_CANDIDATES,
    hits: r.rows.filter((row) => row.docId !== null).map(({ total: _t, facets: _f, ...hit }) => hit),
  };
  if (opts.facets) result.facets = facetsFromRows(r.rows[0]?.facets ?? []);
  return result;
}
