/**
 * Reading pg-boss's job table (pg-boss 10 layout, schema `pgboss`) for `armsbrief jobs`: fresh
 * counts rather than pg-boss's cached statistics, and the rows of failed and dead-lettered jobs.
 * SQL lives here with the rest of the store's; the queue names come from `queue/boss.ts`.
 */
import type { Queryable } from './db.js';

/** The PostgreSQL schema pg-boss keeps its tables in. */
export const BOSS_SCHEMA = 'pgboss';

export interface JobEntry {
  id: string;
  queue: string;
  state: string;
  documents: number;
  /** Source of the first document (a single-document job names its document). */
  source: string | null;
  /** Failed attempts so far; for a dead letter, the retries its job had used up. */
  retries: number;
  error: string | null;
  createdOn: string;
  /** For a dead letter armsbrief put there itself (an unknown payload): the job it came from. pg-boss 10 does not keep the link for the ones it moves. */
  sourceJobId: string | null;
}

export interface JobStateCount {
  name: string;
  state: string;
  jobs: number;
  docs: number;
  new: number;
  unchanged: number;
  requeued: number;
}

export async function bossInstalled(db: Queryable): Promise<boolean> {
  const r = await db.query<{ t: string | null }>(`SELECT to_regclass('${BOSS_SCHEMA}.job')::text AS t`);
  return r.rows[0]?.t != null;
}

/** Jobs of a queue not finished yet: queued, waiting for a retry, or running. */
export async function countOpenJobs(db: Queryable, queue: string): Promise<number> {
  if (!(await bossInstalled(db))) return 0;
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
    [queue],
  );
  return r.rows[0].n;
}

/**
 * Any row must be readable, whatever its payload: a job inserted by another tool or an older
 * version may have no `docs` array, a non-object output, or counts that are not numbers. These
 * expressions never raise (jsonb_array_length and ::int casts would), they read such a row as 0 / null.
 */
const DOCS = `(CASE WHEN jsonb_typeof(data) = 'object' AND jsonb_typeof(data->'docs') = 'array' THEN data->'docs' ELSE '[]'::jsonb END)`;
const DOC_COUNT = `jsonb_array_length(${DOCS})`;
const outputInt = (key: string) =>
  `(CASE WHEN jsonb_typeof(output) = 'object' AND jsonb_typeof(output->'${key}') = 'number' AND (output->>'${key}') ~ '^[0-9]{1,9}$' THEN (output->>'${key}')::int ELSE 0 END)`;
const jsonText = (col: string, key: string) => `(CASE WHEN jsonb_typeof(${col}) = 'object' THEN ${col}->>'${key}' END)`;

/** `deadLetterQueue`: its rows count the retries their job used up (pg-boss copies the retry limit, not the count). */
const entryColumns = (deadLetterQueue: string) => `id::text, name AS queue, state::text, ${DOC_COUNT}::int AS documents,
  (CASE WHEN jsonb_typeof(${DOCS}->0) = 'object' THEN ${DOCS}->0->>'source' END) AS source,
  (CASE WHEN name = '${deadLetterQueue.replace(/'/g, "''")}' THEN retry_limit ELSE retry_count END)::int AS retries,
  COALESCE(${jsonText('output', 'error')}, ${jsonText('output', 'message')}, ${jsonText(`(output->'value')`, 'message')}, ${jsonText('data', 'error')},
    CASE WHEN output IS NOT NULL AND jsonb_typeof(output) <> 'object' THEN output::text END) AS error,
  to_char(created_on AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdOn", ${jsonText('data', 'sourceJobId')} AS "sourceJobId"`;

/** Jobs and their documents per queue and state, with the counts finished jobs report. */
export async function jobStateCounts(db: Queryable, queues: string[]): Promise<JobStateCount[]> {
  if (!(await bossInstalled(db))) return [];
  const r = await db.query<JobStateCount>(
    `SELECT name, state::text, count(*)::int AS jobs,
       COALESCE(sum(${DOC_COUNT}), 0)::int AS docs,
       COALESCE(sum(${outputInt('new')}) FILTER (WHERE state = 'completed'), 0)::int AS new,
       COALESCE(sum(${outputInt('unchanged')}) FILTER (WHERE state = 'completed'), 0)::int AS unchanged,
       COALESCE(sum(${outputInt('requeued')}) FILTER (WHERE state = 'completed'), 0)::int AS requeued
     FROM ${BOSS_SCHEMA}.job WHERE name = ANY($1) GROUP BY name, state`,
    [queues],
  );
  return r.rows;
}

/** Dead letters not handled yet, newest first. */
export async function deadLetterEntries(db: Queryable, deadLetterQueue: string, limit: number): Promise<JobEntry[]> {
  if (!(await bossInstalled(db))) return [];
  return (await db.query<JobEntry>(
    `SELECT ${entryColumns(deadLetterQueue)} FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'retry') ORDER BY created_on DESC LIMIT $2`,
    [deadLetterQueue, limit],
  )).rows;
}

/** Failed attempts still waiting for a retry, and jobs failed for good, newest first. */
export async function failureEntries(db: Queryable, queue: string, deadLetterQueue: string, limit: number): Promise<JobEntry[]> {
  if (!(await bossInstalled(db))) return [];
  return (await db.query<JobEntry>(
    `SELECT ${entryColumns(deadLetterQueue)} FROM ${BOSS_SCHEMA}.job
     WHERE name = $1 AND (state = 'failed' OR (state = 'retry' AND retry_count > 0)) ORDER BY created_on DESC LIMIT $2`,
    [queue, limit],
  )).rows;
}

/** One job of the given queues by id: its queue, state and payload (null when there is none). */
export async function findJob(db: Queryable, id: string, queues: string[]): Promise<{ name: string; state: string; data: unknown } | null> {
  if (!(await bossInstalled(db))) return null;
  const r = await db.query<{ name: string; state: string; data: unknown }>(
    `SELECT name, state::text, data FROM ${BOSS_SCHEMA}.job WHERE id = $1::uuid AND name = ANY($2)`,
    [id, queues],
  );
  return r.rows[0] ?? null;
}
