/**
 * SQL for country briefs: a country's indicator values with provenance (all partners), the documents
 * those values and the evidence come from, and whether a stored assessment is still current.
 */
import type { Queryable } from './db.js';
import { valuesAsOf, type AsOfValueRow } from './as-of.js';

export type BriefValueRow = Pick<AsOfValueRow, 'indicator' | 'year' | 'value' | 'valueText' | 'partnerKey' | 'partnerName' | 'note' | 'sourceId' | 'table' | 'date'>;

const briefRow = (v: AsOfValueRow): BriefValueRow => ({
  indicator: v.indicator, year: v.year, value: v.value, valueText: v.valueText, partnerKey: v.partnerKey,
  partnerName: v.partnerName, note: v.note, sourceId: v.sourceId, table: v.table, date: v.date,
});

/**
 * Every value of the country (entity key = ISO code) for the named indicators (all when null), all
 * partners, that counts on the as-of day: the assessment's rule (`core/as-of.ts`), so a brief never
 * shows a year its ratings cannot read.
 */
export async function briefIndicatorValues(
  db: Queryable,
  q: { country: string; asOf: string; indicators?: string[] | null },
): Promise<BriefValueRow[]> {
  const rows = await valuesAsOf(db, { asOf: q.asOf, entities: [q.country], indicators: q.indicators ?? null, partners: 'all', fields: 'provenance' });
  return rows.map(briefRow);
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

/** Values of several countries for a few indicators (neighbours' military spending), datasets only, as of the day. */
export async function datasetValuesOf(db: Queryable, q: { countries: string[]; indicators: string[]; asOf: string }): Promise<Array<BriefValueRow & { country: string }>> {
  const rows = await valuesAsOf(db, { asOf: q.asOf, entities: q.countries, indicators: q.indicators, partners: 'none', datasetsOnly: true, fields: 'provenance' });
  return rows.map((v) => ({ ...briefRow(v), country: v.entity }));
}
