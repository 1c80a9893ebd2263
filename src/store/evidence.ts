/**
 * Evidence for the assessment: passages tagged with a criterion that are about a country — the
 * passage mentions it, or its document has it as the primary country — with the document's
 * title, publisher, source type and date. Documents dated after the as-of day are left out;
 * undated ones stay in (the engine lists them but never counts them).
 */
import type { Queryable } from './db.js';
import type { EvidenceFact } from '../assess/types.js';

/** An evidence passage as the assessment reads it, plus the country it was found for. */
export interface EvidenceRow extends EvidenceFact {
  country: string;
}

export async function evidenceFor(
  db: Queryable,
  q: { asOf: string; countries?: string[] | null; snippetChars?: number },
): Promise<EvidenceRow[]> {
  const r = await db.query<EvidenceRow>(
    `WITH about AS (
       SELECT pc.doc_id, pc.idx, pc.country FROM passage_countries pc
       WHERE $1::text[] IS NULL OR pc.country = ANY($1::text[])
       UNION
       SELECT p.doc_id, p.idx, dc.country FROM document_countries dc JOIN passages p ON p.doc_id = dc.doc_id
       WHERE dc.is_primary AND ($1::text[] IS NULL OR dc.country = ANY($1::text[]))
     )
     SELECT a.country, a.doc_id AS "docId", a.idx AS "passageIdx", d.title AS "docTitle", d.publisher,
       d.source_type AS "sourceType", coalesce(d.doc_date, d.date_from::text) AS date,
       left(p.text, $3) AS snippet, t.criteria
     FROM about a
     JOIN documents d ON d.id = a.doc_id
     JOIN passages p ON p.doc_id = a.doc_id AND p.idx = a.idx
     CROSS JOIN LATERAL (
       SELECT json_agg(json_build_object('criterion', c.criterion, 'score', c.score, 'cues', c.cues) ORDER BY c.criterion) AS criteria
       FROM passage_criteria c WHERE c.doc_id = a.doc_id AND c.idx = a.idx
     ) t
     WHERE t.criteria IS NOT NULL AND (d.date_from IS NULL OR d.date_from <= $2::date)
     ORDER BY a.country, date DESC NULLS LAST, a.doc_id, a.idx`,
    [q.countries ?? null, q.asOf, q.snippetChars ?? 300],
  );
  return r.rows.map((row) => ({ ...row, criteria: row.criteria.map((c) => ({ ...c, score: Number(c.score) })) }));
}
