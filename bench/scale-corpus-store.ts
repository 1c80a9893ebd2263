/**
 * The 40,000-document store of `npm run bench:scale`, built once with the real ingest path (and
 * `data import ../shared/data`, so assessments can be measured on it too) and cached under
 * .tmp/bench-scale/<key>/. The key hashes the corpus generator, the dev corpus it varies, the
 * datasets' names and sizes and the document count, so a changed generator builds a new store; an
 * interrupted build is thrown away (the store is renamed into place only when complete).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../src/store/db.js';
import { ingestDocuments } from '../src/services/ingest-documents.js';
import { importData } from '../src/services/import-data.js';
import { scaleCorpus } from './scale-corpus.js';

export interface ScaleStore {
  /** The embedded store folder (what `--db` takes). */
  storeDir: string;
  /** The corpus as JSONL, the file the store was ingested from (re-ingesting it finds every document unchanged). */
  corpusFile: string;
  documents: number;
  /** Seconds the build took; null when the cached store was used. */
  builtSeconds: number | null;
}

const ROOT = process.cwd();
const DATA = path.join(ROOT, '..', 'shared', 'data');

function cacheKey(documents: number): string {
  const h = crypto.createHash('sha256');
  // The generator's source (not its compiled output, which changes with the compiler) and its input.
  h.update(fs.readFileSync(path.join(ROOT, 'bench', 'scale-corpus.ts')));
  h.update(fs.readFileSync(path.join(ROOT, '..', 'shared', 'corpus', 'dev', 'docs.jsonl')));
  h.update(String(documents));
  for (const f of fs.readdirSync(DATA, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) h.update(`${path.relative(DATA, path.join(f.parentPath, f.name))}:${fs.statSync(path.join(f.parentPath, f.name)).size}`);
  }
  return h.digest('hex').slice(0, 12);
}

export async function scaleStore(documents: number, log: (line: string) => void = () => undefined): Promise<ScaleStore> {
  const dir = path.join(ROOT, '.tmp', 'bench-scale', `${documents}-${cacheKey(documents)}`);
  const storeDir = path.join(dir, 'store');
  const corpusFile = path.join(dir, 'corpus.jsonl');
  if (fs.existsSync(storeDir) && fs.existsSync(corpusFile)) return { storeDir, corpusFile, documents, builtSeconds: null };
  // Stores of an older generator are not needed any more.
  const parent = path.dirname(dir);
  if (fs.existsSync(parent)) for (const old of fs.readdirSync(parent)) fs.rmSync(path.join(parent, old), { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  log(`building the ${documents}-document store in ${dir} (once; cached until bench/scale-corpus.ts changes) …`);
  const started = performance.now();
  const out = fs.createWriteStream(corpusFile);
  for (const d of scaleCorpus(documents)) {
    if (!out.write(JSON.stringify({ id: d.id, text: d.text, date: d.date }) + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  const building = `${storeDir}.building`;
  fs.rmSync(building, { recursive: true, force: true });
  const db = await openDb(building);
  try {
    const report = await ingestDocuments(db, [corpusFile]);
    if (report.failed) throw new Error(`${report.failed} documents failed while building the scale store: ${report.items.find((i) => i.status === 'failed')?.reason}`);
    log(`ingested ${report.new} documents in ${(report.durationMs / 1000).toFixed(0)} s; importing ${DATA} …`);
    await importData(db, [DATA]);
  } finally {
    await db.close();
  }
  fs.renameSync(building, storeDir);
  const builtSeconds = (performance.now() - started) / 1000;
  log(`built in ${builtSeconds.toFixed(0)} s`);
  return { storeDir, corpusFile, documents, builtSeconds };
}
