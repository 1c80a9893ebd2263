/**
 * The queue as `armsbrief jobs` shows and steers it: counts per state, the dead-letter list and
 * recent failures (read by `store/queue-jobs.ts`), and retrying a failed or dead-lettered job by id.
 */
import type { Queryable } from '../store/db.js';
import { countOpenJobs as countOpen, deadLetterEntries, failureEntries, findJob, jobStateCounts, type JobEntry } from '../store/queue-jobs.js';
import { AppError } from '../core/errors.js';
import { BATCH_RETRY, DEAD_LETTER_QUEUE, INGEST_QUEUE, SINGLE_RETRY, type Boss } from './boss.js';
import { derivedJobId, isIngestJobData } from './payload.js';

export type { JobEntry };

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

export interface JobsOverview {
  queues: QueueCounts[];
  /** Documents the finished jobs stored (new) and found already stored (unchanged). */
  stored: { new: number; unchanged: number; requeued: number };
  deadLetters: JobEntry[];
  /** Failed attempts still waiting for a retry, and jobs failed for good. */
  failures: JobEntry[];
}

/** Jobs of the ingest queue not finished yet: queued, waiting for a retry, or running. */
export function countOpenJobs(db: Queryable): Promise<number> {
  return countOpen(db, INGEST_QUEUE);
}

export async function jobsOverview(db: Queryable, opts: { limit?: number } = {}): Promise<JobsOverview> {
  const empty = (queue: string): QueueCounts => ({
    queue, queued: 0, retrying: 0, running: 0, done: 0, failed: 0, cancelled: 0, documents: { queued: 0, running: 0, done: 0, failed: 0 },
  });
  const overview: JobsOverview = {
    queues: [empty(INGEST_QUEUE), empty(DEAD_LETTER_QUEUE)], stored: { new: 0, unchanged: 0, requeued: 0 }, deadLetters: [], failures: [],
  };
  for (const row of await jobStateCounts(db, [INGEST_QUEUE, DEAD_LETTER_QUEUE])) {
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
  overview.deadLetters = await deadLetterEntries(db, DEAD_LETTER_QUEUE, limit);
  overview.failures = await failureEntries(db, INGEST_QUEUE, DEAD_LETTER_QUEUE, limit);
  return overview;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Retries a job by id: a dead letter goes back to the ingest queue with a fresh retry budget; a
 * failed or cancelled job of the ingest queue is retried in place. pg-boss 10 has no "redrive", so
 * the dead letter's documents are inserted as a new job under an id derived from the dead letter's
 * (a second `retry` after an interruption inserts nothing new) and the dead letter is then deleted.
 */
export async function retryJob(db: Queryable, boss: Boss, id: string): Promise<{ id: string; queue: string; action: 'redriven' | 'retried' }> {
  if (!UUID.test(id)) {
    throw new AppError('usage', `${id} is not a job id (a UUID as listed by \`armsbrief jobs\`).`, { status: 400 });
  }
  const job = await findJob(db, id, [INGEST_QUEUE, DEAD_LETTER_QUEUE]);
  if (!job) {
    throw new AppError('job_not_found', `No job ${id} in the ingest or dead-letter queue.`, {
      hint: 'List jobs with `armsbrief jobs`; finished jobs are deleted after their retention period.', status: 404,
    });
  }
  if (job.name === DEAD_LETTER_QUEUE) {
    if (job.state !== 'created' && job.state !== 'retry') {
      throw new AppError('job_not_retryable', `Dead-letter job ${id} was already handled (state ${job.state}).`, { status: 409 });
    }
    if (!isIngestJobData(job.data)) {
      throw new AppError('job_not_retryable', `Dead-letter job ${id} carries no armsbrief documents, so there is nothing to ingest again.`, { status: 409 });
    }
    const newId = derivedJobId(id, -1);
    await boss.insert([{ id: newId, name: INGEST_QUEUE, data: job.data, ...(job.data.docs.length === 1 ? SINGLE_RETRY : BATCH_RETRY) }]);
    await boss.deleteJob(DEAD_LETTER_QUEUE, id);
    return { id: newId, queue: INGEST_QUEUE, action: 'redriven' };
  }
  if (job.state === 'failed') await boss.retry(INGEST_QUEUE, id);
  else if (job.state === 'cancelled') await boss.resume(INGEST_QUEUE, id);
  else {
    throw new AppError('job_not_retryable', `Job ${id} is ${job.state === 'active' ? 'running' : job.state === 'completed' ? 'done' : 'queued'}; only failed or dead-lettered jobs can be retried.`, { status: 409 });
  }
  return { id, queue: INGEST_QUEUE, action: 'retried' };
}
