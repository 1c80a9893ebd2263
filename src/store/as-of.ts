/**
 * The as-of and precedence rule of `core/as-of.ts` in SQL, and the one query every reader of
 * indicator values on a day goes through (assessment facts, brief values, neighbours' figures, the web
 * country page). `as-of.test.ts` holds the SQL to the TypeScript rule row by row.
 */
import type { Queryable } from './db.js';
import { BRIEF_SOURCE_PREFIX } from '../core/as-of.js';

/**
 * `countsOn` as a condition on `indicator_values v`, with the as-of day in parameter `asOf` (a `$n`).
 * A brief's date is looked up only for values read from a brief (no join: a join's row estimate
 * made the planner loop over the documents for every value).
 */
export function countsOnSql(asOf: string): string {
  const year = `extract(year FROM ${asOf}::date)::int`;
  return `(v.year <= ${year} AND (v.value_date IS NULL OR v.value_date <= ${asOf}::date) AND CASE
      WHEN starts_with(v.source_id, '${BRIEF_SOURCE_PREFIX}') THEN coalesce((SELECT d.date_from FROM documents d WHERE d.id = v.source_doc_id) <= ${asOf}::date, true)
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

/** Output columns: always the value and where it comes from; `only`: just for that kind of reader. */
const COLUMNS: Record<keyof AsOfValueRow, { sql: string; only?: 'values' | 'provenance' }> = {
  entity: { sql: 'v.entity_key' },
  country: { sql: 'v.country_code' },
  indicator: { sql: 'v.indicator_id' },
  year: { sql: 'v.year' },
  value: { sql: 'v.value::float8' },
  valueText: { sql: 'v.value_text' },
  unit: { sql: 'v.unit', only: 'values' },
  partnerKey: { sql: 'v.partner_key' },
  partnerName: { sql: 'v.partner_name', only: 'provenance' },
  note: { sql: 'v.note', only: 'provenance' },
  sourceId: { sql: 'v.source_id' },
  sourceFile: { sql: 'v.source_file', only: 'values' },
  publisher: { sql: 'v.publisher', only: 'values' },
  table: { sql: 'v.source_table', only: 'provenance' },
  date: { sql: 'v.value_date::text' },
};

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
   * The columns a reader needs (the others come back null): `values` for the assessment (no partner
   * name, note or table), `provenance` for a brief (no unit, file or publisher). Fewer columns are
   * fewer bytes to carry for a few hundred thousand rows. Default: all.
   */
  fields?: 'values' | 'provenance' | 'all';
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
  const wanted = (Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>).filter((k) => q.fields === undefined || q.fields === 'all' || !COLUMNS[k].only || COLUMNS[k].only === q.fields);
  const columns = wanted.map((k) => `${COLUMNS[k].sql} AS "${k}"`).join(', ');
  const r = await db.query<AsOfValueRow>(
    `SELECT ${wanted.map((k) => `"${k}"`).join(', ')} FROM (
       SELECT ${columns}, v.source_id AS source_id ${q.newestFirst ? ', v.imported_at' : ''} ${series}
       FROM indicator_values v
       WHERE ${who} AND ${q.indicators ? 'v.indicator_id = ANY($2::text[])' : '$2::text[] IS NULL'} ${partner}
         ${q.datasetsOnly ? `AND NOT starts_with(v.source_id, '${BRIEF_SOURCE_PREFIX}')` : ''}
         AND ${countsOnSql('$3')}
     ) x ${q.oneSourceBy ? 'WHERE source_id = series_source' : 'WHERE $4::text[] IS NULL'}
     ORDER BY entity, indicator, ${q.newestFirst ? 'year DESC, x.imported_at DESC' : '"partnerKey", year, source_id'}`,
    [q.entities, q.indicators, q.asOf, q.oneSourceBy ?? null],
  );
  const absent = (Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>).filter((k) => !wanted.includes(k));
  if (absent.length) {
    const fill = Object.fromEntries(absent.map((k) => [k, null]));
    for (const row of r.rows) Object.assign(row, fill);
  }
  return r.rows;
}
