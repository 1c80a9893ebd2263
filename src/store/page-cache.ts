/**
 * Page results kept in the store, so a restarted web server answers its first requests without
 * rebuilding them: one row per page key with the version of its inputs it was built from. A
 * reader compares the version (a cheap fingerprint query) and rebuilds on any difference.
 */
import type { Queryable } from './db.js';

export async function cachedPage(db: Queryable, key: string): Promise<{ version: string; body: string } | null> {
  const r = await db.query<{ version: string; body: string }>('SELECT version, body FROM page_cache WHERE key = $1', [key]);
  return r.rows[0] ?? null;
}

/** The version a kept page was built from (null: none kept). */
export async function keptPageVersion(db: Queryable, key: string): Promise<string | null> {
  const r = await db.query<{ version: string }>('SELECT version FROM page_cache WHERE key = $1', [key]);
  return r.rows[0]?.version ?? null;
}

/** The versions of the kept pages among `keys`, by key (a key without a kept page is absent). */
export async function keptPageVersions(db: Queryable, keys: string[]): Promise<Map<string, string>> {
  const r = await db.query<{ key: string; version: string }>('SELECT key, version FROM page_cache WHERE key = ANY($1::text[])', [keys]);
  return new Map(r.rows.map((x) => [x.key, x.version]));
}

export async function storePage(db: Queryable, key: string, version: string, body: string): Promise<void> {
  await db.query(
    `INSERT INTO page_cache (key, version, body) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET version = excluded.version, body = excluded.body, stored_at = now()`,
    [key, version, body],
  );
}

/** Drops every kept page (benchmarks measure the first start after an import with it). */
export async function clearPages(db: Queryable): Promise<void> {
  await db.query('DELETE FROM page_cache');
}

/**
 * What a country page is built from: its newest stored assessment (a recomputation after new
 * evidence or an override stores a new one) and whether it is stale (its evidence changed), its
 * documents, the import runs that changed values and its overrides.
 */
export async function countryPageInputs(db: Queryable, country: string): Promise<string> {
  const r = await db.query<{ v: string }>(
    `SELECT concat_ws('|',
       (SELECT max(id) FROM assessments WHERE country = $1),
       (SELECT changed_at::text FROM evidence_changes WHERE country = $1),
       (SELECT count(*) || '@' || coalesce(max(ingested_at)::text, '') FROM country_documents WHERE country = $1),
       -- as for assessments (store/assessment-states.ts): a run that inserted or changed no value changed no page
       (SELECT max(id) || '@' || coalesce(max(finished_at)::text, '') FROM import_runs
        WHERE coalesce((report->'totals'->>'inserted')::bigint + (report->'totals'->>'changed')::bigint, 1) > 0),
       (SELECT count(*) || '@' || coalesce(max(coalesce(removed_at, created_at))::text, '') FROM assessment_overrides WHERE country = $1)) AS v`,
    [country],
  );
  return r.rows[0].v;
}
