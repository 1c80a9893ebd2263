/**
 * SQL for the assessment: the indicator facts it reads (in bulk, for one country or all), stored
 * assessments, and analyst overrides with their audit trail.
 */
import type { Queryable } from './db.js';
import type { IndicatorCoverage, IndicatorFact } from '../core/types.js';

// ---------------------------------------------------------------------------------------------
// Facts: indicator values and dataset coverage
// ---------------------------------------------------------------------------------------------

export interface FactRow extends IndicatorFact {
  country: string;
}

/**
 * The values of the named indicators per country, one source per country and indicator (a series is
 * never spliced from two sources or editions): public datasets win over briefs, then the given source
 * priority, then the source id. A dataset's value for a year is published after the year ends, so
 * datasets give data years before `asOfYear`, except values dated to the day (a ratification), which
 * count from that day on; values read from a brief count when the brief is dated up to `asOf`.
 */
export async function indicatorFacts(
  db: Queryable,
  q: { indicators: string[]; asOfYear: number; asOf: string; countries?: string[] | null; sourcePriority?: string[] },
): Promise<FactRow[]> {
  // A country's entity key is its code; filtering on it uses the primary key instead of a full scan.
  const who = q.countries ? 'v.entity_key = ANY($3::text[]) AND v.country_code IS NOT NULL' : 'v.country_code IS NOT NULL AND $3::text[] IS NULL';
  const r = await db.query<FactRow>(
    `SELECT country, indicator, year, value, "valueText", unit, source, publisher, date FROM (
       SELECT v.country_code AS country, v.indicator_id AS indicator, v.year, v.value, v.value_text AS "valueText", v.unit,
         v.source_id || ': ' || v.source_file AS source, v.publisher, v.value_date::text AS date, v.source_id,
         first_value(v.source_id) OVER (PARTITION BY v.country_code, v.indicator_id
           ORDER BY starts_with(v.source_id, 'doc:'), coalesce(array_position($5::text[], v.source_id), 1000), v.source_id) AS series_source
       FROM indicator_values v
       LEFT JOIN documents d ON d.id = v.source_doc_id
       WHERE ${who} AND v.indicator_id = ANY($1::text[]) AND v.partner_key = ''
         AND CASE WHEN starts_with(v.source_id, 'doc:') THEN v.year <= $2 AND (d.date_from IS NULL OR d.date_from <= $4::date)
                  WHEN v.value_date IS NOT NULL THEN v.year <= $2 AND v.value_date <= $4::date
                  ELSE v.year < $2 END
     ) x WHERE source_id = series_source
     ORDER BY country, indicator, year`,
    [q.indicators, q.asOfYear, q.countries ?? null, q.asOf, q.sourcePriority ?? []],
  );
  return r.rows;
}

/**
 * Values of indicators with partners (e.g. `treaty.status` per treaty, harvested from briefs), with
 * the partner's name, under the same as-of rules as `indicatorFacts`.
 */
export async function partnerFacts(
  db: Queryable,
  q: { indicators: string[]; asOfYear: number; asOf: string; countries?: string[] | null },
): Promise<Array<FactRow & { partner: string }>> {
  if (q.indicators.length === 0) return [];
  const who = q.countries ? 'v.entity_key = ANY($3::text[]) AND v.country_code IS NOT NULL' : 'v.country_code IS NOT NULL AND $3::text[] IS NULL';
  const r = await db.query<FactRow & { partner: string }>(
    `SELECT v.country_code AS country, v.indicator_id AS indicator, v.year, v.value, v.value_text AS "valueText", v.unit,
       v.source_id || ': ' || v.source_file AS source, v.publisher, coalesce(v.partner_name, v.partner_key) AS partner
     FROM indicator_values v
     LEFT JOIN documents d ON d.id = v.source_doc_id
     WHERE ${who} AND v.indicator_id = ANY($1::text[]) AND v.partner_key <> ''
       AND CASE WHEN starts_with(v.source_id, 'doc:') THEN v.year <= $2 AND (d.date_from IS NULL OR d.date_from <= $4::date)
                ELSE v.year < $2 END
     ORDER BY v.country_code, v.indicator_id, v.year DESC, v.imported_at DESC`,
    [q.indicators, q.asOfYear, q.countries ?? null, q.asOf],
  );
  return r.rows;
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
