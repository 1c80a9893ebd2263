/**
 * npm run bench:queue — ingestion through the job queue on a PostgreSQL server.
 *
 * 1. Batch preparation (language, date, passages, extraction) of the scale corpus on the main
 *    thread vs the worker-thread pool (1 and 2 threads), documents/s.
 * 2. A 100,000-document synthetic corpus (bench/scale-corpus.ts, varied from the dev corpus) is
 *    enqueued with `ingest --queue`'s service, then processed by 1 and by 2 `armsbrief worker`
 *    processes (each a fresh database). Documents/s is measured over the job window — from the
 *    first job a worker started to the last it completed (from pg-boss's job table) — so process
 *    start-up is not counted; the wall time including start-up is printed beside it.
 *
 * Env: BENCH_QUEUE_DOCS (default 100000), BENCH_WORKER_ARGS (extra worker options, e.g. "--threads 2"),
 * ARMSBRIEF_BENCH_PG_URL (use this server instead of starting a private one on port 55441).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openDb } from '../src/store/db.js';
import { enqueueDocuments } from '../src/queue/enqueue.js';
import { createPreparer } from '../src/queue/prepare-pool.js';
import type { RawDocument } from '../src/core/types.js';
import { scaleCorpus } from './scale-corpus.js';
import { startBenchServer, freshServerDb } from './pg-server.js';

const DOCS = Number(process.env.BENCH_QUEUE_DOCS ?? 100_000);
const WORKER_ARGS = (process.env.BENCH_WORKER_ARGS ?? '').split(/\s+/).filter(Boolean);
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/interfaces/cli/main.js');

async function benchPrepare(docs: RawDocument[]): Promise<string[]> {
  const lines: string[] = [];
  const batches: RawDocument[][] = [];
  for (let i = 0; i < docs.length; i += 100) batches.push(docs.slice(i, i + 100));
  for (const threads of [0, 1, 2]) {
    const p = createPreparer(threads);
    await p.prepare(batches[0]); // warm-up (threads compile their code)
    const t = performance.now();
    // Two batches in flight, as a worker with --concurrency 2 has.
    for (let i = 0; i < batches.length; i += 2) await Promise.all(batches.slice(i, i + 2).map((b) => p.prepare(b)));
    const s = (performance.now() - t) / 1000;
    await p.close();
    lines.push(`prepare ${docs.length} docs in batches of 100, ${threads ? `${threads} thread${threads > 1 ? 's' : ''}` : 'main thread'}: ${(docs.length / s).toFixed(0)} docs/s`);
    console.log(lines.at(-1));
  }
  return lines;
}

function runWorkers(url: string, n: number): Promise<number> {
  const t = performance.now();
  return Promise.all(
    Array.from({ length: n }, () => new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, '--db', url, 'worker', '--until-empty', '--check-interval', '5', ...WORKER_ARGS], {
        stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ARMSBRIEF_DB: '', DATABASE_URL: '' },
      });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}: ${err.slice(-2000)}`))));
    })),
  ).then(() => (performance.now() - t) / 1000);
}

async function main() {
  const corpus = [...scaleCorpus(DOCS)];
  const raws: RawDocument[] = corpus.map((d) => ({ source: `bench#${d.id}`, format: 'jsonl', externalId: d.id, text: d.text, lang: d.lang, date: d.date }));
  const results: string[] = [`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`];
  console.log(results[0]);
  results.push(...(await benchPrepare(raws.slice(0, Math.min(DOCS, 10_000)))));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'armsbrief-bench-queue-'));
  const file = path.join(dir, 'corpus.jsonl');
  fs.writeFileSync(file, corpus.map((d) => JSON.stringify({ id: d.id, text: d.text, lang: d.lang, date: d.date })).join('\n') + '\n');
  const server = startBenchServer('ARMSBRIEF_BENCH_PG_URL', process.env.PG_TEST_PORT ?? '55441');
  if (!server) throw new Error('no PostgreSQL server: set ARMSBRIEF_BENCH_PG_URL or install the server binaries');
  const rates: number[] = [];
  try {
    for (const workers of [1, 2]) {
      const url = await freshServerDb(server.url, `armsbrief_bench_queue_${workers}`);
      (await openDb(url)).close(); // schema first, so the workers start alike
      const e = await enqueueDocuments([file], { url });
      results.push(`enqueue ${e.documents} docs in ${e.jobs} jobs: ${(e.documents / (e.durationMs / 1000)).toFixed(0)} docs/s`);
      console.log(results.at(-1));
      const wall = await runWorkers(url, workers);
      const db = await openDb(url);
      const w = (await db.query<{ secs: number; jobs: number }>(
        `SELECT extract(epoch FROM max(completed_on) - min(started_on))::float8 AS secs, count(*)::int AS jobs
         FROM pgboss.job WHERE name = 'armsbrief-ingest' AND state = 'completed'`,
      )).rows[0];
      const stored = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0].n;
      await db.close();
      if (stored !== DOCS) throw new Error(`expected ${DOCS} documents stored, found ${stored}`);
      const rate = DOCS / w.secs;
      rates.push(rate);
      results.push(`${workers} worker${workers > 1 ? 's' : ' '} ${WORKER_ARGS.join(' ')}: ${rate.toFixed(0)} docs/s over the job window (${w.secs.toFixed(1)} s, ${w.jobs} jobs); ${(DOCS / wall).toFixed(0)} docs/s wall incl. start-up (${wall.toFixed(1)} s); ${stored} documents stored`);
      console.log(results.at(-1));
    }
  } finally {
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  results.push(`scaling 2 workers / 1 worker: ${(rates[1] / rates[0]).toFixed(2)}   targets: ≥ 2,000 docs/s with 2 workers, ratio ≥ 1.6`);
  console.log('\n' + results.join('\n'));
}

await main();
