/**
 * Indicator values, their history, import runs, SIPRI deal rows and external assessments.
 * The only module that speaks SQL about indicators. Writes take a Queryable so callers can wrap one
 * file's import in a transaction: a file that fails leaves nothing half-written.
 */
import type { Queryable } from './db.js';
import type { ArmsDeal } from '../core/types.js';
import { sourceRankSql } from './as-of.js';

/** One value ready to store: the entity is resolved, unit and provenance are known. */
export interface IndicatorValueInput {
  indicatorId: string;
  entityKey: string;
  countryCode: string | null;
  entityName: string;
  entityKind: string;
  partnerKey?: string;
  partnerName?: string | null;
  year: number;
  value: number | null;
  valueText: string | null;
  unit: string;
  note?: string | null;
  sheet?: string | null;
  row?: number | null;
  /** Table or box of a brief ("Tabelle 5"). */
  table?: string | null;
  /** Exact day the value became true (YYYY-MM-DD), where the dataset dates it. */
  date?: string | null;
}

export interface ValueBatch {
  /** Dataset id ('sipri-milex') or 'doc:<documentId>' for values read from a brief. */
  sourceId: string;
  publisher: string;
  /** File base name, or the document's title/source for briefs. */
  sourceFile: string;
  sourceDocId?: string | null;
  runId: number | null;
  values: IndicatorValueInput[];
}

export interface UpsertCounts {
  inserted: number;
  /** Value changed: updated and the old value written to the history. */
  changed: number;
  /** Same value, provenance refreshed (e.g. same figure in a newer file). */
  refreshed: number;
  unchanged: number;
}

export interface StoredIndicatorValue {
  indicatorId: string;
  entityKey: string;
  countryCode: string | null;
  entityName: string;
  entityKind: string;
  partnerKey: string;
  partnerName: string | null;
  year: number;
  sourceId: string;
  value: number | null;
  valueText: string | null;
  unit: string;
  note: string | null;
  publisher: string;
  sourceFile: string;
  sourceSheet: string | null;
  sourceRow: number | null;
  sourceDocId: string | null;
  sourceTable: string | null;
  /** Exact day the value became true (YYYY-MM-DD), or null when only the year is known. */
  date: string | null;
  importedAt: string;
}

const CHUNK = 20_000;

export async function startImportRun(db: Queryable): Promise<number> {
  const r = await db.query<{ id: number }>('INSERT INTO import_runs DEFAULT VALUES RETURNING id');
  return Number(r.rows[0].id);
}

export async function finishImportRun(db: Queryable, runId: number, report: unknown): Promise<void> {
  await db.query('UPDATE import_runs SET finished_at = now(), report = $2::jsonb WHERE id = $1', [runId, JSON.stringify(report)]);
}

/**
 * Inserts new values, updates changed ones (old value into indicator_value_history) and leaves equal
 * ones untouched, so re-importing the same file changes nothing. Keys must be unique within a batch.
 */
export async function upsertIndicatorValues(db: Queryable, batch: ValueBatch): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, changed: 0, refreshed: 0, unchanged: 0 };
  // No stored value of this source for these indicators: nothing to compare with or conflict with (keys include
  // the indicator), so a plain insert, several times faster on the embedded store.
  const indicatorIds = [...new Set(batch.values.map((v) => v.indicatorId))];
  const fresh = (await db.query('SELECT 1 FROM indicator_values WHERE source_id = $1 AND indicator_id = ANY($2::text[]) LIMIT 1', [batch.sourceId, indicatorIds])).rows.length === 0;
  for (let i = 0; i < batch.values.length; i += CHUNK) {
    const chunk = batch.values.slice(i, i + CHUNK);
    // Column arrays + unnest: about twice as fast as jsonb_to_recordset on the embedded store.
    const cols = [
      chunk.map((v) => v.indicatorId), chunk.map((v) => v.entityKey), chunk.map((v) => v.countryCode),
      chunk.map((v) => v.entityName), chunk.map((v) => v.entityKind), chunk.map((v) => v.partnerKey ?? ''),
      chunk.map((v) => v.partnerName ?? null), chunk.map((v) => v.year), chunk.map((v) => v.value),
      chunk.map((v) => v.valueText), chunk.map((v) => v.unit), chunk.map((v) => v.note ?? null),
      chunk.map((v) => v.sheet ?? null), chunk.map((v) => v.row ?? null), chunk.map((v) => v.table ?? null),
      chunk.map((v) => v.date ?? null),
    ];
    if (fresh) {
      await db.query(
        `INSERT INTO indicator_values (indicator_id, entity_key, country_code, entity_name, entity_kind, partner_key, partner_name,
           year, source_id, value, value_text, unit, note, publisher, source_file, source_sheet, source_row, source_doc_id,
           source_table, import_run_id, value_date)
         SELECT indicator_id, entity_key, country_code, entity_name, entity_kind, partner_key, partner_name, year, $1, value,
                value_text, unit, note, $2, $3, source_sheet, source_row, $4, source_table, $5, value_date
         FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[],
           $14::numeric[], $15::text[], $16::text[], $17::text[], $18::text[], $19::int[], $20::text[], $21::date[])
           AS t(indicator_id, entity_key, country_code, entity_name, entity_kind, partner_key, partner_name, year, value,
                value_text, unit, note, source_sheet, source_row, source_table, value_date)`,
        [batch.sourceId, batch.publisher, batch.sourceFile, batch.sourceDocId ?? null, batch.runId, ...cols],
      );
      counts.inserted += chunk.length;
      continue;
    }
    const r = await db.query<{ inserted: number; changed: number; touched: number }>(
      `WITH incoming AS MATERIALIZED (
         SELECT * FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[],
           $14::numeric[], $15::text[], $16::text[], $17::text[], $18::text[], $19::int[], $20::text[], $21::date[])
           AS t(indicator_id, entity_key, country_code, entity_name, entity_kind, partner_key, partner_name, year, value,
                value_text, unit, note, source_sheet, source_row, source_table, value_date)
       ),
       changed AS (
         SELECT i.indicator_id, i.entity_key, i.partner_key, i.year, v.value AS old_value, v.value_text AS old_value_text,
                v.source_file AS old_source_file, v.imported_at AS old_imported_at, i.value AS new_value, i.value_text AS new_value_text,
                v.value_date AS old_value_date, i.value_date AS new_value_date
         FROM incoming i
         JOIN indicator_values v ON v.indicator_id = i.indicator_id AND v.entity_key = i.entity_key
           AND v.partner_key = i.partner_key AND v.year = i.year AND v.source_id = $1
         WHERE v.value IS DISTINCT FROM i.value OR v.value_text IS DISTINCT FROM i.value_text OR v.value_date IS DISTINCT FROM i.value_date
       ),
       hist AS (
         INSERT INTO indicator_value_history (indicator_id, entity_key, partner_key, year, source_id, old_value, old_value_text,
           old_source_file, old_imported_at, new_value, new_value_text, new_source_file, import_run_id, old_value_date, new_value_date)
         SELECT indicator_id, entity_key, partner_key, year, $1, old_value, old_value_text, old_source_file, old_imported_at,
                new_value, new_value_text, $3, $5, old_value_date, new_value_date
         FROM changed
         RETURNING 1
       ),
       up AS (
         INSERT INTO indicator_values AS v (indicator_id, entity_key, country_code, entity_name, entity_kind, partner_key, partner_name,
           year, source_id, value, value_text, unit, note, publisher, source_file, source_sheet, source_row, source_doc_id,
           source_table, import_run_id, value_date)
         SELECT indicator_id, entity_key, country_code, entity_name, entity_kind, partner_key, partner_name, year, $1, value,
                value_text, unit, note, $2, $3, source_sheet, source_row, $4, source_table, $5, value_date
         FROM incoming
         ON CONFLICT (entity_key, indicator_id, partner_key, year, source_id) DO UPDATE SET
           country_code = EXCLUDED.country_code, entity_name = EXCLUDED.entity_name, entity_kind = EXCLUDED.entity_kind,
           partner_name = EXCLUDED.partner_name, value = EXCLUDED.value, value_text = EXCLUDED.value_text, unit = EXCLUDED.unit,
           note = EXCLUDED.note, publisher = EXCLUDED.publisher, source_file = EXCLUDED.source_file,
           source_sheet = EXCLUDED.source_sheet, source_row = EXCLUDED.source_row, source_doc_id = EXCLUDED.source_doc_id,
           source_table = EXCLUDED.source_table, import_run_id = EXCLUDED.import_run_id, value_date = EXCLUDED.value_date, imported_at = now()
         WHERE (v.country_code, v.entity_name, v.entity_kind, v.partner_name, v.value, v.value_text, v.unit, v.note, v.publisher,
                v.source_file, v.source_sheet, v.source_row, v.source_doc_id, v.source_table, v.value_date)
           IS DISTINCT FROM
               (EXCLUDED.country_code, EXCLUDED.entity_name, EXCLUDED.entity_kind, EXCLUDED.partner_name, EXCLUDED.value,
                EXCLUDED.value_text, EXCLUDED.unit, EXCLUDED.note, EXCLUDED.publisher, EXCLUDED.source_file, EXCLUDED.source_sheet,
                EXCLUDED.source_row, EXCLUDED.source_doc_id, EXCLUDED.source_table, EXCLUDED.value_date)
         RETURNING (xmax = 0) AS inserted
       )
       SELECT (SELECT count(*) FROM up WHERE inserted)::int AS inserted,
              (SELECT count(*) FROM hist)::int AS changed,
              (SELECT count(*) FROM up)::int AS touched`,
      [batch.sourceId, batch.publisher, batch.sourceFile, batch.sourceDocId ?? null, batch.runId, ...cols],
    );
    const { inserted, changed, touched } = r.rows[0];
    counts.inserted += inserted;
    counts.changed += changed;
    counts.refreshed += touched - inserted - changed;
    counts.unchanged += chunk.length - touched;
  }
  return counts;
}

/** A SIPRI deal row with its supplier and recipient resolved to entity keys (null: not a country). */
export interface ArmsDealInput extends Omit<ArmsDeal, 'supplier' | 'recipient'> {
  supplierName: string;
  supplierKey: string | null;
  recipientName: string;
  recipientKey: string | null;
}

/** Upserts SIPRI deal rows by (SIPRI id, delivery year); rows that did not change are not written. */
export async function upsertArmsDeals(db: Queryable, sourceFile: string, runId: number | null, deals: ArmsDealInput[]): Promise<{ written: number }> {
  let written = 0;
  const empty = (await db.query('SELECT 1 FROM arms_transfer_deals LIMIT 1')).rows.length === 0;
  for (let i = 0; i < deals.length; i += CHUNK) {
    const chunk = deals.slice(i, i + CHUNK).map((d) => ({
      sipri_id: d.sipriId, delivery_year: d.deliveryYear, supplier_name: d.supplierName, supplier_key: d.supplierKey,
      recipient_name: d.recipientName, recipient_key: d.recipientKey, designation: d.designation, description: d.description,
      category: d.category, order_year: d.orderYear, order_year_estimated: d.orderYearEstimated, number_delivered: d.numberDelivered,
      number_delivered_estimated: d.numberDeliveredEstimated, delivery_year_estimated: d.deliveryYearEstimated, status: d.status,
      tiv_deal_unit: d.tivDealUnit, tiv_delivered: d.tivDelivered, local_production: d.localProduction, source_row: d.row,
    }));
    const cols = [
      chunk.map((d) => d.sipri_id), chunk.map((d) => d.delivery_year), chunk.map((d) => d.supplier_name), chunk.map((d) => d.supplier_key),
      chunk.map((d) => d.recipient_name), chunk.map((d) => d.recipient_key), chunk.map((d) => d.designation), chunk.map((d) => d.description),
      chunk.map((d) => d.category), chunk.map((d) => d.order_year), chunk.map((d) => d.order_year_estimated), chunk.map((d) => d.number_delivered),
      chunk.map((d) => d.number_delivered_estimated), chunk.map((d) => d.delivery_year_estimated), chunk.map((d) => d.status),
      chunk.map((d) => d.tiv_deal_unit), chunk.map((d) => d.tiv_delivered), chunk.map((d) => d.local_production), chunk.map((d) => d.source_row),
    ];
    if (empty) {
      // First import: a plain column-array insert instead of the comparing upsert.
      await db.query(
        `INSERT INTO arms_transfer_deals (sipri_id, delivery_year, supplier_name, supplier_key, recipient_name, recipient_key, designation,
           description, category, order_year, order_year_estimated, number_delivered, number_delivered_estimated, delivery_year_estimated,
           status, tiv_deal_unit, tiv_delivered, local_production, source_row, source_file, import_run_id)
         SELECT *, $20, $21::bigint FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
           $9::text[], $10::int[], $11::boolean[], $12::numeric[], $13::boolean[], $14::boolean[], $15::text[], $16::numeric[], $17::numeric[],
           $18::boolean[], $19::int[])`,
        [...cols, sourceFile, runId],
      );
      written += chunk.length;
      continue;
    }
    const r = await db.query<{ n: number }>(
      `WITH up AS (
         INSERT INTO arms_transfer_deals AS d (sipri_id, delivery_year, supplier_name, supplier_key, recipient_name, recipient_key,
           designation, description, category, order_year, order_year_estimated, number_delivered, number_delivered_estimated,
           delivery_year_estimated, status, tiv_deal_unit, tiv_delivered, local_production, source_file, source_row, import_run_id)
         SELECT sipri_id, delivery_year, supplier_name, supplier_key, recipient_name, recipient_key, designation, description, category,
                order_year, order_year_estimated, number_delivered, number_delivered_estimated, delivery_year_estimated, status,
                tiv_deal_unit, tiv_delivered, local_production, $2, source_row, $3
         FROM jsonb_to_recordset($1::jsonb) AS t(sipri_id text, delivery_year int, supplier_name text, supplier_key text,
           recipient_name text, recipient_key text, designation text, description text, category text, order_year int,
           order_year_estimated boolean, number_delivered numeric, number_delivered_estimated boolean,
           delivery_year_estimated boolean, status text, tiv_deal_unit numeric, tiv_delivered numeric, local_production boolean,
           source_row int)
         ON CONFLICT (sipri_id, delivery_year) DO UPDATE SET
           supplier_name = EXCLUDED.supplier_name, supplier_key = EXCLUDED.supplier_key, recipient_name = EXCLUDED.recipient_name,
           recipient_key = EXCLUDED.recipient_key, designation = EXCLUDED.designation, description = EXCLUDED.description,
           category = EXCLUDED.category, order_year = EXCLUDED.order_year, order_year_estimated = EXCLUDED.order_year_estimated,
           number_delivered = EXCLUDED.number_delivered, number_delivered_estimated = EXCLUDED.number_delivered_estimated,
           delivery_year_estimated = EXCLUDED.delivery_year_estimated, status = EXCLUDED.status,
           tiv_deal_unit = EXCLUDED.tiv_deal_unit, tiv_delivered = EXCLUDED.tiv_delivered,
           local_production = EXCLUDED.local_production, source_file = EXCLUDED.source_file, source_row = EXCLUDED.source_row,
           import_run_id = EXCLUDED.import_run_id, imported_at = now()
         WHERE (d.supplier_name, d.supplier_key, d.recipient_name, d.recipient_key, d.designation, d.description, d.category,
                d.order_year, d.order_year_estimated, d.number_delivered, d.number_delivered_estimated, d.delivery_year_estimated,
                d.status, d.tiv_deal_unit, d.tiv_delivered, d.local_production, d.source_file, d.source_row)
           IS DISTINCT FROM
               (EXCLUDED.supplier_name, EXCLUDED.supplier_key, EXCLUDED.recipient_name, EXCLUDED.recipient_key, EXCLUDED.designation,
                EXCLUDED.description, EXCLUDED.category, EXCLUDED.order_year, EXCLUDED.order_year_estimated, EXCLUDED.number_delivered,
                EXCLUDED.number_delivered_estimated, EXCLUDED.delivery_year_estimated, EXCLUDED.status, EXCLUDED.tiv_deal_unit,
                EXCLUDED.tiv_delivered, EXCLUDED.local_production, EXCLUDED.source_file, EXCLUDED.source_row)
         RETURNING 1
       ) SELECT count(*)::int AS n FROM up`,
      [JSON.stringify(chunk), sourceFile, runId],
    );
    written += r.rows[0].n;
  }
  return { written };
}

export async function recordImportedFile(
  db: Queryable,
  f: { sourceId: string; sourceFile: string; contentHash: string; runId: number | null; valueCount: number },
): Promise<void> {
  await db.query(
    `INSERT INTO import_files (source_id, source_file, content_hash, import_run_id, value_count) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (source_id, source_file, content_hash) DO UPDATE SET import_run_id = EXCLUDED.import_run_id,
       imported_at = now(), value_count = EXCLUDED.value_count`,
    [f.sourceId, f.sourceFile, f.contentHash, f.runId, f.valueCount],
  );
}

/** True when the most recent import of this source's file had exactly these bytes. */
export async function wasImportedLast(db: Queryable, sourceId: string, sourceFile: string, contentHash: string): Promise<boolean> {
  const r = await db.query<{ content_hash: string }>(
    `SELECT content_hash FROM import_files WHERE source_id = $1 AND source_file = $2 ORDER BY imported_at DESC LIMIT 1`,
    [sourceId, sourceFile],
  );
  return r.rows[0]?.content_hash === contentHash;
}

export interface UnresolvedName {
  sourceId: string;
  sourceFile: string;
  sheet: string | null;
  row: number | null;
  name: string;
  valueCount: number;
}

export async function recordUnresolved(db: Queryable, runId: number, names: UnresolvedName[]): Promise<void> {
  if (names.length === 0) return;
  await db.query(
    `INSERT INTO import_unresolved (import_run_id, source_id, source_file, sheet, row, name, value_count)
     SELECT $1, source_id, source_file, sheet, row, name, value_count
     FROM jsonb_to_recordset($2::jsonb) AS t(source_id text, source_file text, sheet text, row int, name text, value_count int)`,
    [runId, JSON.stringify(names.map((n) => ({ source_id: n.sourceId, source_file: n.sourceFile, sheet: n.sheet, row: n.row, name: n.name, value_count: n.valueCount })))],
  );
}

// ---------------------------------------------------------------- reads

export interface ValueQuery {
  /** ISO alpha-2 code, or an entity key such as 'x:hezbollah (lebanon)*'. */
  entity?: string;
  indicatorIds?: string[];
  /** Indicator id prefix, e.g. 'sipri.milex.' */
  indicatorPrefix?: string;
  fromYear?: number;
  toYear?: number;
  /** Restrict to these sources (dataset ids or 'doc:<id>'). */
  sourceIds?: string[];
  /** 'dataset' = public datasets only, 'brief' = values read from briefs only. */
  sourceKind?: 'dataset' | 'brief';
  partnerKey?: string;
  limit?: number;
}

const VALUE_COLUMNS = `indicator_id AS "indicatorId", entity_key AS "entityKey", country_code AS "countryCode",
  entity_name AS "entityName", entity_kind AS "entityKind", partner_key AS "partnerKey", partner_name AS "partnerName", year,
  source_id AS "sourceId", value, value_text AS "valueText", unit, note, publisher, source_file AS "sourceFile",
  source_sheet AS "sourceSheet", source_row AS "sourceRow", source_doc_id AS "sourceDocId", source_table AS "sourceTable",
  value_date::text AS date, imported_at::text AS "importedAt"`;

/** Stored values matching the query, ordered by indicator, partner, year, source. */
export async function getIndicatorValues(db: Queryable, q: ValueQuery = {}): Promise<StoredIndicatorValue[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (q.entity) where.push(`entity_key = ${p(q.entity)}`);
  if (q.indicatorIds?.length) where.push(`indicator_id = ANY(${p(q.indicatorIds)}::text[])`);
  if (q.indicatorPrefix) where.push(`starts_with(indicator_id, ${p(q.indicatorPrefix)})`);
  if (q.fromYear !== undefined) where.push(`year >= ${p(q.fromYear)}`);
  if (q.toYear !== undefined) where.push(`year <= ${p(q.toYear)}`);
  if (q.sourceIds?.length) where.push(`source_id = ANY(${p(q.sourceIds)}::text[])`);
  if (q.sourceKind === 'brief') where.push(`starts_with(source_id, 'doc:')`);
  if (q.sourceKind === 'dataset') where.push(`NOT starts_with(source_id, 'doc:')`);
  if (q.partnerKey !== undefined) where.push(`partner_key = ${p(q.partnerKey)}`);
  const sql = `SELECT ${VALUE_COLUMNS} FROM indicator_values ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY indicator_id, partner_key, year, source_id ${q.limit ? `LIMIT ${p(q.limit)}` : ''}`;
  const r = await db.query<StoredIndicatorValue>(sql, params);
  return r.rows;
}

/**
 * The latest value per indicator for one country (partner ''), from one source per indicator: public
 * datasets before briefs, then by `sourcePriority` (earlier wins, e.g. ['freedom-house',
 * 'freedom-house-history']), then the source id; the newest year of that source. The source is chosen
 * before the year, so a brief's (or another edition's) newer year never stands in for a dataset's series.
 */
export async function latestIndicatorValues(
  db: Queryable,
  entity: string,
  indicatorIds: string[],
  opts: { sourcePriority?: string[]; maxYear?: number } = {},
): Promise<Map<string, StoredIndicatorValue>> {
  const r = await db.query<StoredIndicatorValue>(
    `SELECT DISTINCT ON (indicator_id) ${VALUE_COLUMNS}
     FROM indicator_values v
     WHERE entity_key = $1 AND indicator_id = ANY($2::text[]) AND partner_key = '' AND ($4::int IS NULL OR year <= $4)
     ORDER BY indicator_id, ${sourceRankSql('$3')}, year DESC`,
    [entity, indicatorIds, opts.sourcePriority ?? [], opts.maxYear ?? null],
  );
  return new Map(r.rows.map((v) => [v.indicatorId, v]));
}

export interface HistoryEntry {
  indicatorId: string;
  entityKey: string;
  partnerKey: string;
  year: number;
  sourceId: string;
  oldValue: number | null;
  oldValueText: string | null;
  oldSourceFile: string | null;
  newValue: number | null;
  newValueText: string | null;
  newSourceFile: string;
  oldDate: string | null;
  newDate: string | null;
  changedAt: string;
}

export async function getValueHistory(db: Queryable, entity: string, indicatorId?: string): Promise<HistoryEntry[]> {
  const r = await db.query<HistoryEntry>(
    `SELECT indicator_id AS "indicatorId", entity_key AS "entityKey", partner_key AS "partnerKey", year, source_id AS "sourceId",
       old_value AS "oldValue", old_value_text AS "oldValueText", old_source_file AS "oldSourceFile", new_value AS "newValue",
       new_value_text AS "newValueText", new_source_file AS "newSourceFile", old_value_date::text AS "oldDate",
       new_value_date::text AS "newDate", changed_at::text AS "changedAt"
     FROM indicator_value_history WHERE entity_key = $1 AND ($2::text IS NULL OR indicator_id = $2)
     ORDER BY indicator_id, year, id`,
    [entity, indicatorId ?? null],
  );
  return r.rows;
}

export interface CoverageRow {
  indicatorId: string;
  sourceId: string;
  countries: number;
  entities: number;
  values: number;
  firstYear: number;
  latestYear: number;
}

/** Per indicator and source: number of countries (and other entities), first and latest year. */
export async function indicatorCoverage(db: Queryable): Promise<CoverageRow[]> {
  const r = await db.query<CoverageRow>(
    `SELECT indicator_id AS "indicatorId", source_id AS "sourceId",
       count(DISTINCT country_code)::int AS countries, count(DISTINCT entity_key)::int AS entities, count(*)::int AS values,
       min(year)::int AS "firstYear", max(year)::int AS "latestYear"
     FROM indicator_values GROUP BY indicator_id, source_id ORDER BY indicator_id, source_id`,
  );
  return r.rows;
}

export interface ImportedFile {
  sourceId: string;
  sourceFile: string;
  contentHash: string;
  importedAt: string;
  valueCount: number;
}

export async function listImportedFiles(db: Queryable): Promise<ImportedFile[]> {
  const r = await db.query<ImportedFile>(
    `SELECT source_id AS "sourceId", source_file AS "sourceFile", content_hash AS "contentHash",
       imported_at::text AS "importedAt", value_count AS "valueCount"
     FROM import_files ORDER BY source_id, imported_at`,
  );
  return r.rows;
}

export async function latestUnresolved(db: Queryable): Promise<UnresolvedName[]> {
  const r = await db.query<UnresolvedName>(
    `SELECT source_id AS "sourceId", source_file AS "sourceFile", sheet, row, name, value_count AS "valueCount"
     FROM import_unresolved WHERE import_run_id = (SELECT max(import_run_id) FROM import_unresolved) ORDER BY source_file, row`,
  );
  return r.rows;
}

/** A deal as listed: the fields of the SIPRI row that briefs and pages show, and where it came from. */
export type StoredDeal = Pick<
  ArmsDealInput,
  | 'sipriId' | 'deliveryYear' | 'supplierName' | 'supplierKey' | 'recipientName' | 'recipientKey' | 'designation'
  | 'description' | 'category' | 'orderYear' | 'numberDelivered' | 'status' | 'tivDelivered'
> & { sourceFile: string; sourceRow: number | null };

export async function listArmsDeals(db: Queryable, q: { recipient?: string; supplier?: string; fromYear?: number } = {}): Promise<StoredDeal[]> {
  const r = await db.query<StoredDeal>(
    `SELECT sipri_id AS "sipriId", delivery_year AS "deliveryYear", supplier_name AS "supplierName", supplier_key AS "supplierKey",
       recipient_name AS "recipientName", recipient_key AS "recipientKey", designation, description, category,
       order_year AS "orderYear", number_delivered AS "numberDelivered", status, tiv_delivered AS "tivDelivered",
       source_file AS "sourceFile", source_row AS "sourceRow"
     FROM arms_transfer_deals
     WHERE ($1::text IS NULL OR recipient_key = $1) AND ($2::text IS NULL OR supplier_key = $2) AND ($3::int IS NULL OR delivery_year >= $3)
     ORDER BY delivery_year, sipri_id`,
    [q.recipient ?? null, q.supplier ?? null, q.fromYear ?? null],
  );
  return r.rows;
}

// ---------------------------------------------------------------- external assessments

export interface ExternalAssessment {
  publisher: string;
  countryCode: string;
  criterion: number;
  /** 'not_critical' | 'possibly_critical' | 'critical' | 'no_data' */
  rating: string;
  /** The rating as the source words it ("Möglicherweise kritisch"). */
  ratingLabel: string | null;
  /** Date of the source document (ISO partial), when known. */
  asOf: string | null;
  sourceDocId: string;
  sourceTable: string | null;
  sourceExcerpt: string | null;
}

export async function upsertExternalAssessments(db: Queryable, rows: ExternalAssessment[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db.query<{ n: number }>(
    `WITH up AS (
       INSERT INTO external_assessments AS e (publisher, country_code, criterion, rating, rating_label, as_of, source_doc_id, source_table, source_excerpt)
       SELECT publisher, country_code, criterion, rating, rating_label, as_of, source_doc_id, source_table, source_excerpt
       FROM jsonb_to_recordset($1::jsonb) AS t(publisher text, country_code text, criterion int, rating text, rating_label text,
         as_of text, source_doc_id text, source_table text, source_excerpt text)
       ON CONFLICT (publisher, country_code, criterion, source_doc_id) DO UPDATE SET rating = EXCLUDED.rating,
         rating_label = EXCLUDED.rating_label, as_of = EXCLUDED.as_of, source_table = EXCLUDED.source_table,
         source_excerpt = EXCLUDED.source_excerpt, imported_at = now()
       WHERE (e.rating, e.rating_label, e.as_of, e.source_table, e.source_excerpt)
         IS DISTINCT FROM (EXCLUDED.rating, EXCLUDED.rating_label, EXCLUDED.as_of, EXCLUDED.source_table, EXCLUDED.source_excerpt)
       RETURNING 1
     ) SELECT count(*)::int AS n FROM up`,
    [JSON.stringify(rows.map((a) => ({
      publisher: a.publisher, country_code: a.countryCode, criterion: a.criterion, rating: a.rating, rating_label: a.ratingLabel,
      as_of: a.asOf, source_doc_id: a.sourceDocId, source_table: a.sourceTable, source_excerpt: a.sourceExcerpt,
    })))],
  );
  return r.rows[0].n;
}

/** External ratings for a country (all publishers unless one is named), newest document first. */
export async function getExternalAssessments(db: Queryable, countryCode: string, publisher?: string): Promise<ExternalAssessment[]> {
  const r = await db.query<ExternalAssessment>(
    `SELECT publisher, country_code AS "countryCode", criterion, rating, rating_label AS "ratingLabel", as_of AS "asOf",
       source_doc_id AS "sourceDocId", source_table AS "sourceTable", source_excerpt AS "sourceExcerpt"
     FROM external_assessments WHERE country_code = $1 AND ($2::text IS NULL OR publisher = $2)
     ORDER BY as_of DESC NULLS LAST, publisher, criterion`,
    [countryCode, publisher ?? null],
  );
  return r.rows;
}

/** Documents in the store, for harvesting brief tables (id, title, text, date). */
export async function listDocumentsForHarvest(db: Queryable, docId?: string, briefsOnly = false): Promise<Array<{ id: string; title: string | null; text: string; docDate: string | null; source: string; publisher: string | null; lang: string }>> {
  const r = await db.query<{ id: string; title: string | null; text: string; docDate: string | null; source: string; publisher: string | null; lang: string }>(
    `SELECT id, title, text, doc_date AS "docDate", source, publisher, lang FROM documents
     WHERE ($1::text IS NULL OR id = $1) AND (NOT $2::boolean OR strpos(text, 'Länderinformationen') > 0 OR strpos(text, 'Country information') > 0)
     ORDER BY id`,
    [docId ?? null, briefsOnly],
  );
  return r.rows;
}
