/**
 * Evidence for the assessment: passages tagged with a criterion whose evidence is about a country
 * (the passage's `about` states: named where the criterion's cues are, see extract/about.ts), with
 * the document's title, publisher, source type and date. A passage counts for a country only with
 * the criteria about it: "So modernisiert Kasachstan … T-72" in a passage that also names Ukraine
 * is not Ukraine's evidence. Documents dated after the as-of day are left out; undated ones stay in
 * (the engine lists them but never counts them).
 */
import type { Queryable } from './db.js';
import type { EvidenceFact } from '../core/types.js';

/** An evidence passage as the assessment reads it, plus the country it was found for. */
export interface EvidenceRow extends EvidenceFact {
  country: string;
}

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
