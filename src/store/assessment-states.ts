/**
 * Whether stored assessments are current, by what they read: a country's assessment goes stale
 * when its evidence changes (`evidence_changes`, kept by the passage trigger of migration 8), when
 * an analyst sets or removes one of its overrides, or when an import run inserts or changes values
 * (an import can change every country: its values, its neighbours' values and the datasets'
 * coverage). Documents about other countries leave it current. Values harvested from a brief
 * count through the import that harvests them (`data import` assesses after both). Times compare the assessment's start of computation
 * (computed_at) with the change; on a PostgreSQL server a document committed while an assessment
 * was reading can slip through until the next change (ingest stamps its change before commit).
 */
import type { Queryable } from './db.js';

export interface AssessmentState {
  country: string;
  id: number;
  asOf: string;
  computedAt: string;
  /** Computed after the last change to what it reads. */
  current: boolean;
}

/**
 * The newest stored assessment per country for the methodology, preferring the as-of day: one for
 * that day if there is any, else the newest of an earlier day (never current: the day moved on).
 */
export async function assessmentStates(
  db: Queryable,
  q: { asOf: string; methodologyId: string; methodologyVersion: string; countries?: string[] | null },
): Promise<Map<string, AssessmentState>> {
  const only = q.countries ? 'AND a.country = ANY($4::text[])' : 'AND $4::text[] IS NULL';
  const r = await db.query<AssessmentState>(
    `WITH latest AS (
       SELECT DISTINCT ON (a.country) a.id, a.country, a.as_of, a.computed_at
       FROM assessments a
       WHERE a.methodology_id = $2 AND a.methodology_version = $3 AND a.as_of <= $1::date ${only}
       ORDER BY a.country, a.as_of DESC, a.computed_at DESC, a.id DESC
     ), imports AS (
       -- A run that inserted or changed no value (a re-import of the same files) changed nothing the assessment reads.
       SELECT max(coalesce(finished_at, started_at)) AS at FROM import_runs
       WHERE coalesce((report->'totals'->>'inserted')::bigint + (report->'totals'->>'changed')::bigint, 1) > 0
     )
     SELECT l.country, l.id::int AS id, l.as_of::text AS "asOf", l.computed_at::text AS "computedAt",
       l.as_of = $1::date AND l.computed_at >= greatest(i.at, e.changed_at, o.at) IS NOT FALSE AS current
     FROM latest l CROSS JOIN imports i
     LEFT JOIN evidence_changes e ON e.country = l.country
     LEFT JOIN LATERAL (
       SELECT max(coalesce(removed_at, created_at)) AS at FROM assessment_overrides WHERE country = l.country
     ) o ON true`,
    [q.asOf, q.methodologyId, q.methodologyVersion, q.countries ?? null],
  );
  return new Map(r.rows.map((s) => [s.country, { ...s, id: Number(s.id) }]));
}

/** Stored results by id (the JSON the engine produced). */
export async function storedResults(db: Queryable, ids: number[]): Promise<Map<number, unknown>> {
  if (ids.length === 0) return new Map();
  const r = await db.query<{ id: number; result: unknown }>('SELECT id::int AS id, result FROM assessments WHERE id = ANY($1::bigint[])', [ids]);
  return new Map(r.rows.map((x) => [Number(x.id), x.result]));
}

/**
 * The part of stored results an overview shows (per criterion the effective rating, whether a
 * review is suggested, the override), extracted in the database: the whole results of every
 * country run to megabytes once documents are many.
 */
export async function storedSummaries(db: Queryable, ids: number[]): Promise<Map<number, unknown>> {
  if (ids.length === 0) return new Map();
  const r = await db.query<{ id: number; summary: unknown }>(
    `SELECT id::int AS id, jsonb_build_object(
       'country', result->'country', 'asOf', result->'asOf', 'methodology', result->'methodology',
       'criteria', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('criterion', c->'criterion', 'effectiveRating', c->'effectiveRating',
                      'reviewSuggested', c->'reviewSuggested', 'override', c->'override')) ORDER BY ord)
                    FROM jsonb_array_elements(result->'criteria') WITH ORDINALITY AS x(c, ord))) AS summary
     FROM assessments WHERE id = ANY($1::bigint[])`,
    [ids],
  );
  return new Map(r.rows.map((x) => [Number(x.id), x.summary]));
}
