/**
 * Benchmark: import every dataset under ../shared/data into a fresh embedded store, then again
 * (idempotent re-import), and print the import report's counts. Target: first import under 20 s.
 * Run: npm run bench:data
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../src/store/db.js';
import { importData } from '../src/services/import-data.js';

const dataDir = path.resolve(process.cwd(), '..', 'shared', 'data');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'armsbrief-bench-data-'));
try {
  const db = await openDb(dir);
  const t0 = performance.now();
  const first = await importData(db, [dataDir]);
  const firstMs = performance.now() - t0;
  const t1 = performance.now();
  const second = await importData(db, [dataDir]);
  const secondMs = performance.now() - t1;
  await db.close();
  const t = first.totals;
  console.log(`first import:  ${(firstMs / 1000).toFixed(1)} s (target < 20 s) — ${t.values} values, ${t.countries} countries, ${t.deals} deal rows, ${t.unresolvedNames} unresolved names, ${t.aggregatesSkipped} aggregates skipped, ${t.entitiesKept} non-country entities, ${t.errors} errors, ${t.warnings} warnings`);
  console.log(`re-import:     ${(secondMs / 1000).toFixed(1)} s — ${second.totals.inserted} new, ${second.totals.changed} changed, ${second.totals.unchanged} unchanged`);
  for (const f of first.files) console.log(`  ${f.file.padEnd(58)} ${String(f.values).padStart(7)} values ${String(f.countries).padStart(4)} countries ${(f.durationMs / 1000).toFixed(1).padStart(5)} s`);
  console.log('unresolved names:', first.unresolved.map((u) => `${u.sourceFile} row ${u.row}: ${u.name}`).join('; '));
  console.log(`machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
