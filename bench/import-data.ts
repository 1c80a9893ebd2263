/**
 * Benchmark: import every dataset under ../shared/data into a fresh embedded store, one dataset folder
 * after the other, and print wall and CPU time per dataset, the subtotal of the 14 files that were
 * imported before issue 13 (beside that import's previous total, about 9 s), the total against the
 * 30 s target, and a repeated import (idempotent: nothing written). CPU time is the process's own
 * (PGlite runs in it), so it stays comparable when other work loads the machine.
 * Run: npm run bench:data
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../src/store/db.js';
import { importData, type ImportReport } from '../src/services/import-data.js';

const dataDir = path.resolve(process.cwd(), '..', 'shared', 'data');
/** Files the import read before issue 13 (its "about 9 s" total), by folder. */
const OLD_FOLDERS = new Set(['freedom_house', 'gsdb_sanctions', 'pts', 'sipri_arms_transfers', 'sipri_milex', 'ti_cpi', 'ucdp_prio_acd', 'undp_hdi']);
const OLD_WDI_FILES = new Set(['WDI_GDP.csv', 'API_NY.GDP.PCAP.PP.KD_DS2_en_csv_v2_22981.csv', 'API_SH.XPD.CHEX.GD.ZS_DS2_en_csv_v2_33342.csv', 'API_SE.XPD.TOTL.GD.ZS_DS2_en_csv_v2_3460.csv', 'WDI_POPULATION.csv']);
const PREVIOUS_TOTAL_S = 9;
const TARGET_S = 30;

interface Timed { label: string; wallMs: number; cpuMs: number; report: ImportReport }

async function timed(label: string, run: () => Promise<ImportReport>): Promise<Timed> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await run();
  const cpu = process.cpuUsage(c0);
  return { label, wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, report };
}

const s = (ms: number) => (ms / 1000).toFixed(1).padStart(5);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'armsbrief-bench-data-'));
try {
  const db = await openDb(dir);
  const folders = fs.readdirSync(dataDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const runs: Timed[] = [];
  for (const f of folders) runs.push(await timed(f, () => importData(db, [path.join(dataDir, f)])));
  const again = await timed('re-import', () => importData(db, [dataDir]));
  await db.close();

  const wall = runs.reduce((a, r) => a + r.wallMs, 0);
  const cpu = runs.reduce((a, r) => a + r.cpuMs, 0);
  // Old files: whole old folders, plus the old WDI files' own durations inside worldbank_wdi.
  let oldMs = 0;
  for (const r of runs) {
    if (OLD_FOLDERS.has(r.label)) oldMs += r.wallMs;
    else if (r.label === 'worldbank_wdi') oldMs += r.report.files.filter((f) => OLD_WDI_FILES.has(f.file)).reduce((a, f) => a + f.durationMs, 0);
  }
  const values = runs.reduce((a, r) => a + r.report.totals.values, 0);
  const errors = runs.reduce((a, r) => a + r.report.totals.errors, 0);
  const warnings = runs.reduce((a, r) => a + r.report.totals.warnings, 0);
  console.log(`dataset (folder)            wall s   cpu s    values  files (skipped)`);
  for (const r of runs) {
    const t = r.report.totals;
    const mark = OLD_FOLDERS.has(r.label) ? ' ' : '+';
    console.log(`${mark} ${r.label.padEnd(24)} ${s(r.wallMs)}   ${s(r.cpuMs)}  ${String(t.values).padStart(8)}  ${t.files} (${t.skippedFiles})`);
  }
  console.log('(+ = new with issue 13, or a folder with new files)');
  console.log(`old 14 files:  ${s(oldMs)} s wall (previous total about ${PREVIOUS_TOTAL_S} s)`);
  console.log(`first import:  ${s(wall)} s wall, ${s(cpu)} s CPU (target < ${TARGET_S} s ${wall < TARGET_S * 1000 ? '✔' : '✘'}) — ${values} values, ${errors} errors, ${warnings} warnings`);
  const skipped = runs.flatMap((r) => r.report.files.filter((f) => f.status === 'skipped').map((f) => `${f.file} (${f.reason})`));
  console.log(`skipped files: ${skipped.join('; ')}`);
  console.log(`re-import:     ${s(again.wallMs)} s wall, ${s(again.cpuMs)} s CPU — ${again.report.totals.inserted} new, ${again.report.totals.changed} changed, ${again.report.totals.unchanged} unchanged`);
  const unresolved = runs.flatMap((r) => r.report.unresolved.map((u) => `${u.sourceFile} row ${u.row}: ${u.name}`));
  console.log('unresolved names:', unresolved.join('; '));
  console.log(`machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
