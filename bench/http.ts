/**
 * npm run bench:http — the web server under load on loopback: country JSON and search, 50
 * connections, BENCH_SECONDS (default 30) each, with the seeds and ../shared/data loaded. Runs
 * on the embedded store and on a PostgreSQL server (ARMSBRIEF_TEST_PG_URL, or a private one
 * started with scripts/pg-test-server.sh). Requests rotate over countries and queries. Printed:
 * p50/p95/p99 latency, requests/s, errors and non-2xx answers; the same load with the loader
 * cache switched off shows the uncached path (BENCH_UNCACHED=0 skips it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { serve } from '@hono/node-server';
import { openDb, SHARED_BUFFERS, type Db } from '../src/store/db.js';
import { ingestDocuments } from '../src/services/ingest-documents.js';
import { importData } from '../src/services/import-data.js';
import { countriesWithData } from '../src/store/assessments.js';
import { createServer } from '../src/interfaces/http/server.js';
import { startBenchServer, freshServerDb } from './pg-server.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const UNCACHED = process.env.BENCH_UNCACHED !== '0';
const shared = (...p: string[]) => path.resolve(process.cwd(), '..', 'shared', ...p);

const QUERIES = [
  'Militärausgaben', 'Kasachstan', 'Menschenrechte', 'arms', 'Rüstungsexporte', '"nordkoreanische Arbeiter"', 'deserters', 'Drohnen',
  'Korruption', 'military', 'Sanktionen', 'Wagner', 'elections', 'Polizei', 'Streitkräfte', 'human rights',
];

async function load(db: Db): Promise<void> {
  const t0 = performance.now();
  const ing = await ingestDocuments(db, [shared('corpus', 'seeds')]);
  const imp = await importData(db, [shared('data')]);
  console.log(`  loaded ${ing.new + ing.unchanged} seed documents and ${imp.totals.values} indicator values from ${imp.totals.files} files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

interface Figures {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
}

async function hammer(base: string, name: string, paths: string[], seconds: number): Promise<Figures> {
  let i = 0;
  const latencies: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    // Every response's time, so p95 is exact (autocannon's summary has p90 and p97.5 only).
    inst.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] * 10) / 10 : NaN);
  return {
    name, p50: pct(50), p95: pct(95), p99: pct(99),
    rps: Math.round(r.requests.average), requests: r.requests.total, errors: r.errors + r.timeouts, non2xx: r.non2xx,
  };
}

/** The target applies to the server as it runs (cached); the uncached lines show what each request costs when recomputed. */
function print(engine: string, f: Figures, cached: boolean): void {
  const ok = f.p95 <= 100 && f.errors === 0 && f.non2xx === 0 ? 'ok' : 'MISSED';
  const verdict = cached ? `target p95 ≤ 100 ms, 0 errors: ${ok}` : 'no target: every request recomputed, for comparison';
  console.log(`  ${engine.padEnd(9)} ${f.name.padEnd(22)} p50 ${String(f.p50).padStart(6)} ms  p95 ${String(f.p95).padStart(6)} ms  p99 ${String(f.p99).padStart(6)} ms  ${String(f.rps).padStart(6)} req/s  ${f.requests} requests  errors ${f.errors}  non-2xx ${f.non2xx}  [${verdict}]`);
}

async function run(engine: string, db: Db): Promise<void> {
  const countries = (await countriesWithData(db)).filter((c) => /^[A-Z]{2}$/.test(c)).slice(0, 60);
  const countryPaths = countries.map((c) => `/api/countries/${c}`);
  const searchPaths = QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
  for (const cached of UNCACHED ? [true, false] : [true]) {
    const { hono } = createServer({ db, close: () => db.close() }, { cacheLoaders: cached });
    const server = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const seconds = cached ? SECONDS : Math.max(5, Math.round(SECONDS / 3));
    const label = cached ? '' : ' (uncached)';
    // Warm-up: first requests build the map projection, prepared plans, the caches.
    await hammer(base, 'warm-up', [...countryPaths, ...searchPaths], 2);
    print(engine, await hammer(base, `country JSON${label}`, countryPaths, seconds), cached);
    print(engine, await hammer(base, `search${label}`, searchPaths, seconds), cached);
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Requests autocannon gave up on may still be running: let them finish before the store closes.
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

async function main(): Promise<void> {
  console.log(`bench:http — ${CONNECTIONS} connections, ${SECONDS} s per endpoint, ${os.cpus().length} cores, node ${process.version}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'armsbrief-bench-http-'));
  try {
    console.log('embedded store (PGlite):');
    const db = await openDb(dir, { sharedBuffers: SHARED_BUFFERS.longLived }); // as `serve` opens it
    try {
      await load(db);
      await run('embedded', db);
    } finally {
      await db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const server = startBenchServer('ARMSBRIEF_TEST_PG_URL', process.env.PG_TEST_PORT ?? '55499');
  if (!server) {
    console.log('PostgreSQL server: skipped (set ARMSBRIEF_TEST_PG_URL or install the server binaries)');
    return;
  }
  try {
    console.log('PostgreSQL server:');
    const db = await openDb(await freshServerDb(server.url, 'armsbrief_bench_http'), { poolSize: 16 });
    try {
      await load(db);
      await run('server', db);
    } finally {
      await db.close();
    }
  } finally {
    server.stop();
  }
}

await main();
