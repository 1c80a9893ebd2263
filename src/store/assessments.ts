/**
 * SQL for the assessment: the indicator facts it reads (in bulk, for one country or all), stored
 * assessments, and analyst overrides with their audit trail.
 */
import type { Queryable } from './db.js';
import type { IndicatorCoverage, IndicatorFact } from '../core/types.js';
import { valuesAsOf, type AsOfValueRow } from './as-of.js';

// ---------------------------------------------------------------------------------------------
// Facts: indicator values and dataset coverage
// ---------------------------------------------------------------------------------------------

export interface FactRow extends IndicatorFact {
  country: string;
}

/**
 * The values of the named indicators per country that count on the as-of day, one source per country
 * and indicator (the rule of `core/as-of.ts`, read through `valuesAsOf`).
 */
export async function indicatorFacts(
  db: Queryable,
  q: { indicators: string[]; asOf: string; countries?: string[] | null; sourcePriority?: string[] },
): Promise<FactRow[]> {
  const rows = await valuesAsOf(db, { asOf: q.asOf, entities: q.countries ?? null, indicators: q.indicators, partners: 'none', oneSourceBy: q.sourcePriority ?? [], lean: true });
  return rows.filter((v) => v.country !== null).map(toFactRow);
}

/**
 * Values of indicators with partners (e.g. `treaty.status` per treaty, harvested from briefs), with
 * the partner's name, under the same as-of rule; newest year (and import) first.
 */
export async function partnerFacts(
  db: Queryable,
  q: { indicators: string[]; asOf: string; countries?: string[] | null },
): Promise<Array<FactRow & { partner: string }>> {
  const rows = await valuesAsOf(db, { asOf: q.asOf, entities: q.countries ?? null, indicators: q.indicators, partners: 'only', newestFirst: true });
  return rows.filter((v) => v.country !== null).map((v) => ({ ...toFactRow(v), partner: v.partnerName ?? v.partnerKey }));
}

function toFactRow(v: AsOfValueRow): FactRow {
  return {
    country: v.country!, indicator: v.indicator, year: v.year, value: v.value, valueText: v.valueText, unit: v.unit,
    source: `${v.sourceId}: ${v.sourceFile}`, publisher: v.publisher, date: v.date,
  };
}

/**
 * Years each indicator's public datasets cover over all countries (briefs do not define coverage).
 * Computing it scans every value, so the result is cached per state of the imports: a new or
 * finished import run changes the key and the next call recomputes it.
 */
export async function datasetCoverage(db: Queryable, indicators: string[]): Promise<IndicatorCoverage[]> {
  const key = await db.query<{ v: string }>(
    `SELECT coalesce(max(id), 0)::text || '|' || coalesce(max(finished_at)::text, '') || '|' || count(*)::text AS v FROM import_runs`,
  );
  const version = key.rows[0].v;
  const cached = await db.query<{ coverage: IndicatorCoverage[] }>('SELECT coverage FROM assessment_coverage_cache WHERE data_version = $1', [version]);
  let all = cached.rows[0]?.coverage;
  if (!all) {
    const r = await db.query<IndicatorCoverage>(
      `SELECT indicator_id AS indicator, min(year)::int AS "firstYear", max(year)::int AS "lastYear",
         string_agg(DISTINCT source_id, ', ') AS source
       FROM indicator_values WHERE NOT starts_with(source_id, 'doc:') GROUP BY indicator_id`,
    );
    all = r.rows;
    await db.query('DELETE FROM assessment_coverage_cache WHERE data_version <> $1', [version]);
    await db.query(
      'INSERT INTO assessment_coverage_cache (data_version, coverage) VALUES ($1, $2::jsonb) ON CONFLICT (data_version) DO NOTHING',
      [version, JSON.stringify(all)],
    );
  }
  const wanted = new Set(indicators);
  return all.filter((c) => wanted.has(c.indicator));
}

/** Countries the store knows anything about: indicator values or documents about them. */
export async function countriesWithData(db: Queryable): Promise<string[]> {
  const r = await db.query<{ country: string }>(
    `SELECT DISTINCT country_code AS country FROM indicator_values WHERE country_code IS NOT NULL
     UNION SELECT country FROM named_countries
     ORDER BY 1`,
  );
  return r.rows.map((x) => x.country);
}

// ---------------------------------------------------------------------------------------------
// Stored assessments
// ---------------------------------------------------------------------------------------------

export interface AssessmentRowInput {
  country: string;
  asOf: string;
  methodologyId: string;
  methodologyVersion: string;
  computedAt: string;
  /** Compact per-criterion summary for listings: { "1": "critical", … }. */
  ratings: Record<string, string>;
  result: unknown;
}

export interface StoredAssessmentRow extends Omit<AssessmentRowInput, 'result'> {
  id: number;
}

const CHUNK = 200;

export async function insertAssessments(db: Queryable, rows: AssessmentRowInput[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((a) => ({
      country: a.country,
      as_of: a.asOf,
      methodology_id: a.methodologyId,
      methodology_version: a.methodologyVersion,
      computed_at: a.computedAt,
      ratings: a.ratings,
      result: a.result,
    }));
    const r = await db.query<{ id: number }>(
      `INSERT INTO assessments (country, as_of, methodology_id, methodology_version, computed_at, ratings, result)
       SELECT country, as_of, methodology_id, methodology_version, computed_at, ratings, result
       FROM jsonb_to_recordset($1::jsonb) AS t(country text, as_of date, methodology_id text, methodology_version text,
         computed_at timestamptz, ratings jsonb, result jsonb)
       RETURNING id`,
      [JSON.stringify(chunk)],
    );
    ids.push(...r.rows.map((x) => Number(x.id)));
  }
  return ids;
}

const ASSESSMENT_COLUMNS = `id, country, as_of::text AS "asOf", methodology_id AS "methodologyId",
  methodology_version AS "methodologyVersion", computed_at::text AS "computedAt", ratings`;

/** The most recently computed assessment of a country for an as-of day (any day when none given). */
export async function latestStoredAssessment(
  db: Queryable,
  country: string,
  asOf?: string,
): Promise<(StoredAssessmentRow & { result: unknown }) | null> {
  const r = await db.query<StoredAssessmentRow & { result: unknown }>(
    `SELECT ${ASSESSMENT_COLUMNS}, result FROM assessments
     WHERE country = $1 AND ($2::date IS NULL OR as_of = $2::date)
     ORDER BY computed_at DESC, id DESC LIMIT 1`,
    [country, asOf ?? null],
  );
  return r.rows[0] ?? null;
}

export async function listStoredAssessments(db: Queryable, country: string): Promise<StoredAssessmentRow[]> {
  const r = await db.query<StoredAssessmentRow>(
    `SELECT ${ASSESSMENT_COLUMNS} FROM assessments WHERE country = $1 ORDER BY as_of, computed_at, id`,
    [country],
  );
  return r.rows;
}

// ---------------------------------------------------------------------------------------------
// Overrides with audit trail
// ---------------------------------------------------------------------------------------------

export interface OverrideRow {
  id: number;
  country: string;
  criterion: number;
  rating: string;
  reason: string;
  createdBy: string;
  createdAt: string;
  removedAt: string | null;
  removedBy: string | null;
  removedReason: string | null;
}

const OVERRIDE_COLUMNS = `id, country, criterion, rating, reason, created_by AS "createdBy", created_at::text AS "createdAt",
  removed_at::text AS "removedAt", removed_by AS "removedBy", removed_reason AS "removedReason"`;

/** Sets an override; an active one for the same criterion is closed as superseded (kept in the trail). */
export async function insertOverride(
  db: Queryable,
  o: { country: string; criterion: number; rating: string; reason: string; by: string; at: string },
): Promise<{ created: OverrideRow; superseded: OverrideRow | null }> {
  const closed = await db.query<OverrideRow>(
    `UPDATE assessment_overrides SET removed_at = $3, removed_by = $4, removed_reason = 'superseded by a new override'
     WHERE country = $1 AND criterion = $2 AND removed_at IS NULL
     RETURNING ${OVERRIDE_COLUMNS}`,
    [o.country, o.criterion, o.at, o.by],
  );
  const r = await db.query<OverrideRow>(
    `INSERT INTO assessment_overrides (country, criterion, rating, reason, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${OVERRIDE_COLUMNS}`,
    [o.country, o.criterion, o.rating, o.reason, o.by, o.at],
  );
  return { created: r.rows[0], superseded: closed.rows[0] ?? null };
}

/** Marks the active override removed; returns it, or null when there was none. */
export async function removeOverride(
  db: Queryable,
  o: { country: string; criterion: number; by: string; reason: string; at: string },
): Promise<OverrideRow | null> {
  const r = await db.query<OverrideRow>(
    `UPDATE assessment_overrides SET removed_at = $3, removed_by = $4, removed_reason = $5
     WHERE country = $1 AND criterion = $2 AND removed_at IS NULL
     RETURNING ${OVERRIDE_COLUMNS}`,
    [o.country, o.criterion, o.at, o.by, o.reason],
  );
  return r.rows[0] ?? null;
}

/** Overrides in force at a moment (created by then, not removed by then), for some or all countries. */
export async function overridesActiveAt(db: Queryable, at: string, countries?: string[] | null): Promise<OverrideRow[]> {
  const r = await db.query<OverrideRow>(
    `SELECT ${OVERRIDE_COLUMNS} FROM assessment_overrides
     WHERE created_at <= $1::timestamptz AND (removed_at IS NULL OR removed_at > $1::timestamptz)
       AND ($2::text[] IS NULL OR country = ANY($2::text[]))
     ORDER BY country, criterion, created_at`,
    [at, countries ?? null],
  );
  return r.rows;
}

/** Every override ever set for a country, removed ones included: the audit trail. */
export async function overrideHistory(db: Queryable, country: string): Promise<OverrideRow[]> {
  const r = await db.query<OverrideRow>(
    `SELECT ${OVERRIDE_COLUMNS} FROM assessment_overrides WHERE country = $1 ORDER BY criterion, created_at, id`,
    [country],
  );
  return r.rows;
}
