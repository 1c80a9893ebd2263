/**
 * Evidence for the assessment: passages tagged with a criterion whose evidence is about a country
 * (the passage's `about` states: named where the criterion's cues are, see extract/about.ts), with
 * the document's title, publisher, source type and date. A passage counts for a country only with
 * the criteria about it: "So modernisiert Kasachstan … T-72" in a passage that also names Ukraine
 * is not Ukraine's evidence. Documents dated after the as-of day are left out; undated ones stay in
 * (the engine lists them but never counts them).
 */
import type { Queryable } from './db.js';
import type { EvidenceFact, StoredEvidenceMatch } from '../core/types.js';

/** An evidence passage as the assessment reads it, plus the country it was found for. */
export interface EvidenceRow extends EvidenceFact {
  country: string;
}

/**
 * Every evidence passage row: the earlier path of the assessment (its cost grows with how much a
 * country is reported on), kept to prove `evidenceSummaries` gives the same and to measure against.
 */
export async function evidenceFor(
  db: Queryable,
  q: { asOf: string; countries?: string[] | null; snippetChars?: number },
): Promise<EvidenceRow[]> {
  // Two shapes rather than "$1 IS NULL OR …", so the one-country query uses the GIN index.
  const only = q.countries ? 'AND p.about && $3::text[]' : '';
  const keep = q.countries ? 'AND c.country = ANY($3::text[])' : '';
  const r = await db.query<EvidenceRow>(
    `SELECT a.country, a.doc_id AS "docId", a.idx AS "passageIdx", d.title AS "docTitle", d.publisher,
       d.source_type AS "sourceType", coalesce(d.doc_date, d.date_from::text) AS date,
       left(a.text, $2) AS snippet, a.criteria
     FROM (
       SELECT p.doc_id, p.idx, p.text, c.country,
         -- a tag without "about" was stored before migration 7 and counts for every state the passage is about
         (SELECT jsonb_agg(t ORDER BY (t->>'criterion')::int) FROM jsonb_array_elements(p.criteria) t
          WHERE NOT t ? 'about' OR t->'about' ? c.country) AS criteria
       FROM passages p CROSS JOIN LATERAL unnest(p.about) AS c(country)
       WHERE p.criteria <> '[]'::jsonb ${only} ${keep}
     ) a
     JOIN documents d ON d.id = a.doc_id
     WHERE a.criteria IS NOT NULL AND (d.date_from IS NULL OR d.date_from <= $1::date)
     ORDER BY a.country, date DESC NULLS LAST, a.doc_id, a.idx`,
    q.countries ? [q.asOf, q.snippetChars ?? 300, q.countries] : [q.asOf, q.snippetChars ?? 300],
  );
  return r.rows;
}

/** An evidence filter as the store applies it: `fromDay` is the first day a dated passage must reach into. */
export interface EvidenceFilter {
  key: string;
  criterion: number;
  minScore: number;
  fromDay: string;
  /** Lower-cased cue fragments; null for any. */
  cuesAny: string[] | null;
}

/** Per country and filter: matching passages, independent sources and the newest references. */
export interface EvidenceMatchRow extends StoredEvidenceMatch {
  country: string;
}

/** A listed passage of a country's criterion, with the total the listing had before its limit. */
export interface EvidenceListRow extends EvidenceRow {
  criterion: number;
  total: number;
}

export interface EvidenceSummaryQuery {
  asOf: string;
  countries?: string[] | null;
  filters: EvidenceFilter[];
  /** The listing rule; `criteria`: the criteria listed. */
  list: { minScore: number; fromDay: string; max: number; criteria: number[] };
  refsPerFilter: number;
  snippetChars?: number;
}

/**
 * The evidence summary in the database, from `evidence_tags` (migration 8): per filter the count,
 * sources and newest references of matching passages; per criterion the newest listed passages
 * and their total. What is sent back is bounded by the filters and the listing limit, and what is
 * read by the country's tag rows in the windows (an index range), not by the passages' text. A
 * document's date text orders as (date_from DESC, date_to ASC) — "2024-12-31" before "2024-12"
 * before "2024" — so that pair stands in for it.
 */
/**
 * The first real day on or after an ISO day text: the engine's windows compare day texts, and
 * one may start on "2023-02-29" (a leap day a year back), which as a date is "2023-03-01".
 */
export function dayOnOrAfter(day: string): string {
  if (!Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day)) return day;
  const [y, m] = day.split('-').map(Number);
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
}

export async function evidenceSummaries(db: Queryable, q: EvidenceSummaryQuery): Promise<{ matches: EvidenceMatchRow[]; listed: EvidenceListRow[] }> {
  const at = (n: number) => `$${q.countries ? n : n - 1}`;
  const params = (...rest: unknown[]) => (q.countries ? [q.asOf, q.countries, ...rest] : [q.asOf, ...rest]);
  // For some countries one index range per country, criterion and window (a lateral join per filter
  // or criterion); for all countries one pass over the table.
  const tags = (outer: string, cond: string) =>
    // OFFSET 0 keeps the planner from flattening the lateral subquery into one scan of all the countries' tags.
    q.countries ? `${outer} CROSS JOIN LATERAL (SELECT e.* FROM evidence_tags e WHERE e.country = ANY($2::text[]) AND ${cond} OFFSET 0) e` : `${outer} JOIN evidence_tags e ON ${cond}`;
  const matches = await db.query<EvidenceMatchRow>(
    `WITH f AS (
       SELECT * FROM jsonb_to_recordset(${at(3)}::jsonb) AS f(key text, criterion int, "minScore" float8, "fromDay" date, "cuesAny" text[])
     ), m AS (
       SELECT f.key, e.country, e.doc_id, e.idx, e.publisher, e.official,
         e.publisher IS NULL OR e.publisher ~ '^\\s*$' AS unnamed,
         row_number() OVER (PARTITION BY f.key, e.country ORDER BY e.date_from DESC, e.date_to, e.doc_id, e.idx) AS rn
       FROM ${tags('f', `e.criterion = f.criterion AND e.date_to >= f."fromDay" AND e.date_from <= $1::date AND e.score >= f."minScore"`)}
       WHERE (f."cuesAny" IS NULL OR EXISTS (
           SELECT 1 FROM passages p, jsonb_array_elements(p.criteria) AS t, jsonb_array_elements_text(t->'cues') AS cue, unnest(f."cuesAny") AS x
           WHERE p.doc_id = e.doc_id AND p.idx = e.idx AND (t->>'criterion')::int = e.criterion AND strpos(lower(cue), x) > 0))
     )
     SELECT key, country, count(*)::int AS count, bool_or(official) AS official,
       coalesce(array_agg(DISTINCT publisher) FILTER (WHERE NOT unnamed), '{}') AS publishers,
       (count(DISTINCT doc_id) FILTER (WHERE unnamed))::int AS "unnamedDocs",
       jsonb_agg(jsonb_build_object('docId', doc_id, 'passageIdx', idx, 'publisher', publisher, 'official', official) ORDER BY rn)
         FILTER (WHERE rn <= ${at(4)}::int) AS refs
     FROM m GROUP BY key, country`,
    params(JSON.stringify(q.filters.map((f) => ({ ...f, fromDay: dayOnOrAfter(f.fromDay) }))), q.refsPerFilter),
  );
  const listed = await db.query<EvidenceListRow>(
    `SELECT l.country, l.criterion, l.total::int AS total, l.doc_id AS "docId", l.idx AS "passageIdx", d.title AS "docTitle", d.publisher,
       d.source_type AS "sourceType", coalesce(d.doc_date, d.date_from::text) AS date, left(p.text, ${at(6)}::int) AS snippet,
       (SELECT jsonb_agg(t ORDER BY (t->>'criterion')::int) FROM jsonb_array_elements(p.criteria) t
        WHERE NOT t ? 'about' OR t->'about' ? l.country) AS criteria
     FROM (
       SELECT e.country, e.criterion, e.doc_id, e.idx, count(*) OVER w AS total,
         row_number() OVER (w ORDER BY e.date_to DESC NULLS LAST, e.score DESC, e.idx, e.date_from DESC NULLS LAST, e.date_to, e.doc_id) AS rn
       FROM ${tags(`unnest(${at(7)}::int[]) AS k(criterion)`, `e.criterion = k.criterion AND e.score >= ${at(3)}::float8
         AND (e.date_to IS NULL OR (e.date_to >= ${at(4)}::date AND e.date_from <= $1::date))`)}
       WINDOW w AS (PARTITION BY e.country, e.criterion)
     ) l
     JOIN passages p ON p.doc_id = l.doc_id AND p.idx = l.idx
     JOIN documents d ON d.id = l.doc_id
     WHERE l.rn <= ${at(5)}::int
     ORDER BY l.country, l.criterion, l.rn`,
    params(q.list.minScore, dayOnOrAfter(q.list.fromDay), q.list.max, q.snippetChars ?? 300, q.list.criteria),
  );
  return { matches: matches.rows, listed: listed.rows };
}

/** Countries by how many evidence tags they have, most first (benchmarks pick the most-reported). */
export async function evidenceCountsByCountry(db: Queryable, limit: number): Promise<Array<{ country: string; tags: number }>> {
  const r = await db.query<{ country: string; tags: number }>(
    'SELECT country, count(*)::int AS tags FROM evidence_tags GROUP BY country ORDER BY count(*) DESC, country LIMIT $1',
    [limit],
  );
  return r.rows;
}
