/**
 * SQL for country briefs: a country's indicator values with provenance (all partners), the documents
 * those values and the evidence come from, and whether a stored assessment is still current.
 */
import type { Queryable } from './db.js';

export interface BriefValueRow {
  indicator: string;
  year: number;
  value: number | null;
  valueText: string | null;
  partnerKey: string;
  partnerName: string | null;
  note: string | null;
  sourceId: string;
  table: string | null;
  /** The exact day the value became true (a treaty's ratification), when the dataset gives it. */
  date: string | null;
}

/**
 * Every value of the country (entity key = ISO code) for the named indicators (all when null), data
 * years up to `maxYear`. Values read from a brief count only when the brief is dated up to `asOf` (or
 * undated), as in the assessment.
 */
export async function briefIndicatorValues(
  db: Queryable,
  q: { country: string; maxYear: number; asOf: string; indicators?: string[] | null },
): Promise<BriefValueRow[]> {
  const r = await db.query<BriefValueRow>(
    `SELECT v.indicator_id AS indicator, v.year, v.value, v.value_text AS "valueText", v.partner_key AS "partnerKey",
       v.partner_name AS "partnerName", v.note, v.source_id AS "sourceId", v.source_table AS "table", v.value_date::text AS date
     FROM indicator_values v
     LEFT JOIN documents d ON d.id = v.source_doc_id
     WHERE v.entity_key = $1 AND v.year <= $2
       AND ($4::text[] IS NULL OR v.indicator_id = ANY($4::text[]))
       AND (v.source_doc_id IS NULL OR d.date_from IS NULL OR d.date_from <= $3::date)
     ORDER BY v.indicator_id, v.partner_key, v.year, v.source_id`,
    [q.country, q.maxYear, q.asOf, q.indicators ?? null],
  );
  return r.rows.map((x) => ({ ...x, value: x.value === null ? null : Number(x.value) }));
}

export interface BriefDocumentRow {
  id: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  source: string;
  /** Countries the document is mainly about (extraction). */
  primaryCountries: string[];
}

export async function briefDocuments(db: Queryable, ids: string[]): Promise<BriefDocumentRow[]> {
  if (ids.length === 0) return [];
  const r = await db.query<BriefDocumentRow>(
    `SELECT id, title, publisher, coalesce(doc_date, date_from::text) AS date, source, primary_countries AS "primaryCountries" FROM documents WHERE id = ANY($1::text[])`,
    [ids],
  );
  return r.rows;
}

/**
 * True when the stored assessment was computed after the last change to what it reads: finished
 * imports, ingested documents, overrides set or removed.
 */
export async function assessmentIsCurrent(db: Queryable, assessmentId: number): Promise<boolean> {
  const r = await db.query<{ current: boolean }>(
    `SELECT a.computed_at >= greatest(
       (SELECT max(coalesce(finished_at, started_at)) FROM import_runs),
       (SELECT max(ingested_at) FROM documents),
       (SELECT max(greatest(created_at, coalesce(removed_at, created_at))) FROM assessment_overrides WHERE country = a.country)
     ) IS NOT FALSE AS current
     FROM assessments a WHERE a.id = $1`,
    [assessmentId],
  );
  return r.rows[0]?.current ?? false;
}

export interface BriefPassageRow {
  docId: string;
  idx: number;
  lang: string;
  text: string;
}

/** Whole texts and languages of the passages a brief quotes ("docId#idx" references). */
export async function briefPassages(db: Queryable, refs: Array<{ docId: string; idx: number }>): Promise<BriefPassageRow[]> {
  if (refs.length === 0) return [];
  const r = await db.query<BriefPassageRow>(
    `SELECT p.doc_id AS "docId", p.idx, p.lang, p.text
     FROM passages p JOIN unnest($1::text[], $2::int[]) AS q(doc_id, idx) ON p.doc_id = q.doc_id AND p.idx = q.idx`,
    [refs.map((x) => x.docId), refs.map((x) => x.idx)],
  );
  return r.rows;
}

/** True when extraction tagged any passage with a country (then an untagged passage names none). */
export async function passagesAreTagged(db: Queryable): Promise<boolean> {
  const r = await db.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM passages WHERE countries <> '{}'::text[]) AS found`);
  return r.rows[0]?.found ?? false;
}

/** Values of several countries for a few indicators (neighbours' military spending), datasets only. */
export async function datasetValuesOf(db: Queryable, q: { countries: string[]; indicators: string[]; maxYear: number }): Promise<Array<BriefValueRow & { country: string }>> {
  if (q.countries.length === 0) return [];
  const r = await db.query<BriefValueRow & { country: string }>(
    `SELECT v.entity_key AS country, v.indicator_id AS indicator, v.year, v.value, v.value_text AS "valueText", v.partner_key AS "partnerKey",
       v.partner_name AS "partnerName", v.note, v.source_id AS "sourceId", v.source_table AS "table", v.value_date::text AS date
     FROM indicator_values v
     WHERE v.entity_key = ANY($1::text[]) AND v.indicator_id = ANY($2::text[]) AND v.year <= $3 AND v.source_doc_id IS NULL AND v.partner_key = ''
     ORDER BY v.entity_key, v.indicator_id, v.year`,
    [q.countries, q.indicators, q.maxYear],
  );
  return r.rows.map((x) => ({ ...x, value: x.value === null ? null : Number(x.value) }));
}
