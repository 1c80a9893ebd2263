/**
 * pg-boss wiring: the queues armsbrief uses, their retry policy, and opening a PgBoss instance on
 * the PostgreSQL server. The queue lives only on a server (pg-boss needs SKIP LOCKED across
 * processes and machines); an embedded store is refused with a clear error.
 */
import PgBoss from 'pg-boss';
import { AppError, errorMessage } from '../core/errors.js';
import { isServerUrl, redactUrl } from '../store/db.js';
import { BOSS_SCHEMA } from '../store/queue-jobs.js';

/** Jobs that carry a batch of raw documents (or one document split out of a failed batch). */
export const INGEST_QUEUE = 'armsbrief-ingest';
/** Where a job ends after its retry budget: the dead-letter list shown by `armsbrief jobs`. */
export const DEAD_LETTER_QUEUE = 'armsbrief-ingest-dead';

/** The pg-boss instance type (pg-boss 10 exports its class as the module). */
export type Boss = PgBoss;

/**
 * pg-boss 10's backoff waits retryDelay × 2^(n−1) to twice that before the n-th retry (random
 * jitter), with no upper bound, so the budgets below bound the longest wait.
 */
export interface RetryPolicy {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
}

/** Batch jobs: a whole batch fails only when the server is unreachable, so retry patiently (8 retries over ~8–17 min, the last wait 4–8½ min). */
export const BATCH_RETRY: RetryPolicy = { retryLimit: 8, retryDelay: 2, retryBackoff: true };
/** Single-document jobs (split out of a batch because that document failed): a short budget (waits of 1–2, 2–4, 4–8 s). */
export const SINGLE_RETRY: RetryPolicy = { retryLimit: 3, retryDelay: 1, retryBackoff: true };
/** Seconds a job may stay active before it counts as lost (its worker died) and is retried. */
export const DEFAULT_JOB_TIMEOUT_SECONDS = 600;
/** Finished jobs stay in pg-boss's job table a week (`armsbrief jobs` counts them), then are archived and later deleted. */
const KEEP_FINISHED_SECONDS = 7 * 24 * 3600;
/** A job waits at most this long to run; a dead letter (created from it) keeps as long again, so about 30 days. */
const RETENTION_SECONDS = 15 * 24 * 3600;

export function requireServerUrl(target: string, what: string): string {
  if (!isServerUrl(target)) {
    throw new AppError('queue_needs_server', `${what} needs a PostgreSQL server; ${target} is an embedded store.`, {
      hint: 'Pass --db postgres://user@host/db (or set ARMSBRIEF_DB / DATABASE_URL). Without a server, use plain `armsbrief ingest`.',
      status: 400,
    });
  }
  return target;
}

export interface OpenBossOptions {
  /** Run pg-boss's maintenance (expires jobs of dead workers, archives finished jobs). Failures reach the dead-letter queue without it. */
  supervise?: boolean;
  /** Seconds between supervisor passes (how soon a job of a killed worker is noticed). */
  superviseIntervalSeconds?: number;
  /** Connections in pg-boss's own pool. */
  poolSize?: number;
  applicationName?: string;
  onError?: (err: Error) => void;
}

/** Starts pg-boss (installs or migrates its schema under an advisory lock) and makes sure our queues exist. */
export async function openBoss(url: string, opts: OpenBossOptions = {}): Promise<PgBoss> {
  const config: PgBoss.ConstructorOptions & { connectionTimeoutMillis: number } = {
    connectionString: url,
    schema: BOSS_SCHEMA,
    max: opts.poolSize ?? 4,
    application_name: opts.applicationName ?? 'armsbrief',
    // Handed on to pg's pool: a server that does not answer is an error after 10 s, not a hang.
    connectionTimeoutMillis: 10_000,
    supervise: opts.supervise ?? false,
    maintenanceIntervalSeconds: opts.superviseIntervalSeconds ?? 10,
    archiveCompletedAfterSeconds: KEEP_FINISHED_SECONDS,
    archiveFailedAfterSeconds: KEEP_FINISHED_SECONDS,
    schedule: false,
    migrate: true,
  };
  const boss = new PgBoss(config);
  boss.on('error', opts.onError ?? (() => undefined));
  try {
    await boss.start();
    await ensureQueues(boss);
  } catch (err) {
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    throw new AppError('store_unreachable', `Cannot start the job queue on the PostgreSQL server ${redactUrl(url)}: ${errorMessage(err)}`, {
      hint: 'Check that the server runs and the URL (host, port, user, database) is right.',
      status: 503,
      cause: err,
    });
  }
  return boss;
}

/** Creates the queues if missing. Safe from several processes at once (pg-boss takes an advisory lock). */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  if (!(await boss.getQueue(DEAD_LETTER_QUEUE))) {
    await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, retentionSeconds: 2 * RETENTION_SECONDS });
  }
  if (!(await boss.getQueue(INGEST_QUEUE))) {
    await boss.createQueue(INGEST_QUEUE, {
      name: INGEST_QUEUE,
      ...BATCH_RETRY,
      expireInSeconds: DEFAULT_JOB_TIMEOUT_SECONDS,
      retentionSeconds: RETENTION_SECONDS,
      deadLetter: DEAD_LETTER_QUEUE,
    });
  }
}

/**
 * Errors that say "the server is not there right now" (network, shutdown, too many connections,
 * deadlock or serialization) — the job is retried later — as opposed to errors caused by one
 * document (a data exception such as a NUL character), which are that document's failure.
 */
export function isTransientError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return /^(08|40|53|57|58)/.test(code) || code === '55P03';
  if (typeof code === 'string' && /^(E[A-Z_]+|store_unreachable)$/.test(code)) return true;
  return /connection|connect |terminat|timeout|socket|ECONN|pool after calling end/i.test(errorMessage(err));
}
