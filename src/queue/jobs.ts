/**
 * Reading the queue for `armsbrief jobs`: counts per state, the dead-letter list and recent
 * failures, straight from pg-boss's tables (fresh numbers, not its cached statistics); and
 * retrying a failed or dead-lettered job by id.
 */
import type { PgBoss } from 'pg-boss';
import type { Queryable } from '../store/db.js';
import { AppError } from '../core/errors.js';
import { BOSS_SCHEMA, DEAD_LETTER_QUEUE, INGEST_QUEUE } from './boss.js';

export interface QueueCounts {
  queue: string;
  queued: number;
  retrying: number;
  running: number;
  done: number;
  failed: number;
  cancelled: number;
  /** Documents in the jobs of each state (a job carries a batch). */
  documents: { queued: number; running: number; done: number; failed: number };
}

export interface JobEntry {
  id: string;
  queue: string;
  state: string;
  documents: number;
  /** Source of the first document (a single-document job names its document). */
  source: string | null;
  retries: number;
  error: string | null;
  createdOn: string;
  /** For a dead-lettered job: the job that failed. */
  sourceJobId: string | null;
}

export interface JobsOverview {
  queues: QueueCounts[];
  /** Documents the finished jobs stored (new) and found already stored (unchanged). */
  stored: { new: number; unchanged: number; requeued: number };
  deadLetters: JobEntry[];
  /** Failed attempts still waiting for a retry, and jobs failed for good. */
  failures: JobEntry[];
}

async function installed(db: Queryable): Promise<boolean> {
  const r = await db.query<{ t: string | null }>(`SELECT to_regclass('${BOSS_SCHEMA}.job')::text AS t`);
  return r.rows[0]?.t != null;
}

/** Jobs of the ingest queue not finished yet: queued, waiting for a retry, or running. */
export async function countOpenJobs(db: Queryable): Promise<number> {
  if (!(await installed(db))) return 0;
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
    [INGEST_QUEUE],
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
const outputText = (col: string, key: string) => `(CASE WHEN jsonb_typeof(${col}) = 'object' THEN ${col}->>'${key}' END)`;

const ENTRY_COLUMNS = `id::text, name AS queue, state::text, ${DOC_COUNT}::int AS documents,
  (CASE WHEN jsonb_typeof(${DOCS}->0) = 'object' THEN ${DOCS}->0->>'source' END) AS source, COALESCE(source_retry_count, retry_count)::int AS retries,
  COALESCE(${outputText('output', 'error')}, ${outputText('output', 'message')}, ${outputText('source_output', 'error')}, ${outputText('source_output', 'message')},
    CASE WHEN output IS NOT NULL AND jsonb_typeof(output) <> 'object' THEN output::text END) AS error,
  to_char(created_on AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdOn", source_id::text AS "sourceJobId"`;

export async function jobsOverview(db: Queryable, opts: { limit?: number } = {}): Promise<JobsOverview> {
  const empty = (queue: string): QueueCounts => ({
    queue, queued: 0, retrying: 0, running: 0, done: 0, failed: 0, cancelled: 0, documents: { queued: 0, running: 0, done: 0, failed: 0 },
  });
  const overview: JobsOverview = {
    queues: [empty(INGEST_QUEUE), empty(DEAD_LETTER_QUEUE)], stored: { new: 0, unchanged: 0, requeued: 0 }, deadLetters: [], failures: [],
  };
  if (!(await installed(db))) return overview;
  const counts = await db.query<{ name: string; state: string; jobs: number; docs: number; new: number; unchanged: number; requeued: number }>(
    `SELECT name, state::text, count(*)::int AS jobs,
       COALESCE(sum(${DOC_COUNT}), 0)::int AS docs,
       COALESCE(sum(${outputInt('new')}) FILTER (WHERE state = 'completed'), 0)::int AS new,
       COALESCE(sum(${outputInt('unchanged')}) FILTER (WHERE state = 'completed'), 0)::int AS unchanged,
       COALESCE(sum(${outputInt('requeued')}) FILTER (WHERE state = 'completed'), 0)::int AS requeued
     FROM ${BOSS_SCHEMA}.job WHERE name = ANY($1) GROUP BY name, state`,
    [[INGEST_QUEUE, DEAD_LETTER_QUEUE]],
  );
  for (const row of counts.rows) {
    const q = overview.queues.find((x) => x.queue === row.name)!;
    switch (row.state) {
      case 'created': q.queued += row.jobs; q.documents.queued += row.docs; break;
      case 'retry': q.retrying += row.jobs; q.documents.queued += row.docs; break;
      case 'active': q.running += row.jobs; q.documents.running += row.docs; break;
      case 'completed': q.done += row.jobs; q.documents.done += row.docs; break;
      case 'failed': q.failed += row.jobs; q.documents.failed += row.docs; break;
      case 'cancelled': q.cancelled += row.jobs; break;
    }
    overview.stored.new += row.new;
    overview.stored.unchanged += row.unchanged;
    overview.stored.requeued += row.requeued;
  }
  const limit = opts.limit ?? 20;
  overview.deadLetters = (await db.query<JobEntry>(
    `SELECT ${ENTRY_COLUMNS} FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'retry') ORDER BY created_on DESC LIMIT $2`,
    [DEAD_LETTER_QUEUE, limit],
  )).rows;
  overview.failures = (await db.query<JobEntry>(
    `SELECT ${ENTRY_COLUMNS} FROM ${BOSS_SCHEMA}.job
     WHERE name = $1 AND (state = 'failed' OR (state = 'retry' AND retry_count > 0)) ORDER BY created_on DESC LIMIT $2`,
    [INGEST_QUEUE, limit],
  )).rows;
  return overview;
}

/**
 * Retries a job by id: a dead-lettered job goes back to the ingest queue (redrive) with a fresh
 * retry budget; a failed or cancelled job of the ingest queue is retried in place.
 */
export async function retryJob(db: Queryable, boss: PgBoss, id: string): Promise<{ id: string; queue: string; action: 'redriven' | 'retried' }> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(id)) throw new AppError('usage', `${id} is not a job id (a UUID as listed by \`armsbrief jobs\`).`, { status: 400 });
  const notFound = () => new AppError('job_not_found', `No job ${id} in the ingest or dead-letter queue.`, {
    hint: 'List jobs with `armsbrief jobs`; finished jobs are deleted after their retention period.', status: 404,
  });
  if (!(await installed(db))) throw notFound();
  const r = await db.query<{ name: string; state: string }>(
    `SELECT name, state::text FROM ${BOSS_SCHEMA}.job WHERE id = $1::uuid AND name = ANY($2)`,
    [id, [INGEST_QUEUE, DEAD_LETTER_QUEUE]],
  );
  const job = r.rows[0];
  if (!job) throw notFound();
  if (job.name === DEAD_LETTER_QUEUE) {
    if (job.state !== 'created' && job.state !== 'retry') {
      throw new AppError('job_not_retryable', `Dead-letter job ${id} was already handled (state ${job.state}).`, { status: 409 });
    }
    const moved = await boss.redrive(DEAD_LETTER_QUEUE, { ids: [id], destination: INGEST_QUEUE });
    if (moved < 1) throw new AppError('job_not_retryable', `Dead-letter job ${id} could not be moved back to ${INGEST_QUEUE}.`, { status: 409 });
    return { id, queue: INGEST_QUEUE, action: 'redriven' };
  }
  if (job.state !== 'failed' && job.state !== 'cancelled') {
    throw new AppError('job_not_retryable', `Job ${id} is ${job.state === 'active' ? 'running' : job.state === 'completed' ? 'done' : 'queued'}; only failed or dead-lettered jobs can be retried.`, { status: 409 });
  }
  await boss.retry(INGEST_QUEUE, id);
  return { id, queue: INGEST_QUEUE, action: 'retried' };
}
