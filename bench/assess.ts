/**
 * npm run bench:assess — assessment speed on the embedded store with ../shared/data imported, the
 * seed and dev corpora ingested and BICC's brief harvested: `assess --all` over every country in the store (in process,
 * and end to end through the CLI), and one country (median and worst of repeated runs).
 * Targets: all countries < 10 s, one country < 200 ms.
 * BENCH_STORE=<dir> reuses a prepared store (import and ingest are skipped when it has data).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openDb } from '../src/store/db.js';
import { importData } from '../src/services/import-data.js';
import { ingestDocuments } from '../src/services/ingest-documents.js';
import { harvestAllBriefs } from '../src/services/harvest-briefs.js';
import { assessCountries, assessOneCountry, loadMethodology } from '../src/services/assess-country.js';

const shared = (...p: string[]) => path.resolve(process.cwd(), '..', 'shared', ...p);
const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => `${x.toFixed(0)} ms`;

async function main(): Promise<void> {
  const dir = process.env.BENCH_STORE ?? fs.mkdtempSync(path.join(os.tmpdir(), 'armsbrief-bench-assess-'));
  const temporary = !process.env.BENCH_STORE;
  const db = await openDb(dir);
  try {
    const have = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM indicator_values');
    if (have.rows[0].n === 0) {
      let t0 = performance.now();
      const imp = await importData(db, [shared('data')]);
      console.log(`setup: imported ${imp.totals.values} values for ${imp.totals.countries} countries in ${fmt(ms(t0))}`);
      t0 = performance.now();
      const ing = await ingestDocuments(db, [shared('corpus', 'seeds'), shared('corpus', 'dev', 'docs.jsonl')]);
      console.log(`setup: ingested ${ing.new} documents in ${fmt(ms(t0))}`);
      const briefs = await harvestAllBriefs(db);
      console.log(`setup: harvested ${briefs.length} brief(s)`);
    }
    const methodology = loadMethodology();
    const asOf = new Date().toISOString().slice(0, 10);

    // Warm-up (JIT, PGlite caches), not counted.
    await assessOneCountry(db, 'KZ', { asOf, methodology, store: false });

    let t0 = performance.now();
    const all = await assessCountries(db, null, { asOf, methodology });
    const allMs = ms(t0);
    console.log(`\nassess --all (in process, results stored): ${all.length} countries in ${fmt(allMs)} — ${(allMs / all.length).toFixed(1)} ms per country`);

    const runs: number[] = [];
    for (const c of ['KZ', 'RU', 'KP', 'DE', 'US', 'NG', 'BR', 'IN', 'CN', 'UA']) {
      for (let i = 0; i < 3; i++) {
        t0 = performance.now();
        await assessOneCountry(db, c, { asOf, methodology });
        runs.push(ms(t0));
      }
    }
    runs.sort((a, b) => a - b);
    console.log(`assess <country> (in process, stored): median ${fmt(runs[Math.floor(runs.length / 2)])}, worst ${fmt(runs[runs.length - 1])} over ${runs.length} runs`);
    await db.close();

    // End to end through the CLI: process start, store open, migrations check, assess, store, print.
    const cli = path.resolve(process.cwd(), 'dist', 'src', 'interfaces', 'cli', 'main.js');
    if (fs.existsSync(cli)) {
      t0 = performance.now();
      execFileSync(process.execPath, [cli, '--db', dir, 'assess', '--all', '--csv'], { stdio: ['ignore', 'ignore', 'inherit'] });
      console.log(`armsbrief assess --all --csv (CLI, new process): ${fmt(ms(t0))}`);
      t0 = performance.now();
      execFileSync(process.execPath, [cli, '--db', dir, 'assess', 'KZ', '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
      console.log(`armsbrief assess KZ --json (CLI, new process): ${fmt(ms(t0))}`);
    }
    const ok = allMs < 10_000 && runs[Math.floor(runs.length / 2)] < 200;
    console.log(`\ntargets (all < 10 s, one < 200 ms): ${ok ? 'met' : 'MISSED'}`);
  } finally {
    if (temporary) fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
