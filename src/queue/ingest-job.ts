/**
 * What a worker does with the ingest jobs it fetched: prepare every document (inline or on the
 * thread pool), store them all with one `storeDocuments` call, and settle each job on its own.
 *
 * - Stored documents count once whatever happens: `documents.content_hash` is unique and inserts
 *   are `ON CONFLICT DO NOTHING`, so a job retried after a crash, the same content enqueued twice,
 *   or two workers racing on one document all leave one copy.
 * - A document that fails on its own (a data error, e.g. a NUL character PostgreSQL text cannot
 *   hold) is split out of its batch as a single-document job; that job retries with backoff and
 *   ends in the dead-letter queue after its budget, while the rest of the batch completes.
 * - A failure that means "the server is not there" fails the whole job, which pg-boss retries.
 *
 * pg-boss 10 settles a fetched batch as a whole, so `settleJobs` completes or fails each job by id
 * with its own output (the counts `armsbrief jobs` sums, or the error it lists).
 */
import type { Db } from '../store/db.js';
import { storeDocuments } from '../store/documents.js';
import type { PreparedDocument } from '../store/prepared-document.js';
import { errorMessage } from '../core/errors.js';
import { DEAD_LETTER_QUEUE, INGEST_QUEUE, SINGLE_RETRY, isTransientError, type Boss } from './boss.js';
import { decodeDocument, derivedJobId, isIngestJobData, type IngestJobData, type IngestJobOutput } from './payload.js';
import type { Preparer } from './prepare-pool.js';

export interface IngestJobContext {
  db: Db;
  boss: Boss;
  preparer: Preparer;
}

/** How one fetched job ends: done (with its counts), failed (pg-boss retries it, then dead-letters it), or dead-lettered at once. */
export interface JobOutcome {
  id: string;
  status: 'completed' | 'failed' | 'deadletter';
  output: object;
  /** For a dead-lettered job: its payload, kept in the dead-letter list for inspection. */
  data?: unknown;
}

export interface FetchedJob {
  id: string;
  data: unknown;
  /** pg-boss 10 reads it with EXTRACT(epoch …), so a numeric string such as "600.000000". */
  expireInSeconds?: number | string;
}

export interface BatchStats {
  new: number;
  unchanged: number;
  requeued: number;
  failedJobs: number;
}

interface DocFailure {
  index: number;
  error: unknown;
}

export async function processIngestJobs(ctx: IngestJobContext, jobs: FetchedJob[], stats?: BatchStats): Promise<JobOutcome[]> {
  const results: JobOutcome[] = [];
  const valid = jobs.filter((job) => {
    if (isIngestJobData(job.data)) return true;
    results.push({ id: job.id, status: 'deadletter', output: { error: 'not an armsbrief ingest job (unknown payload)' }, data: job.data });
    return false;
  });
  // One prepare and one store call for every document of every fetched job.
  const owners: Array<{ job: FetchedJob; index: number }> = [];
  const raws = valid.flatMap((job) =>
    (job.data as IngestJobData).docs.map((d, index) => {
      owners.push({ job, index });
      return decodeDocument(d);
    }),
  );
  let prepared;
  try {
    prepared = await ctx.preparer.prepare(raws);
  } catch (err) {
    for (const job of valid) results.push(failed(job, err, stats));
    return results;
  }
  const failures = new Map<FetchedJob, DocFailure[]>();
  const fail = (i: number, error: unknown) => {
    const { job, index } = owners[i];
    failures.set(job, [...(failures.get(job) ?? []), { index, error }]);
  };
  const toStore: Array<{ i: number; doc: PreparedDocument }> = [];
  prepared.forEach((p, i) => (p instanceof Error ? fail(i, p) : toStore.push({ i, doc: p })));
  const counts = new Map<FetchedJob, IngestJobOutput>(valid.map((j) => [j, { new: 0, unchanged: 0, requeued: 0 }]));
  let outcomes;
  try {
    outcomes = await storeDocuments(ctx.db, toStore.map((s) => s.doc));
  } catch (err) {
    for (const job of valid) results.push(failed(job, err, stats));
    return results;
  }
  outcomes.forEach((o, k) => {
    const i = toStore[k].i;
    if (o instanceof Error) fail(i, o);
    else counts.get(owners[i].job)![o]++;
  });

  for (const job of valid) {
    const out = counts.get(job)!;
    const docFailures = failures.get(job) ?? [];
    const transient = docFailures.find((f) => isTransientError(f.error));
    const data = job.data as IngestJobData;
    if (transient) {
      results.push(failed(job, transient.error, stats));
      continue;
    }
    if (docFailures.length && data.docs.length === 1) {
      // A single-document job: fail it, so it retries with backoff and ends in the dead-letter queue.
      results.push(failed(job, docFailures[0].error, stats, data.docs[0].source));
      continue;
    }
    if (docFailures.length) {
      try {
        // Derived ids: a batch run again after a crash re-inserts the same jobs, which pg-boss ignores.
        await ctx.boss.insert(
          docFailures.map((f) => ({
            id: derivedJobId(job.id, f.index),
            name: INGEST_QUEUE,
            data: { v: 1, docs: [data.docs[f.index]] } satisfies IngestJobData,
            ...SINGLE_RETRY,
            ...(Number(job.expireInSeconds) > 0 ? { expireInSeconds: Math.round(Number(job.expireInSeconds)) } : {}),
          })),
        );
      } catch (err) {
        results.push(failed(job, err, stats));
        continue;
      }
      out.requeued = docFailures.length;
    }
    if (stats) {
      stats.new += out.new;
      stats.unchanged += out.unchanged;
      stats.requeued += out.requeued;
    }
    results.push({ id: job.id, status: 'completed', output: out });
  }
  return results;
}

function failed(job: FetchedJob, err: unknown, stats?: BatchStats, source?: string): JobOutcome {
  if (stats) stats.failedJobs++;
  return { id: job.id, status: 'failed', output: { error: errorMessage(err), ...(source ? { source } : {}) } };
}

/**
 * Settles each job on its own. A job whose settling fails (the server went away) stays active,
 * expires and runs again; its documents are stored once whatever happens.
 */
export async function settleJobs(boss: Boss, outcomes: JobOutcome[]): Promise<void> {
  for (const o of outcomes) {
    if (o.status === 'completed') await boss.complete(INGEST_QUEUE, o.id, o.output);
    else if (o.status === 'failed') await boss.fail(INGEST_QUEUE, o.id, o.output);
    else {
      // Not ours to retry (an unknown payload): straight to the dead-letter list, as pg-boss would after the retries.
      await boss.insert([{ name: DEAD_LETTER_QUEUE, data: { payload: o.data ?? null, sourceJobId: o.id, error: (o.output as { error?: string }).error } }]);
      await boss.complete(INGEST_QUEUE, o.id, o.output);
    }
  }
}
