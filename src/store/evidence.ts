/**
 * Evidence for the assessment: passages tagged with a criterion that are about a country — the
 * passage mentions it, or its document has it as the primary country — with the document's
 * title, publisher, source type and date. Documents dated after the as-of day are left out;
 * undated ones stay in (the engine lists them but never counts them).
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
  // Two shapes rather than "$1 IS NULL OR …", so the one-country query uses the GIN indexes.
  const only = q.countries ? (column: string) => `AND ${column} && $3::text[]` : () => '';
  const keep = q.countries ? 'WHERE c.country = ANY($3::text[])' : '';
  const r = await db.query<EvidenceRow>(
    `WITH about AS (
       SELECT p.doc_id, p.idx, c.country
       FROM passages p CROSS JOIN LATERAL unnest(p.countries) AS c(country)
       WHERE p.criteria <> '[]'::jsonb ${only('p.countries')}
       UNION
       SELECT p.doc_id, p.idx, c.country
       FROM (SELECT id, primary_countries FROM documents WHERE primary_countries <> '{}' ${only('primary_countries')}) d
       CROSS JOIN LATERAL unnest(d.primary_countries) AS c(country)
       JOIN passages p ON p.doc_id = d.id AND p.criteria <> '[]'::jsonb
     )
     SELECT a.country, a.doc_id AS "docId", a.idx AS "passageIdx", d.title AS "docTitle", d.publisher,
       d.source_type AS "sourceType", coalesce(d.doc_date, d.date_from::text) AS date,
       left(p.text, $2) AS snippet, p.criteria
     FROM (SELECT * FROM about c ${keep}) a
     JOIN documents d ON d.id = a.doc_id
     JOIN passages p ON p.doc_id = a.doc_id AND p.idx = a.idx
     WHERE d.date_from IS NULL OR d.date_from <= $1::date
     ORDER BY a.country, date DESC NULLS LAST, a.doc_id, a.idx`,
    q.countries ? [q.asOf, q.snippetChars ?? 300, q.countries] : [q.asOf, q.snippetChars ?? 300],
  );
  return r.rows;
}
