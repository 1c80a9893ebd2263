/**
 * npm run bench:memory — what a CLI process that opens the embedded store costs in memory, and what
 * search costs in time, for several PGlite shared_buffers sizes and with V8's WebAssembly tiering
 * compiler on or off (--liftoff-only). One store of ≥ 200,000 passages (BENCH_PASSAGES) is built once
 * (BENCH_STORE keeps it between runs); each setting runs in its own process: peak RSS (VmHWM) after
 * opening the store and after 100 varied searches, search p50/p95, and ingestion of 3,000 documents
 * into a fresh store (BENCH_INGEST_DOCS).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import { openDb } from '../src/store/db.js';
import { ingestDocuments } from '../src/services/ingest-documents.js';
import { search } from '../src/services/search.js';
import { scaleCorpus } from './scale-corpus.js';
import { QUERIES_DE, QUERIES_EN } from './search-queries.js';

const PASSAGES = Number(process.env.BENCH_PASSAGES ?? 200_000);
const QUERIES = [...QUERIES_DE, ...QUERIES_EN];

const INGEST_DOCS = Number(process.env.BENCH_INGEST_DOCS ?? 3000);
const hwmMb = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function child(dir: string): Promise<void> {
  if (process.env.BENCH_V8_FLAGS) v8.setFlagsFromString(process.env.BENCH_V8_FLAGS);
  const db = await openDb(dir);
  const afterOpen = hwmMb();
  const times: number[] = [];
  for (let i = 0; i < 120; i++) {
    const started = performance.now();
    await search(db, { query: QUERIES[i % QUERIES.length], limit: 10, lang: i % 3 === 1 ? (i % 20 < 10 ? 'de' : 'en') : undefined });
    if (i >= 20) times.push(performance.now() - started);
  }
  const afterSearch = hwmMb();
  await db.close();
  // Ingestion throughput on a fresh store in the same process (same flags and buffers).
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'armsbrief-bench-memory-ingest-'));
  const file = path.join(fresh, 'docs.jsonl');
  fs.writeFileSync(file, [...scaleCorpus(INGEST_DOCS, 99)].map((d) => JSON.stringify({ id: d.id, text: d.text, date: d.date })).join('\n'));
  const target = await openDb(path.join(fresh, 'store'));
  const started = performance.now();
  await ingestDocuments(target, [file]);
  const docsPerSecond = INGEST_DOCS / ((performance.now() - started) / 1000);
  await target.close();
  fs.rmSync(fresh, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ afterOpen, afterSearch, p50: pct(times, 50), p95: pct(times, 95), docsPerSecond }));
}

async function build(dir: string): Promise<number> {
  const db = await openDb(dir);
  try {
    let passages = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM passages')).rows[0].n;
    let seed = 1;
    while (passages < PASSAGES) {
      const docs = [...scaleCorpus(Math.ceil((PASSAGES - passages) / 5) + 100, seed)].map((d) => ({ ...d, id: `${d.id}-${seed}` }));
      const file = path.join(os.tmpdir(), `armsbrief-bench-memory-${process.pid}-${seed++}.jsonl`);
      fs.writeFileSync(file, docs.map((d) => JSON.stringify({ id: d.id, text: d.text, date: d.date })).join('\n'));
      await ingestDocuments(db, [file]);
      fs.rmSync(file);
      passages = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM passages')).rows[0].n;
    }
    return passages;
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]);
  const dir = process.env.BENCH_STORE ?? fs.mkdtempSync(path.join(os.tmpdir(), 'armsbrief-bench-memory-'));
  const passages = await build(dir);
  console.log(`store: ${dir}, ${passages} passages; each line: one process opening it, 20 warm-up + 100 varied searches`);
  const sizes = (process.env.BENCH_SHARED_BUFFERS ?? '256MB,128MB,64MB,32MB').split(',');
  const flagSets = (process.env.BENCH_FLAG_SETS ?? ',--liftoff-only,--wasm-tiering-budget=100000000').split(',');
  for (const flags of flagSets) {
    for (const sb of sizes) {
      const r = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--child', dir], {
        env: { ...process.env, ARMSBRIEF_SHARED_BUFFERS: sb, BENCH_V8_FLAGS: flags }, encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(r.stderr);
      const m = JSON.parse(r.stdout) as { afterOpen: number; afterSearch: number; p50: number; p95: number; docsPerSecond: number };
      console.log(`shared_buffers ${sb.padEnd(6)} V8 ${(flags || 'default').padEnd(32)} peak RSS after open ${m.afterOpen.toFixed(0)} MB, after searches ${m.afterSearch.toFixed(0)} MB; ` +
        `search p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms; ingest ${m.docsPerSecond.toFixed(0)} docs/s (${INGEST_DOCS} docs, fresh store)`);
    }
  }
  if (!process.env.BENCH_STORE) fs.rmSync(dir, { recursive: true, force: true });
}

await main();
