/**
 * npm run bench:assess-scale — assessments at 40,000 documents, each figure beside the earlier
 * path in the same run: `assess` of the most-reported country (median of 5) with evidence
 * aggregated in SQL against every evidence row read and summarised in the process; `assess --all`
 * the same two ways; the country pages an import builds and keeps at its end; and the web app's
 * country JSON under 50 connections in the first 10 s after it starts, reading stored assessments
 * and kept pages (kept current by ingest and import, the serve process warming in the background):
 * after an import, on the day after an import, after a restart and with no page kept, against computing each country's
 * assessment on its first request.
 * The store is the one of `npm run bench:scale`, built once (bench/scale-corpus-store.ts).
 * `measureAssessScale(storeDir)` returns the figures for bench/scale.ts.
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { serve } from '@hono/node-server';
import { openDb, SHARED_BUFFERS, type Db } from '../src/store/db.js';
import { assessCountries, loadMethodology, todayUtc, type EvidencePath } from '../src/services/assess-country.js';
import { refreshAssessments, staleCountries } from '../src/services/current-assessments.js';
import { countriesWithData } from '../src/store/assessments.js';
import { evidenceCountsByCountry } from '../src/store/evidence.js';
import { createServer, warmServer, type ServerOptions } from '../src/interfaces/http/server.js';
import { clearPages, keepCountryPages } from '../src/services/kept-pages.js';
import { scaleStore } from './scale-corpus-store.js';

const CONNECTIONS = 50;
const WEB_SECONDS = Number(process.env.BENCH_WEB_SECONDS ?? 10);

export interface WebFigures {
  p50: number;
  p95: number;
  requests: number;
  timeouts: number;
  errors: number;
  non2xx: number;
}

export interface AssessScaleFigures {
  documents: number;
  country: string;
  /** Evidence tags (passage × country × criterion) of the most-reported country. */
  countryTags: number;
  assessOne: { sqlMs: number; rowsMs: number };
  assessAll: { countries: number; sqlMs: number; rowsMs: number };
  /** Computing and storing the stale assessments, as `ingest` and `data import` do at their end. */
  refreshAll: { countries: number; ms: number };
  /** Building and keeping every country page, as `ingest` and `data import` do after that. */
  keepPages: { built: number; ms: number };
  /**
   * Stored assessments: the first start after an import (pages kept by it), a restart (pages kept by
   * the previous server), pages built on request (none kept); the earlier path (computed on request).
   */
  web: { afterImport: WebFigures; nextDay: WebFigures; kept: WebFigures; keptGzip: WebFigures; onRequest: WebFigures; builtOnRequest: WebFigures; paths: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeAssessOne(db: Db, country: string, evidencePath: EvidencePath, runs = 5): Promise<number> {
  const methodology = loadMethodology();
  await assessCountries(db, [country], { methodology, evidencePath, store: false }); // warm-up: JIT, plans, buffers
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await assessCountries(db, [country], { methodology, evidencePath }); // stored, as `armsbrief assess RU` does
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

async function timeAssessAll(db: Db, evidencePath: EvidencePath): Promise<{ ms: number; countries: number }> {
  const t0 = performance.now();
  const r = await assessCountries(db, null, { methodology: loadMethodology(), evidencePath });
  return { ms: performance.now() - t0, countries: r.length };
}

type Pages = 'none' | 'import' | 'kept';

/**
 * Starts the web app the way `serve` does (warming in the background) and loads it for
 * WEB_SECONDS from the first moment. `pages`: 'none' drops the pages kept in the store first (built
 * on request), 'import' drops them and keeps them again as `ingest` and `data import` do at their
 * end (the first start after an import), 'kept' lets a previous server build them all (a restart).
 */
export async function webFirstSeconds(storeDir: string, paths: string[], options: ServerOptions, pages: Pages = 'none', headers: Record<string, string> = {}): Promise<WebFigures> {
  const db = await openDb(storeDir, { sharedBuffers: SHARED_BUFFERS.longLived });
  if (pages !== 'kept') await clearPages(db);
  if (pages === 'import') await keepCountryPages(db);
  if (pages === 'kept') {
    const before = createServer({ db, close: () => db.close() }, options);
    await warmServer(before);
    await before.deps.keeper.stop();
  }
  const http = createServer({ db, close: () => db.close() }, options);
  const { hono, deps } = http;
  const warming = warmServer(http); // as `serve` does: in the background
  const server = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let i = 0;
  const latencies: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      { url: base, connections: CONNECTIONS, duration: WEB_SECONDS, timeout: 10, headers, requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }] },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    inst.on('response', (_c: unknown, _s: number, _b: number, ms: number) => latencies.push(ms));
  });
  (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await deps.keeper.stop();
  await warming;
  // Requests autocannon gave up on may still be running: let them finish before the store closes.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  // A run on a later day (options.now) leaves no assessment dated after today in the cached store.
  await db.query('DELETE FROM assessments WHERE as_of > $1::date', [todayUtc()]);
  await db.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]) : NaN);
  return { p50: pct(50), p95: pct(95), requests: latencies.length, timeouts: r.timeouts, errors: r.errors - r.timeouts, non2xx: r.non2xx };
}

/** The figures on a prepared store (a folder openDb accepts); the store is left with current stored assessments. */
export async function measureAssessScale(storeDir: string, log: (s: string) => void = () => undefined): Promise<AssessScaleFigures> {
  const db = await openDb(storeDir);
  let figures: Omit<AssessScaleFigures, 'web'>;
  let paths: string[];
  try {
    const documents = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0].n;
    const [top] = await evidenceCountsByCountry(db, 1);
    log(`store: ${documents} documents; most reported: ${top.country} (${top.tags} evidence tags)`);
    const sqlMs = await timeAssessOne(db, top.country, 'sql');
    const rowsMs = await timeAssessOne(db, top.country, 'rows');
    log(`assess ${top.country}: ${sqlMs.toFixed(0)} ms (evidence rows: ${rowsMs.toFixed(0)} ms)`);
    const allSql = await timeAssessAll(db, 'sql');
    const allRows = await timeAssessAll(db, 'rows');
    log(`assess --all: ${allSql.countries} countries in ${(allSql.ms / 1000).toFixed(1)} s (evidence rows: ${(allRows.ms / 1000).toFixed(1)} s)`);
    // As at the end of `ingest` and `data import`: what is stale is computed and stored (here: little, `assess --all` just stored the day's).
    const stale = (await staleCountries(db)).length;
    const refresh = await refreshAssessments(db);
    log(`refresh after an import: ${refresh.countries.length} of ${stale} stale assessments in ${(refresh.durationMs / 1000).toFixed(1)} s`);
    // Then, as there, every country page built and kept (none kept before: all are built).
    await clearPages(db);
    const pages = await keepCountryPages(db);
    log(`country pages kept after an import: ${pages.built} in ${(pages.durationMs / 1000).toFixed(1)} s`);
    const ranked = await evidenceCountsByCountry(db, 60);
    const withData = new Set(await countriesWithData(db));
    paths = ranked.filter((c) => withData.has(c.country) && /^[A-Z]{2}$/.test(c.country)).map((c) => `/api/countries/${c.country}`);
    figures = {
      documents, country: top.country, countryTags: top.tags,
      assessOne: { sqlMs, rowsMs }, assessAll: { countries: allSql.countries, sqlMs: allSql.ms, rowsMs: allRows.ms },
      refreshAll: { countries: refresh.countries.length, ms: refresh.durationMs },
      keepPages: { built: pages.built, ms: pages.durationMs },
    };
  } finally {
    await db.close();
  }
  // Browsers and fetch ask for gzip; the server compresses each kept JSON answer once.
  const gzip = { 'accept-encoding': 'gzip' };
  const afterImport = await webFirstSeconds(storeDir, paths, {}, 'import', gzip);
  log(`web, first start after an import, clients accepting gzip: p95 ${afterImport.p95} ms, ${afterImport.requests} answers, ${afterImport.timeouts} time-outs`);
  // The import was yesterday: every assessment is a day old and recomputed in the background.
  const nextDay = await webFirstSeconds(storeDir, paths, { now: () => new Date(Date.now() + 86_400_000) }, 'import', gzip);
  log(`web, first start on the day after an import, clients accepting gzip: p95 ${nextDay.p95} ms, ${nextDay.requests} answers, ${nextDay.timeouts} time-outs`);
  const builtOnRequest = await webFirstSeconds(storeDir, paths, {}, 'none', gzip);
  log(`web, no pages kept, built on request, clients accepting gzip: p95 ${builtOnRequest.p95} ms, ${builtOnRequest.requests} answers, ${builtOnRequest.timeouts} time-outs`);
  const kept = await webFirstSeconds(storeDir, paths, {}, 'kept');
  log(`web, stored assessments, pages kept: p95 ${kept.p95} ms, ${kept.requests} answers, ${kept.timeouts} time-outs`);
  const keptGzip = await webFirstSeconds(storeDir, paths, {}, 'kept', gzip);
  log(`web, pages kept, clients accepting gzip: p95 ${keptGzip.p95} ms, ${keptGzip.requests} answers, ${keptGzip.timeouts} time-outs`);
  const onRequest = await webFirstSeconds(storeDir, paths, { assessOnRequest: 'rows' });
  log(`web, computed on first request: p95 ${onRequest.p95} ms, ${onRequest.requests} answers, ${onRequest.timeouts} time-outs`);
  return { ...figures, web: { afterImport, nextDay, kept, keptGzip, onRequest, builtOnRequest, paths: paths.length } };
}

/** The figures as lines, each with its target: printed by this script and by `bench:scale`. */
export function assessScaleLines(f: AssessScaleFigures): string[] {
  const ok = (b: boolean) => (b ? '✔' : '✘');
  const w = (x: WebFigures) => `p50 ${x.p50} ms, p95 ${x.p95} ms, ${x.requests} answers, ${x.timeouts} time-outs, ${x.errors} errors, ${x.non2xx} non-2xx`;
  return [
    `assess ${f.country} (the most-reported country, ${f.countryTags} evidence tags), median of 5: ${f.assessOne.sqlMs.toFixed(0)} ms (every evidence row: ${f.assessOne.rowsMs.toFixed(0)} ms)   target ≤ 300 ms ${ok(f.assessOne.sqlMs <= 300)}`,
    `assess --all (${f.assessAll.countries} countries): ${(f.assessAll.sqlMs / 1000).toFixed(1)} s (every evidence row: ${(f.assessAll.rowsMs / 1000).toFixed(1)} s)   target ≤ 10 s ${ok(f.assessAll.sqlMs <= 10_000)}`,
    `after an import, as ingest and data import end: stale assessments computed and stored: ${f.refreshAll.countries} in ${(f.refreshAll.ms / 1000).toFixed(1)} s; country pages built and kept: ${f.keepPages.built} in ${(f.keepPages.ms / 1000).toFixed(1)} s`,
    `web country JSON, ${CONNECTIONS} connections, first ${WEB_SECONDS} s after start, ${f.web.paths} countries:`,
    `  first start after an import, clients accepting gzip (browsers, fetch): ${w(f.web.afterImport)}   target p95 ≤ 100 ms ${ok(f.web.afterImport.p95 <= 100)}, 0 time-outs ${ok(f.web.afterImport.timeouts === 0)}`,
    `  first start on the day after an import (assessments recomputed in the background, kept pages answered marked stale meanwhile): ${w(f.web.nextDay)}   target p95 ≤ 100 ms ${ok(f.web.nextDay.p95 <= 100)}, 0 time-outs ${ok(f.web.nextDay.timeouts === 0)}`,
    `  restart, pages kept by the previous server, clients accepting gzip: ${w(f.web.keptGzip)}   target p95 ≤ 100 ms ${ok(f.web.keptGzip.p95 <= 100)}, 0 time-outs ${ok(f.web.keptGzip.timeouts === 0)}`,
    `  the same, clients not accepting gzip: ${w(f.web.kept)}`,
    `  no pages kept (built on request while serve warms), clients accepting gzip: ${w(f.web.builtOnRequest)}`,
    `  earlier path, assessment computed on each country's first request: ${w(f.web.onRequest)}`,
  ];
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const store = await scaleStore(Number(process.env.BENCH_DOCS ?? 40_000), (s: string) => console.log(`  ${s}`));
  const f = await measureAssessScale(store.storeDir, (s) => console.log(`  ${s}`));
  console.log(`\nbench:assess-scale — ${f.documents} documents, as of ${todayUtc()}`);
  for (const line of assessScaleLines(f)) console.log(`  ${line}`);
}
