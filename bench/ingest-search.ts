/**
 * npm run bench — ingestion throughput on the embedded store and on a PostgreSQL server, and
 * search latency on a store of ≥ 200,000 passages. Baselines in the same run: row-by-row
 * inserts (one transaction and one INSERT per document and passage) for ingestion, and an
 * unindexed ILIKE scan for search.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, SHARED_BUFFERS, type Db } from '../src/store/db.js';
import { ingestDocuments } from '../src/services/ingest-documents.js';
import { prepareDocument, type PreparedDocument } from '../src/services/prepare-document.js';
import { search } from '../src/services/search.js';
import { startBenchServer, freshServerDb } from './pg-server.js';
import { scaleCorpus, type ScaleDoc } from './scale-corpus.js';
import { variedQueries } from './search-queries.js';

const DOCS = Number(process.env.BENCH_DOCS ?? 20_000);
const SEARCH_PASSAGES = Number(process.env.BENCH_PASSAGES ?? 200_000);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

function prepare(d: ScaleDoc): PreparedDocument {
  return prepareDocument({ source: `bench#${d.id}`, format: 'jsonl', externalId: d.id, text: d.text, lang: d.lang, date: d.date });
}

/** The real path of `armsbrief ingest file.jsonl`: read, prepare (extraction included), store in batches. */
async function ingest(db: Db, docs: ScaleDoc[], dir: string): Promise<{ seconds: number; bytes: number }> {
  const file = path.join(dir, `corpus-${docs[0].id}-${docs.length}.jsonl`);
  fs.writeFileSync(file, docs.map((d) => JSON.stringify({ id: d.id, text: d.text, date: d.date })).join('\n'));
  const started = performance.now();
  const report = await ingestDocuments(db, [file]);
  const seconds = (performance.now() - started) / 1000;
  if (report.failed) throw new Error(`${report.failed} documents failed: ${report.items.find((i) => i.status === 'failed')?.reason}`);
  return { seconds, bytes: report.bytes };
}

/** Baseline: what a straightforward implementation does — a transaction and an INSERT per row. */
async function ingestRowByRow(db: Db, docs: ScaleDoc[]): Promise<number> {
  const started = performance.now();
  for (const raw of docs) {
    const d = prepare(raw);
    await db.transaction(async (tx) => {
      const r = await tx.query(
        `INSERT INTO documents (id, content_hash, title, source, external_id, format, lang, doc_date, date_from, date_to, char_count, text)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) ON CONFLICT (content_hash) DO NOTHING RETURNING id`,
        [d.id, d.contentHash, d.title, d.source, d.externalId, d.format, d.lang, d.date, d.dateFrom, d.dateTo, d.text.length, d.text],
      );
      if (!r.rows.length) return;
      for (const p of d.passages) {
        await tx.query('INSERT INTO passages (doc_id, idx, start_off, end_off, lang, ts_config, text) VALUES ($1,$2,$3,$4,$5,$6::regconfig,$7)',
          [d.id, p.index, p.start, p.end, p.lang, p.tsConfig, p.text]);
      }
    });
  }
  return (performance.now() - started) / 1000;
}

async function searchLatency(db: Db, n: number): Promise<{ p50: number; p95: number; mean: number; queries: number }> {
  const times: number[] = [];
  for (const q of variedQueries(n)) {
    const started = performance.now();
    await search(db, q);
    times.push(performance.now() - started);
  }
  return { p50: pct(times, 50), p95: pct(times, 95), mean: times.reduce((a, b) => a + b, 0) / times.length, queries: n };
}

async function baselineScan(db: Db, n: number): Promise<{ p50: number; p95: number }> {
  const words = ['Militärausgaben', 'embargo', 'Drohnen', 'refugees', 'Sanktionen'];
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await db.query(`SELECT doc_id, idx FROM passages WHERE text ILIKE '%' || $1 || '%' LIMIT 10 OFFSET 0`, [words[i % words.length]]);
    await db.query(`SELECT count(*) FROM passages WHERE text ILIKE '%' || $1 || '%'`, [words[i % words.length]]);
    times.push(performance.now() - started);
  }
  return { p50: pct(times, 50), p95: pct(times, 95) };
}

/** CPU seconds used by this process and by the whole machine (Linux /proc/stat) between start and stop. */
function cpuMeter(): { stop(): { process: number; machine: number; idle: number } | null } {
  const ticks = () => {
    try {
      const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
      return { busy: f[0] + f[1] + f[2] + f[5] + f[6], idle: f[3] + f[4] };
    } catch {
      return null;
    }
  };
  const t0 = ticks();
  const c0 = process.cpuUsage();
  return {
    stop() {
      const t1 = ticks();
      const c = process.cpuUsage(c0);
      if (!t0 || !t1) return null;
      const hz = 100; // USER_HZ on Linux
      return { process: (c.user + c.system) / 1e6, machine: (t1.busy - t0.busy) / hz, idle: (t1.idle - t0.idle) / hz };
    },
  };
}

/**
 * What PostgreSQL spends on full-text indexing alone, per stored corpus: the stored passages are
 * inserted again into a copy with and without the tsvector column and its GIN index; the
 * difference is the part no batching can remove.
 */
async function indexingFloor(db: Db): Promise<number> {
  const time = async (sql: string) => {
    const t = performance.now();
    await db.exec(sql);
    return (performance.now() - t) / 1000;
  };
  await db.exec(`CREATE TABLE floor_plain (ts_config regconfig, text text);
    CREATE TABLE floor_indexed (ts_config regconfig, text text, tsv tsvector GENERATED ALWAYS AS (to_tsvector(ts_config, text)) STORED);
    CREATE INDEX ON floor_indexed USING gin (tsv);`);
  const plain = await time('INSERT INTO floor_plain SELECT ts_config, text FROM passages');
  const indexed = await time('INSERT INTO floor_indexed SELECT ts_config, text FROM passages');
  await db.exec('DROP TABLE floor_plain, floor_indexed');
  return indexed - plain;
}

async function main() {
  console.log(`armsbrief ingest/search benchmark — ${os.cpus().length} cores, Node ${process.version}`);
  const corpus = [...scaleCorpus(DOCS)];
  const mb = corpus.reduce((s, d) => s + Buffer.byteLength(d.text), 0) / 1e6;
  console.log(`corpus: ${DOCS} documents varied from ../shared/corpus/dev/docs.jsonl, ${mb.toFixed(1)} MB, ~${Math.round((mb * 1e6) / DOCS)} bytes each\n`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'armsbrief-bench-'));
  const results: string[] = [];
  try {
    // Embedded store.
    // Search is measured as the long-lived server runs it (`serve` keeps the larger buffer pool).
    const emb = await openDb(path.join(dir, 'embedded'), { sharedBuffers: SHARED_BUFFERS.longLived });
    const e = await ingest(emb, corpus, dir);
    results.push(`ingest embedded (PGlite): ${(DOCS / e.seconds).toFixed(0)} docs/s, ${(e.bytes / 1e6 / e.seconds).toFixed(2)} MB/s (${e.seconds.toFixed(1)} s)   target ≥ 500 docs/s`);
    console.log(results.at(-1));
    const baseDocs = corpus.slice(0, 1000).map((d, i) => ({ ...d, text: `${d.text}\n\nbaseline ${i}` }));
    const eb = await ingestRowByRow(emb, baseDocs);
    results.push(`  baseline row-by-row embedded: ${(baseDocs.length / eb).toFixed(0)} docs/s on 1,000 docs`);
    console.log(results.at(-1));

    // Fill to ≥ SEARCH_PASSAGES passages for the search measurement.
    let passages = (await emb.query<{ n: number }>('SELECT count(*)::int AS n FROM passages')).rows[0].n;
    let seed = 1000;
    while (passages < SEARCH_PASSAGES) {
      const more = [...scaleCorpus(Math.ceil((SEARCH_PASSAGES - passages) / 5) + 100, seed++)].map((d) => ({ ...d, id: `${d.id}-${seed}` }));
      await ingest(emb, more, dir);
      passages = (await emb.query<{ n: number }>('SELECT count(*)::int AS n FROM passages')).rows[0].n;
    }
    await searchLatency(emb, 20); // warm-up
    const s = await searchLatency(emb, 100);
    results.push(`search embedded on ${passages} passages: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, mean ${s.mean.toFixed(1)} ms over ${s.queries} varied queries   target p95 ≤ 30 ms`);
    console.log(results.at(-1));
    const sb = await baselineScan(emb, 10);
    results.push(`  baseline unindexed ILIKE scan: p50 ${sb.p50.toFixed(1)} ms, p95 ${sb.p95.toFixed(1)} ms`);
    console.log(results.at(-1));
    await emb.close();

    // PostgreSQL server.
    const server = startBenchServer('ARMSBRIEF_TEST_PG_URL', '55433');
    if (!server) {
      results.push('ingest server: skipped — no PostgreSQL server binaries and no ARMSBRIEF_TEST_PG_URL');
      console.log(results.at(-1));
    } else {
      try {
        const url = await freshServerDb(server.url, 'armsbrief_bench');
        const srv = await openDb(url);
        const settings = (await srv.query<{ fsync: string; sc: string }>(`SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc`)).rows[0];
        const cpu = cpuMeter();
        const r = await ingest(srv, corpus, dir);
        const used = cpu.stop();
        results.push(`ingest server (PostgreSQL, fsync=${settings.fsync}, synchronous_commit=${settings.sc}): ${(DOCS / r.seconds).toFixed(0)} docs/s, ${(r.bytes / 1e6 / r.seconds).toFixed(2)} MB/s (${r.seconds.toFixed(1)} s)   target ≥ 2,000 docs/s`);
        console.log(results.at(-1));
        if (used) {
          const perDoc = (s: number) => ((s / DOCS) * 1000).toFixed(2);
          const floor = await indexingFloor(srv);
          results.push(`  CPU per document: armsbrief ${perDoc(used.process)} ms (read, extraction, batching), everything else (PostgreSQL) ${perDoc(used.machine - used.process)} ms, of which building tsvectors and their GIN index alone ${perDoc(floor)} ms; idle ${(used.idle / (used.idle + used.machine) * 100).toFixed(0)}% of ${os.cpus().length} cores`);
          console.log(results.at(-1));
        }
        // Search on what ingest stored (and settled), before the row-by-row baseline: its rows, never
        // settled, sit in the GIN indexes' pending lists, which every search would scan.
        await searchLatency(srv, 20);
        const ss = await searchLatency(srv, 100);
        const sp = (await srv.query<{ n: number }>('SELECT count(*)::int AS n FROM passages')).rows[0].n;
        results.push(`search server on ${sp} passages: p50 ${ss.p50.toFixed(1)} ms, p95 ${ss.p95.toFixed(1)} ms`);
        console.log(results.at(-1));
        const rb = await ingestRowByRow(srv, baseDocs);
        results.push(`  baseline row-by-row server: ${(baseDocs.length / rb).toFixed(0)} docs/s on 1,000 docs`);
        console.log(results.at(-1));
        await srv.close();
      } finally {
        server.stop();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log('\nsummary\n' + results.map((r) => `  ${r}`).join('\n'));
}

await main();
