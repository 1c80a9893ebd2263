/**
 * The as-of and precedence rule of `core/as-of.ts` in SQL, and the one query every reader of
 * indicator values on a day goes through (assessment facts, brief values, neighbours' figures, the web
 * country page). `as-of.test.ts` holds the SQL to the TypeScript rule row by row.
 */
import type { Queryable } from './db.js';
import { BRIEF_SOURCE_PREFIX } from '../core/as-of.js';

/**
 * `countsOn` as a condition on `indicator_values v LEFT JOIN documents d ON d.id = v.source_doc_id`,
 * with the as-of day in parameter `asOf` (a `$n`).
 */
export function countsOnSql(asOf: string): string {
  const year = `extract(year FROM ${asOf}::date)::int`;
  return `(v.year <= ${year} AND (v.value_date IS NULL OR v.value_date <= ${asOf}::date) AND CASE
      WHEN starts_with(v.source_id, '${BRIEF_SOURCE_PREFIX}') THEN d.date_from IS NULL OR d.date_from <= ${asOf}::date
      WHEN v.value_date IS NOT NULL THEN true
      ELSE v.year < ${year} END)`;
}

/** `sourceRank` as an ORDER BY list, the priority (text[]) in parameter `priority`. */
export function sourceRankSql(priority: string): string {
  return `starts_with(v.source_id, '${BRIEF_SOURCE_PREFIX}'), coalesce(array_position(${priority}::text[], v.source_id), 1000), v.source_id`;
}

export interface AsOfValueRow {
  entity: string;
  country: string | null;
  indicator: string;
  year: number;
  value: number | null;
  valueText: string | null;
  unit: string;
  partnerKey: string;
  partnerName: string | null;
  note: string | null;
  sourceId: string;
  sourceFile: string;
  publisher: string;
  table: string | null;
  /** The exact day the value became true (a treaty's ratification), when the dataset gives it. */
  date: string | null;
}

export interface AsOfQuery {
  asOf: string;
  /** Entity keys (ISO codes for states); null: every country. */
  entities: string[] | null;
  /** Indicator ids; null: all. */
  indicators: string[] | null;
  /** Country totals only ('none'), partner values only ('only'), or both. */
  partners: 'none' | 'only' | 'all';
  /** Public datasets only (no values read from briefs). */
  datasetsOnly?: boolean;
  /** When given, one source per (entity, indicator, partner) series, ranked by `sourceRank`. */
  oneSourceBy?: string[];
  /** Newest year first, then the latest import (readers that take the first per key). */
  newestFirst?: boolean;
  /**
   * Only what a reader of values needs (the assessment, over every country): no partner, note or
   * source table (null), fewer columns to carry for a few hundred thousand rows.
   */
  lean?: boolean;
}

/** Every value that counts on the day, under the one as-of and precedence rule. */
export async function valuesAsOf(db: Queryable, q: AsOfQuery): Promise<AsOfValueRow[]> {
  if (q.entities?.length === 0 || q.indicators?.length === 0) return [];
  // A country's entity key is its code; filtering on it (and on the indicators as such, not through an
  // OR with a parameter) uses the primary key instead of a full scan.
  const who = q.entities ? 'v.entity_key = ANY($1::text[])' : 'v.country_code IS NOT NULL AND $1::text[] IS NULL';
  const partner = q.partners === 'none' ? "AND v.partner_key = ''" : q.partners === 'only' ? "AND v.partner_key <> ''" : '';
  const series = q.oneSourceBy
    ? `, first_value(v.source_id) OVER (PARTITION BY v.entity_key, v.indicator_id, v.partner_key ORDER BY ${sourceRankSql('$4')}) AS series_source`
    : '';
  const columns = ['entity', 'indicator', 'year', 'value', '"valueText"', 'unit', '"sourceId"', '"sourceFile"', 'publisher', 'date', '"partnerKey"']
    .concat(q.lean ? [] : ['country', '"partnerName"', 'note', '"table"']).join(', ');
  const r = await db.query<AsOfValueRow>(
    `SELECT ${columns} FROM (
       SELECT v.entity_key AS entity, v.indicator_id AS indicator, v.year, v.value::float8 AS value, v.value_text AS "valueText", v.unit,
         v.source_id AS "sourceId", v.source_file AS "sourceFile", v.publisher, v.value_date::text AS date, v.partner_key AS "partnerKey"
         ${q.lean ? '' : ', v.country_code AS country, v.partner_name AS "partnerName", v.note, v.source_table AS "table"'}
         ${q.newestFirst ? ', v.imported_at' : ''} ${series}
       FROM indicator_values v
       LEFT JOIN documents d ON d.id = v.source_doc_id
       WHERE ${who} AND ${q.indicators ? 'v.indicator_id = ANY($2::text[])' : '$2::text[] IS NULL'} ${partner}
         ${q.datasetsOnly ? `AND NOT starts_with(v.source_id, '${BRIEF_SOURCE_PREFIX}')` : ''}
         AND ${countsOnSql('$3')}
     ) x ${q.oneSourceBy ? 'WHERE "sourceId" = series_source' : 'WHERE $4::text[] IS NULL'}
     ORDER BY entity, indicator, ${q.newestFirst ? 'year DESC, x.imported_at DESC' : '"partnerKey", year, "sourceId"'}`,
    [q.entities, q.indicators, q.asOf, q.oneSourceBy ?? null],
  );
  if (q.lean) for (const row of r.rows) Object.assign(row, { country: row.entity, partnerName: null, note: null, table: null });
  return r.rows;
}
