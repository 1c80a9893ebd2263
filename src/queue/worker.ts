/**
 * A queue worker: an adapter like the CLI, on top of services (it calls them, never the reverse).
 * Fetches ingest jobs from the PostgreSQL server's queue (pg-boss, SKIP LOCKED, so any number of
 * workers on any number of machines share the work), prepares and stores their documents, and
 * settles each job on its own (its own fetch loops: pg-boss 10's `work` settles a batch as one). Survives the server going away: errors are
 * logged as one clear line (rate-limited), the worker pauses and probes with backoff, and resumes
 * when the server is back. A job whose worker died is retried by another worker once it expires.
 */
import { openDb, redactUrl, type Db } from '../store/db.js';
import { AppError, errorMessage } from '../core/errors.js';
import { INGEST_QUEUE, isTransientError, openBoss, requireServerUrl, type Boss } from './boss.js';
import { processIngestJobs, settleJobs, type BatchStats } from './ingest-job.js';
import { createPreparer, type Preparer } from './prepare-pool.js';
import { countOpenJobs } from './jobs.js';

export interface WorkerOptions {
  /** postgres://… of the server holding the store and the queue. */
  url: string;
  /** Jobs processed at the same time in this process (independent fetch loops). Default 1. */
  concurrency?: number;
  /** Threads that prepare documents (0: on the main thread). Default 0. */
  threads?: number;
  /** Jobs fetched at once per loop (their documents are stored together). Default 2. */
  jobsPerFetch?: number;
  /** Seconds between the supervisor's passes (expire jobs of dead workers, dead-letter). Default 10. */
  superviseIntervalSeconds?: number;
  /** Stop (gracefully) when the queue has no queued, retrying or running job left. */
  untilEmpty?: boolean;
  /** Abort to stop gracefully: no new jobs, the current ones finish (or are released at the timeout). */
  signal?: AbortSignal;
  /** Seconds to wait for running jobs on stop before leaving them to expire and be retried elsewhere. */
  stopTimeoutSeconds?: number;
  /** Progress and error lines (default: stderr). */
  log?: (line: string) => void;
  /** Called when the worker fetches work (tests, benchmarks). */
  onStarted?: () => void;
}

export interface WorkerReport extends BatchStats {
  jobs: number;
  durationMs: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** One line per kind of error, at most every 10 s, with how many were held back. */
function rateLimitedLog(log: (line: string) => void) {
  const last = new Map<string, { at: number; held: number }>();
  return (key: string, line: string) => {
    const now = Date.now();
    const seen = last.get(key);
    if (seen && now - seen.at < 10_000) {
      seen.held++;
      return;
    }
    log(seen?.held ? `${line} (${seen.held} similar in the last ${Math.round((now - seen.at) / 1000)} s)` : line);
    last.set(key, { at: now, held: 0 });
  };
}

export async function runWorker(opts: WorkerOptions): Promise<WorkerReport> {
  const url = requireServerUrl(opts.url, 'A queue worker');
  const server = redactUrl(url);
  const log = opts.log ?? ((line: string) => process.stderr.write(`armsbrief worker: ${line}\n`));
  const warn = rateLimitedLog(log);
  const signal = opts.signal;
  const concurrency = opts.concurrency ?? 1;
  const started = performance.now();
  const report: WorkerReport = { jobs: 0, new: 0, unchanged: 0, requeued: 0, failedJobs: 0, durationMs: 0 };

  // Connect, waiting (with backoff) for a server that is not up yet.
  let db: Db | undefined;
  let boss: Boss | undefined;
  let paused = false;
  let pauseRequested: (() => void) | null = null;
  const onBossError = (err: Error) => {
    warn(`error:${errorMessage(err).slice(0, 40)}`, `${isTransientError(err) ? `cannot reach the PostgreSQL server ${server}` : 'queue error'}: ${oneLine(errorMessage(err))}`);
    if (isTransientError(err)) pauseRequested?.();
  };
  for (let attempt = 0; !signal?.aborted; attempt++) {
    try {
      db ??= await openDb(url, { poolSize: concurrency * 2 + 2 });
      boss = await openBoss(url, {
        supervise: true, superviseIntervalSeconds: opts.superviseIntervalSeconds, applicationName: 'armsbrief-worker', onError: onBossError,
      });
      break;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'store_unreachable')) {
        await db?.close().catch(() => undefined);
        throw err;
      }
      const wait = Math.min(30, 2 ** Math.min(attempt, 5));
      warn('connect', `${oneLine(err.message)} — next try in ${wait} s`);
      await sleep(wait * 1000, signal);
    }
  }
  if (!db || !boss) {
    await db?.close().catch(() => undefined);
    report.durationMs = Math.round(performance.now() - started);
    return report;
  }
  const store = db;
  const queue = boss;
  const preparer: Preparer = createPreparer(opts.threads ?? 0);
  const batchSize = opts.jobsPerFetch ?? 2;
  // Stops the fetch loops: the caller's signal, or an empty queue under untilEmpty.
  const stopping = new AbortController();
  signal?.addEventListener('abort', () => stopping.abort(), { once: true });
  if (signal?.aborted) stopping.abort();

  // One loop per unit of concurrency: fetch a few jobs, prepare and store them, settle each.
  const fetchLoop = async () => {
    while (!stopping.signal.aborted) {
      if (paused) {
        await sleep(500, stopping.signal);
        continue;
      }
      let jobs;
      try {
        jobs = (await queue.fetch<unknown>(INGEST_QUEUE, { batchSize })) ?? [];
      } catch (err) {
        onBossError(err as Error);
        await sleep(1000, stopping.signal);
        continue;
      }
      if (!jobs.length) {
        await sleep(500, stopping.signal);
        continue;
      }
      report.jobs += jobs.length;
      const outcomes = await processIngestJobs({ db: store, boss: queue, preparer }, jobs, report);
      await settleJobs(queue, outcomes).catch((err) => onBossError(err as Error));
    }
  };

  // Pause on a lost server: stop fetching, probe with backoff, resume when it answers.
  let pauseLoop: Promise<void> | null = null;
  pauseRequested = () => {
    if (paused || stopping.signal.aborted) return;
    paused = true;
    pauseLoop = (async () => {
      for (let attempt = 0; !stopping.signal.aborted; attempt++) {
        const wait = Math.min(30, 2 ** Math.min(attempt, 5));
        warn('pause', `paused: the PostgreSQL server ${server} does not answer — next try in ${wait} s`);
        await sleep(wait * 1000, stopping.signal);
        try {
          await store.query('SELECT 1');
          break;
        } catch {
          /* still down */
        }
      }
      if (stopping.signal.aborted) return;
      log(`the PostgreSQL server ${server} answers again — resuming`);
      paused = false;
    })();
  };

  let lastProgress = '';
  const progress = () => {
    const line = `${report.jobs} jobs: ${report.new} new, ${report.unchanged} unchanged, ${report.requeued} re-enqueued singly, ${report.failedJobs} job failures`;
    if (line !== lastProgress) log(line);
    lastProgress = line;
  };
  const loops = Array.from({ length: concurrency }, () => fetchLoop());
  try {
    log(`working on ${INGEST_QUEUE} at ${server} (concurrency ${concurrency}, ${preparer.threads ? `${preparer.threads} prepare threads` : 'preparing on the main thread'})`);
    opts.onStarted?.();
    let ticks = 0;
    while (!stopping.signal.aborted) {
      await sleep(1000, stopping.signal);
      if (++ticks % 30 === 0) progress();
      if (opts.untilEmpty && !paused) {
        const open = await countOpenJobs(store).catch(() => -1);
        if (open === 0) break;
      }
    }
  } finally {
    stopping.abort();
    log('stopping: finishing the running jobs');
    // Jobs still running after the timeout stay active in the queue: they expire and run again elsewhere.
    const timer = new AbortController();
    await Promise.race([Promise.allSettled(loops), sleep((opts.stopTimeoutSeconds ?? 60) * 1000, timer.signal)]);
    timer.abort();
    await queue.stop({ graceful: false, close: true, wait: true }).catch((err) => onBossError(err as Error));
    await (pauseLoop ?? Promise.resolve());
    await preparer.close();
    await store.close().catch(() => undefined);
  }
  progress();
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
