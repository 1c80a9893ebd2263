/**
 * Benchmark: country briefs on a fresh embedded store (seeds ingested, ../shared/data imported, brief
 * tables harvested), or on an existing one with --db <dir>. Prints the time per HTML brief (Kazakhstan
 * and countries without a brief of their own, both languages; target < 0.5 s), per PDF brief (< 3 s,
 * with and without starting Chromium), and all countries' HTML briefs in one run (< 60 s; one
 * assessment run for all, then one brief each).
 * Run: npm run bench:brief   (options: --lang de|en for the all-countries run, default de; --db <dir>)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../src/store/db.js';
import { ingestDocuments } from '../src/services/ingest-documents.js';
import { importData } from '../src/services/import-data.js';
import { harvestAllBriefs } from '../src/services/harvest-briefs.js';
import { buildBrief, buildBriefs } from '../src/services/build-brief.js';
import { launchChromium } from '../src/render/brief-pdf.js';

const shared = path.resolve(process.cwd(), '..', 'shared');
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const existing = arg('--db');
const dir = existing ?? fs.mkdtempSync(path.join(os.tmpdir(), 'armsbrief-bench-brief-'));
const COUNTRIES = ['KZ', 'SA', 'EG', 'UA', 'KP', 'IN', 'BR', 'NG', 'ML', 'MM', 'VN'];
const allLang = process.argv.includes('--lang') && process.argv[process.argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'de';
const AS_OF = '2026-06-30';

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

try {
  const db = await openDb(dir);
  const t0 = performance.now();
  if (!existing) {
    await ingestDocuments(db, [path.join(shared, 'corpus', 'seeds')]);
    await importData(db, [path.join(shared, 'data')]);
    await harvestAllBriefs(db);
    console.log(`store ready (ingest seeds, import data, harvest briefs): ${s(performance.now() - t0)}`);
  }

  // HTML per country: the first build of each computes and stores its assessment; then warm.
  for (const lang of ['de', 'en'] as const) {
    const first: number[] = [];
    const warm: number[] = [];
    let size = 0;
    for (const c of COUNTRIES) {
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const b = await buildBrief(db, c, { lang, format: 'html', asOf: AS_OF });
        (i === 0 ? first : warm).push(performance.now() - t);
        size = Math.max(size, String(b.content).length);
      }
    }
    console.log(`HTML brief, ${COUNTRIES.length} countries ${lang}: first build median ${s(median(first))}, max ${s(Math.max(...first))}; warm median ${s(median(warm))}, max ${s(Math.max(...warm))}; largest ${Math.round(size / 1024)} KB (target < 0.5 s)`);
  }
  const mdT = performance.now();
  await buildBrief(db, 'KZ', { lang: 'de', format: 'md', asOf: AS_OF });
  console.log(`Markdown brief KZ de: ${s(performance.now() - mdT)}`);

  // PDF per country.
  const cold = performance.now();
  const pdf0 = await buildBrief(db, 'KZ', { lang: 'de', format: 'pdf', asOf: AS_OF });
  console.log(`PDF brief KZ de, starting Chromium: ${s(performance.now() - cold)}, ${Math.round((pdf0.content as Buffer).length / 1024)} KB (target < 3 s with Chromium running)`);
  const browser = await launchChromium();
  try {
    for (const lang of ['de', 'en'] as const) {
      const times: number[] = [];
      for (const c of COUNTRIES.slice(0, 5)) {
        const t = performance.now();
        await buildBrief(db, c, { lang, format: 'pdf', asOf: AS_OF, browser });
        times.push(performance.now() - t);
      }
      console.log(`PDF brief ${COUNTRIES.slice(0, 5).join(' ')} ${lang}, Chromium running: median ${s(median(times))}, max ${s(Math.max(...times))} (two print passes for the page numbers of the contents; target < 3 s)`);
    }
  } finally {
    await browser.close();
  }

  // All countries' HTML briefs in one run.
  const per: Array<{ country: string; ms: number }> = [];
  let bytes = 0;
  const tAll = performance.now();
  const n = await buildBriefs(db, null, {
    lang: allLang, format: 'html', asOf: AS_OF,
    onBrief: (b, ms) => {
      per.push({ country: b.country, ms });
      bytes += String(b.content).length;
    },
  });
  const allMs = performance.now() - tAll;
  const ms = per.map((p) => p.ms);
  const slowest = [...per].sort((a, b) => b.ms - a.ms).slice(0, 3).map((p) => `${p.country} ${s(p.ms)}`).join(', ');
  console.log(`all countries, HTML (${allLang}): ${n} briefs in ${s(allMs)} (assessment of all included; target < 60 s) — per brief median ${s(median(ms))}, p95 ${s(pct(ms, 0.95))}, max ${s(Math.max(...ms))} (slowest: ${slowest}); ${Math.round(bytes / 1024 / 1024)} MB`);
  await db.close();
  console.log(`machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  if (!existing) fs.rmSync(dir, { recursive: true, force: true });
}
