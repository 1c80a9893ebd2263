/**
 * npm run bench:scale — armsbrief at 40,000 documents (issue 18), beside SQLite FTS5 and MiniSearch
 * run in the same command on the same passages and the same 100 queries: search p50/p95, one-shot
 * CLI search, re-ingest of unchanged documents, store size (folder against database). The store is
 * built once (bench/scale-corpus-store.ts) and cached under .tmp/bench-scale/. BENCH_DOCS changes
 * the size.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDb, SHARED_BUFFERS } from '../src/store/db.js';
import { search } from '../src/services/search.js';
import { SEARCH_CANDIDATES } from '../src/store/search.js';
import { scaleStore } from './scale-corpus-store.js';
import { assessScaleLines, measureAssessScale } from './assess-scale.js';
import { variedQueries } from './search-queries.js';
import { Fts5Baseline, MiniSearchBaseline, fts5OneShotScript, loadBaselines, type BasePassage, type BaselineLibs } from './search-baselines.js';

const DOCS = Number(process.env.BENCH_DOCS ?? 40_000);
const ROOT = process.cwd();
const CLI = path.join(ROOT, 'bin', 'armsbrief.js');

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const log = (line: string) => console.log(line);

function folderBytes(dir: string): number {
  let n = 0;
  for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) if (f.isFile()) n += fs.statSync(path.join(f.parentPath, f.name)).size;
  return n;
}

/** Wall time, CPU time (user + system) and peak RSS of a child process (the last two from GNU time when present). */
function timed(cmd: string, args: string[]): { seconds: number; cpuSeconds: number | null; peakMb: number | null; stdout: string } {
  const gnuTime = fs.existsSync('/usr/bin/time');
  const started = performance.now();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const [kb, user, sys] = gnuTime ? r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) : [NaN, NaN, NaN];
  return { seconds, cpuSeconds: Number.isFinite(user) ? user + sys : null, peakMb: Number.isFinite(kb) ? kb / 1024 : null, stdout: r.stdout };
}

const median = (xs: number[]) => pct(xs, 50);

async function main(): Promise<void> {
  console.log(`armsbrief scale benchmark — ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const store = await scaleStore(DOCS, log);
  const cacheDir = path.dirname(store.storeDir);
  const results: string[] = [];
  const row = (line: string) => {
    results.push(line);
    console.log(line);
  };

  // The passages, once, for the baselines.
  const db = await openDb(store.storeDir, { sharedBuffers: SHARED_BUFFERS.longLived });
  // The passages for the baselines are loaded only while one is built: kept in this process's heap
  // they would make every garbage collection during the timings longer.
  const loadPassages = async () => (await db.query<BasePassage>(
    `SELECT lang, text, date_from::text AS "dateFrom", date_to::text AS "dateTo" FROM passages ORDER BY doc_id, idx`,
  )).rows;
  const passageCount = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM passages')).rows[0].n;
  console.log(`store: ${store.storeDir}, ${DOCS} documents, ${passageCount} passages${store.builtSeconds ? ` (built in ${store.builtSeconds.toFixed(0)} s)` : ' (cached)'}`);

  const libs = loadBaselines(path.join(ROOT, '.tmp', 'bench-deps'), log);
  let fts: Fts5Baseline | null = null;
  if ('error' in libs) console.log(`baselines: skipped — ${libs.error}; armsbrief's figures follow alone`);
  else {
    const ftsFile = path.join(cacheDir, 'fts5.db');
    const f = Fts5Baseline.build(libs, ftsFile, fs.existsSync(ftsFile) ? [] : await loadPassages());
    fts = f.fts;
    console.log(`baselines: SQLite FTS5 ${f.builtSeconds === null ? 'cached' : `built in ${f.builtSeconds.toFixed(0)} s`}`);
  }

  // Search: the same 100 queries, once to warm up (a server reaches its steady state — caches, and
  // the kept plan of each statement shape after five planned runs — within its first minutes), then
  // measured; armsbrief and FTS5 interleaved query by query so load on the
  // machine falls on both alike. MiniSearch runs afterwards on its own: its index is about a GB of
  // JavaScript heap, and the garbage collections it causes would land in the others' timings.
  const queries = variedQueries(100);
  // Wall time is what a user waits; CPU time (all engines run in this process) is what the machine's load does not change.
  type Times = { wall: number[]; cpu: number[] };
  const engines = { armsbrief: { wall: [], cpu: [] }, fts: { wall: [], cpu: [] }, ftsCount: { wall: [], cpu: [] }, mini: { wall: [], cpu: [] } } as Record<string, Times>;
  const measure = async (into: Times, keep: boolean, fn: () => unknown) => {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    const wall = performance.now() - t;
    const used = process.cpuUsage(c);
    if (keep) {
      into.wall.push(wall);
      into.cpu.push((used.user + used.system) / 1000);
    }
  };
  let bounded = 0;
  for (const [round, list] of [['warm-up', queries], ['measured', queries]] as const) {
    const keep = round === 'measured';
    for (const q of list) {
      await measure(engines.armsbrief, keep, async () => {
        if (!(await search(db, q)).totalExact && keep) bounded++;
      });
      if (fts) {
        await measure(engines.fts, keep, () => fts.search(q, false));
        await measure(engines.ftsCount, keep, () => fts.search(q, true));
      }
    }
  }
  if (!('error' in libs)) {
    const m = MiniSearchBaseline.build(libs, await loadPassages());
    console.log(`baselines: MiniSearch indexed in ${m.builtSeconds.toFixed(0)} s`);
    for (const [round, list] of [['warm-up', queries], ['measured', queries]] as const) {
      for (const q of list) await measure(engines.mini, round === 'measured', () => m.mini.search(q));
    }
  }
  const dbBytes = (await db.query<{ n: number }>('SELECT pg_database_size(current_database())::float8 AS n')).rows[0].n;
  await db.close();
  const p = (e: Times) => `p50 ${ms(pct(e.wall, 50))}, p95 ${ms(pct(e.wall, 95))}   (CPU p50 ${ms(pct(e.cpu, 50))}, p95 ${ms(pct(e.cpu, 95))})`;
  row(`search, 100 varied queries (${bounded} of them with more than ${SEARCH_CANDIDATES} matches: "more than N"), top 10 with snippets:`);
  row(`  armsbrief (PGlite, serve's buffers)  ${p(engines.armsbrief)}`);
  if (fts) {
    row(`  SQLite FTS5, page only              ${p(engines.fts)}`);
    row(`  SQLite FTS5, page + exact count     ${p(engines.ftsCount)}`);
    row(`  MiniSearch (every match scored)     ${p(engines.mini)}`);
    const ratio = (a: number[], b: number[]) => pct(a, 95) / pct(b, 95);
    const r = ratio(engines.armsbrief.wall, engines.fts.wall);
    row(`  target p95 ≤ 1.5× FTS5's (page only): ${r.toFixed(2)}× ${r <= 1.5 ? '✔' : '✘'}  (CPU ${ratio(engines.armsbrief.cpu, engines.fts.cpu).toFixed(2)}×; against FTS5 with its exact count ${ratio(engines.armsbrief.wall, engines.ftsCount.wall).toFixed(2)}×)`);
  }

  // One-shot CLI search: a fresh process per query, as a user at a terminal runs it.
  const oneShot = ['arms embargo', 'Militärausgaben', '"human rights"', 'Menschenrechte -Russland', 'peace talks'];
  timed(process.execPath, [CLI, '--db', store.storeDir, 'search', oneShot[0]]); // the OS file cache, as for any second command
  const cli = oneShot.map((q) => timed(process.execPath, [CLI, '--db', store.storeDir, 'search', q]));
  const cliPeak = Math.max(...cli.map((c) => c.peakMb ?? 0));
  let ftsCli = '';
  if (fts && !('error' in libs)) {
    const l = libs as BaselineLibs;
    const one = oneShot.map((q) => timed(process.execPath, ['-e', fts5OneShotScript(l, path.join(cacheDir, 'fts5.db'), { query: q })]));
    ftsCli = `; FTS5 in a fresh node process: median ${median(one.map((o) => o.seconds)).toFixed(2)} s`;
  }
  const cliMedian = median(cli.map((c) => c.seconds));
  const cliCpu = cli.every((c) => c.cpuSeconds !== null) ? `, CPU median ${median(cli.map((c) => c.cpuSeconds!)).toFixed(2)} s` : '';
  row(`one-shot CLI \`armsbrief search\`, ${oneShot.length} queries: median ${cliMedian.toFixed(2)} s, max ${Math.max(...cli.map((c) => c.seconds)).toFixed(2)} s${cliCpu}, peak RSS ${cliPeak ? `${cliPeak.toFixed(0)} MB` : 'n/a'}${ftsCli}   target ≤ 0.8 s ${cliMedian <= 0.8 ? '✔' : '✘'}`);

  // Re-ingest of every document, unchanged, through the CLI (store opening included).
  const again = timed(process.execPath, [CLI, '--db', store.storeDir, 'ingest', store.corpusFile, '--json']);
  const report = JSON.parse(again.stdout) as { new: number; unchanged: number };
  if (report.new !== 0 || report.unchanged !== DOCS) throw new Error(`re-ingest stored ${report.new} new, ${report.unchanged} unchanged of ${DOCS}`);
  const rate = DOCS / again.seconds;
  row(`re-ingest of ${DOCS} unchanged documents (CLI, store opening included): ${again.seconds.toFixed(2)} s = ${rate.toFixed(0)} docs/s   target ≥ 5,000 ${rate >= 5000 ? '✔' : '✘'}`);

  const folder = folderBytes(store.storeDir);
  row(`store size: folder ${mb(folder)}, database ${mb(dbBytes)} (${(folder / dbBytes).toFixed(2)}×)   target ≤ 2× ${folder <= 2 * dbBytes ? '✔' : '✘'}`);

  // Assessments at this scale (bench/assess-scale.ts): the most-reported country, every country, the web app's first seconds.
  for (const line of assessScaleLines(await measureAssessScale(store.storeDir))) row(line);

  fts?.close();
  console.log('\nsummary\n' + results.map((r) => `  ${r}`).join('\n'));
}

await main();
