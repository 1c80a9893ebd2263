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
 */
import type { PgBoss, JobResult } from 'pg-boss';
import type { Db } from '../store/db.js';
import { storeDocuments } from '../store/documents.js';
import { errorMessage } from '../core/errors.js';
import type { PreparedDocument } from '../services/prepare-document.js';
import { INGEST_QUEUE, SINGLE_RETRY, isTransientError } from './boss.js';
import { decodeDocument, derivedJobId, isIngestJobData, type IngestJobData, type IngestJobOutput } from './payload.js';
import type { Preparer } from './prepare-pool.js';

export interface IngestJobContext {
  db: Db;
  boss: PgBoss;
  preparer: Preparer;
}

export interface FetchedJob {
  id: string;
  data: unknown;
  expireInSeconds?: number;
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

export async function processIngestJobs(ctx: IngestJobContext, jobs: FetchedJob[], stats?: BatchStats): Promise<JobResult[]> {
  const results: JobResult[] = [];
  const valid = jobs.filter((job) => {
    if (isIngestJobData(job.data)) return true;
    results.push({ id: job.id, status: 'deadletter', output: { error: 'not an armsbrief ingest job (unknown payload)' } });
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
        await ctx.boss.insert(
          INGEST_QUEUE,
          docFailures.map((f) => ({
            id: derivedJobId(job.id, f.index),
            data: { v: 1, docs: [data.docs[f.index]] } satisfies IngestJobData,
            ...SINGLE_RETRY,
            ...(job.expireInSeconds ? { expireInSeconds: job.expireInSeconds } : {}),
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

function failed(job: FetchedJob, err: unknown, stats?: BatchStats, source?: string): JobResult {
  if (stats) stats.failedJobs++;
  return { id: job.id, status: 'failed', output: { error: errorMessage(err), ...(source ? { source } : {}) } };
}
