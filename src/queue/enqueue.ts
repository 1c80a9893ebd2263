/**
 * Enqueueing (the queue's side of `ingest --queue`): read inputs here (workers may run on machines without these files) and enqueue their
 * raw documents as jobs of a batch each on the PostgreSQL server's job queue. Workers
 * (`armsbrief worker`, anywhere that reaches the server) prepare and store them.
 */
import type PgBoss from 'pg-boss';
import { readInputs, type InputFormat } from '../ingest/read-inputs.js';
import { BATCH_RETRY, DEFAULT_JOB_TIMEOUT_SECONDS, INGEST_QUEUE, openBoss, requireServerUrl, type Boss } from './boss.js';
import { JobBatcher, wellFormedDocument, type IngestJobData, type JobDocument } from './payload.js';
import { AppError, errorMessage } from '../core/errors.js';
import { withoutSubject } from '../core/subject.js';
import { redactUrl } from '../store/db.js';

export interface EnqueueItem {
  source: string;
  status: 'failed' | 'skipped';
  code?: string;
  reason?: string;
}

export interface EnqueueReport {
  queue: string;
  server: string;
  documents: number;
  jobs: number;
  failed: number;
  skipped: number;
  bytes: number;
  durationMs: number;
  /** Inputs that could not be read (failed) or were not documents (skipped); enqueued documents are not listed. */
  items: EnqueueItem[];
  /** Problems that did not keep a document out (e.g. unpaired surrogates replaced). */
  warnings: Array<{ source: string; reason: string }>;
}

export interface EnqueueProgress {
  filesDone: number;
  filesTotal: number;
  documents: number;
  jobs: number;
}

export interface EnqueueOptions {
  /** postgres://… of the server holding the queue (an embedded store is refused). */
  url: string;
  format?: InputFormat;
  maxBytes?: number;
  stdin?: NodeJS.ReadableStream;
  /** Documents per job (default 100). */
  batchSize?: number;
  /** Seconds a job may stay active before it counts as lost and is retried (default 600). */
  jobTimeoutSeconds?: number;
  onProgress?: (p: EnqueueProgress) => void;
  /** An already started pg-boss (benchmarks, tests); otherwise one is opened and closed here. */
  boss?: Boss;
}

/** Jobs per INSERT: a few MB of payload per statement. */
const JOBS_PER_INSERT = 10;

export async function enqueueDocuments(inputs: string[], opts: EnqueueOptions): Promise<EnqueueReport> {
  const url = requireServerUrl(opts.url, 'Ingesting through the job queue (--queue)');
  const batchSize = opts.batchSize ?? 100;
  if (!(batchSize >= 1)) throw new AppError('usage', 'The batch size must be at least 1.', { status: 400 });
  const started = performance.now();
  const report: EnqueueReport = {
    queue: INGEST_QUEUE, server: redactUrl(url), documents: 0, jobs: 0, failed: 0, skipped: 0, bytes: 0, durationMs: 0, items: [], warnings: [],
  };
  const boss = opts.boss ?? (await openBoss(url, { applicationName: 'armsbrief-enqueue' }));
  const expireInSeconds = opts.jobTimeoutSeconds ?? DEFAULT_JOB_TIMEOUT_SECONDS;
  let pending: PgBoss.JobInsert<IngestJobData>[] = [];
  const send = async (force: boolean) => {
    if (!pending.length || (!force && pending.length < JOBS_PER_INSERT)) return;
    const jobs = pending;
    pending = [];
    try {
      await boss.insert(jobs);
    } catch (err) {
      // The server refused the data (SQLSTATE class 22, e.g. invalid json): find the documents it
      // refuses, report them by name, and enqueue the rest, instead of losing the whole insert.
      if (/^22/.test(String((err as { code?: unknown }).code ?? ''))) return insertOneByOne(jobs);
      throw new AppError('store_unreachable', `Cannot enqueue jobs on ${report.server}: ${errorMessage(err)}`, {
        hint: `${report.jobs - jobs.length} jobs (${report.documents} documents read) were enqueued before the error; running the same command again is safe — each content is stored once.`,
        status: 503,
        cause: err,
      });
    }
  };
  const insertOneByOne = async (jobs: PgBoss.JobInsert<IngestJobData>[]) => {
    for (const job of jobs) {
      for (const doc of job.data!.docs) {
        try {
          await boss.insert([{ ...job, data: { v: 1, docs: [doc] } }]);
        } catch (err) {
          if (!/^22/.test(String((err as { code?: unknown }).code ?? ''))) throw err;
          report.documents--;
          report.items.push({ source: doc.source, status: 'failed', code: 'enqueue_refused', reason: `the server refused the document: ${errorMessage(err)}` });
        }
      }
    }
  };
  const addJob = async (docs: JobDocument[]) => {
    if (!docs.length) return;
    pending.push({ name: INGEST_QUEUE, data: { v: 1, docs }, ...BATCH_RETRY, expireInSeconds });
    report.jobs++;
    await send(false);
  };
  try {
    const batcher = new JobBatcher(batchSize);
    let filesDone = 0;
    let filesTotal = 0;
    const progress = () => opts.onProgress?.({ filesDone, filesTotal, documents: report.documents, jobs: report.jobs });
    const reading = readInputs(inputs, {
      ...opts,
      onFile: (at, bytes) => {
        filesTotal = at.filesTotal;
        report.bytes += bytes;
      },
      onFileDone: (at) => {
        filesDone = at.filesDone;
        progress();
      },
    });
    for await (const item of reading) {
      if (item.kind === 'failure') report.items.push({ source: item.source, status: 'failed', code: item.code, reason: item.reason });
      else if (item.kind === 'skipped') report.items.push({ source: item.source, status: 'skipped', reason: item.reason });
      else {
        for (const w of item.warnings ?? []) report.warnings.push({ source: item.doc.source, reason: withoutSubject(w, item.doc.source) });
        const { doc, replaced } = wellFormedDocument(item.doc);
        if (replaced) report.warnings.push({ source: doc.source, reason: `${replaced} unpaired UTF-16 surrogates replaced with U+FFFD.` });
        report.documents++;
        for (const batch of batcher.add(doc)) await addJob(batch);
        if (report.documents % 1000 === 0) progress();
      }
    }
    await addJob(batcher.take());
    await send(true);
  } finally {
    if (!opts.boss) await boss.stop({ graceful: false, close: true }).catch(() => undefined);
  }
  report.failed = report.items.filter((i) => i.status === 'failed').length;
  report.skipped = report.items.filter((i) => i.status === 'skipped').length;
  report.durationMs = Math.round(performance.now() - started);
  return report;
}
