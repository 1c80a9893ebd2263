/**
 * The 40,000-document store of the scale benchmarks, built once and kept in a scratch folder:
 * the scale corpus (bench/scale-corpus.ts) ingested through the real `ingest` path, then
 * `data import ../shared/data`. A marker file written last says the store is complete, so an
 * interrupted build is started over instead of measured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../src/store/db.js';
import { ingestDocuments } from '../src/services/ingest-documents.js';
import { importData } from '../src/services/import-data.js';
import { scaleCorpus } from './scale-corpus.js';

export const SCALE_DOCS = Number(process.env.BENCH_DOCS ?? 40_000);

/** Default scratch folder of the store (BENCH_SCALE_STORE overrides). */
export function scaleStoreDir(docs = SCALE_DOCS): string {
  return process.env.BENCH_SCALE_STORE ?? path.join(os.tmpdir(), `armsbrief-scale-store-${docs}`);
}

const MARKER = 'armsbrief-scale-complete.json';

/** Builds the store in `dir` unless a complete one is there; returns the folder. */
export async function ensureScaleStore(dir = scaleStoreDir(), docs = SCALE_DOCS, log: (s: string) => void = console.log): Promise<string> {
  if (fs.existsSync(path.join(dir, MARKER))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const corpusFile = path.join(os.tmpdir(), `armsbrief-scale-corpus-${docs}.jsonl`);
  fs.writeFileSync(corpusFile, [...scaleCorpus(docs)].map((d) => JSON.stringify({ id: d.id, text: d.text, date: d.date })).join('\n'));
  const db = await openDb(path.join(dir, 'store'));
  try {
    let t0 = performance.now();
    const ing = await ingestDocuments(db, [corpusFile]);
    log(`scale store: ingested ${ing.new} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
    const imp = await importData(db, [path.resolve(process.cwd(), '..', 'shared', 'data')]);
    log(`scale store: imported ${imp.totals.values} values in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
    fs.rmSync(corpusFile, { force: true });
  }
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ docs, builtAt: new Date().toISOString() }));
  return dir;
}

/** The store folder inside a scale-store directory. */
export const storeIn = (dir: string) => path.join(dir, 'store');

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  console.log(await ensureScaleStore());
}
