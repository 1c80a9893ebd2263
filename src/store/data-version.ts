/**
 * A cheap fingerprint of everything pages show: documents, indicator imports and analyst
 * overrides. It changes whenever any of them does, so a web server can keep derived results
 * until then, even when other processes write to the same PostgreSQL server.
 */
import type { Queryable } from './db.js';

export async function dataVersion(db: Queryable): Promise<string> {
  const r = await db.query<{ v: string }>(
    `SELECT concat_ws('|',
       (SELECT count(*) FROM documents), (SELECT max(ingested_at) FROM documents),
       (SELECT max(id) FROM import_runs), (SELECT max(finished_at) FROM import_runs),
       (SELECT count(*) FROM assessment_overrides), (SELECT max(coalesce(removed_at, created_at)) FROM assessment_overrides)) AS v`,
  );
  return r.rows[0].v;
}
