/**
 * pg-boss wiring: the queues armsbrief uses, their retry policy, and opening a PgBoss instance on
 * the PostgreSQL server. The queue lives only on a server (pg-boss needs SKIP LOCKED across
 * processes and machines); an embedded store is refused with a clear error.
 */
import { PgBoss } from 'pg-boss';
import { AppError, errorMessage } from '../core/errors.js';
import { isServerUrl, redactUrl } from '../store/db.js';

/** Jobs that carry a batch of raw documents (or one document split out of a failed batch). */
export const INGEST_QUEUE = 'armsbrief-ingest';
/** Where a job ends after its retry budget: the dead-letter list shown by `armsbrief jobs`. */
export const DEAD_LETTER_QUEUE = 'armsbrief-ingest-dead';
/** The PostgreSQL schema pg-boss keeps its tables in. */
export const BOSS_SCHEMA = 'pgboss';

export interface RetryPolicy {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  retryDelayMax: number;
}

/** Batch jobs: a whole batch fails only when the server is unreachable, so retry patiently. */
export const BATCH_RETRY: RetryPolicy = { retryLimit: 8, retryDelay: 2, retryBackoff: true, retryDelayMax: 300 };
/** Single-document jobs (split out of a batch because that document failed): a short budget. */
export const SINGLE_RETRY: RetryPolicy = { retryLimit: 3, retryDelay: 1, retryBackoff: true, retryDelayMax: 60 };
/** Seconds a job may stay active before it counts as lost (its worker died) and is retried. */
export const DEFAULT_JOB_TIMEOUT_SECONDS = 600;

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
  /** Run pg-boss's supervisor (expires jobs of dead workers, moves failures to the dead-letter queue). */
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
  const interval = opts.superviseIntervalSeconds ?? 10;
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    max: opts.poolSize ?? 4,
    application_name: opts.applicationName ?? 'armsbrief',
    connectionTimeoutMillis: 10_000,
    supervise: opts.supervise ?? false,
    superviseIntervalSeconds: interval,
    monitorIntervalSeconds: interval,
    schedule: false,
    migrate: true,
  });
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
    await boss.createQueue(DEAD_LETTER_QUEUE, { retentionSeconds: 30 * 24 * 3600, deleteAfterSeconds: 30 * 24 * 3600 });
  }
  if (!(await boss.getQueue(INGEST_QUEUE))) {
    await boss.createQueue(INGEST_QUEUE, {
      ...BATCH_RETRY,
      expireInSeconds: DEFAULT_JOB_TIMEOUT_SECONDS,
      deleteAfterSeconds: 7 * 24 * 3600,
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
