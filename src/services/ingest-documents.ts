/**
 * Use case: read inputs, prepare documents (extraction included) and store them in batches.
 * Failures are collected per input with the reason; the batch always goes on.
 */
import { assertStoreSpace, diskFullError, isDiskFull, storeErrorText, type Db } from '../store/db.js';
import { existingContentHashes, storeDocuments, settleAfterIngest } from '../store/documents.js';
import { readInputs, type InputFormat, type InputPosition } from '../ingest/read-inputs.js';
import { contentHash, documentIdFor, prepareDocument, type PreparedDocument } from './prepare-document.js';
import type { RawDocument } from '../core/types.js';
import { errorMessage } from '../core/errors.js';
import { harvestBriefTables } from './harvest-briefs.js';
import { withoutSubject } from '../core/subject.js';

export interface IngestItem {
  source: string;
  status: 'new' | 'unchanged' | 'failed' | 'skipped';
  id?: string;
  title?: string | null;
  code?: string;
  reason?: string;
}

export interface IngestReport {
  new: number;
  unchanged: number;
  failed: number;
  skipped: number;
  bytes: number;
  durationMs: number;
  items: IngestItem[];
  /** Problems that did not keep a document out (e.g. a brief whose tables could not be read). */
  warnings: Array<{ source: string; reason: string }>;
}

export interface IngestProgress {
  filesDone: number;
  filesTotal: number;
  documents: number;
  failed: number;
  current: string;
}

export interface IngestOptions {
  maxBytes?: number;
  format?: InputFormat;
  stdin?: NodeJS.ReadableStream;
  /** Documents stored per transaction; each document is still all-or-nothing. */
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  /** Called for every finished item (for streaming reports). */
  onItem?: (item: IngestItem) => void;
  /** Called for every warning as it arises. */
  onWarning?: (warning: { source: string; reason: string }) => void;
}

const BATCH_CHARS = 2_000_000;

export async function ingestDocuments(db: Db, inputs: string[], opts: IngestOptions = {}): Promise<IngestReport> {
  const started = performance.now();
  const report: IngestReport = { new: 0, unchanged: 0, failed: 0, skipped: 0, bytes: 0, durationMs: 0, items: [], warnings: [] };
  const record = (item: IngestItem) => {
    report.items.push(item);
    if (item.status === 'new') report.new++;
    else if (item.status === 'unchanged') report.unchanged++;
    else if (item.status === 'failed') report.failed++;
    else report.skipped++;
    opts.onItem?.(item);
  };
  const warn = (source: string, reason: string) => {
    const w = { source, reason: withoutSubject(reason, source) };
    report.warnings.push(w);
    opts.onWarning?.(w);
  };
  // A source id (JSONL "id") seen again with another text: both are stored, which the user should know.
  const byExternalId = new Map<string, { id: string; source: string }>();
  // 256 documents a transaction: measured faster than 64 on both engines (fewer round trips and commits).
  const batchSize = opts.batchSize ?? 256;
  // Read documents wait here, hashed but not yet extracted: a batch first asks the store which
  // contents it already holds, so unchanged documents (a re-run) cost a hash, not an extraction.
  let batch: Array<{ raw: RawDocument; hash: string }> = [];
  let batchChars = 0;
  // On a server, storing batches overlaps with preparing the next ones (the database works on the
  // other core; three in flight keep both cores busy, measured against two); the embedded store
  // runs in this thread, so there nothing is gained by overlap.
  const depth = db.kind === 'server' ? 3 : 1;
  const inFlight: Promise<void>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const pending = batch;
    batch = [];
    batchChars = 0;
    const known = await existingContentHashes(db, pending.map((p) => p.hash));
    const docs: PreparedDocument[] = [];
    for (const { raw, hash } of pending) {
      if (known.has(hash)) {
        record({ source: raw.source, status: 'unchanged', id: documentIdFor(hash), title: raw.title ?? null });
        continue;
      }
      try {
        docs.push(prepareDocument(raw, hash));
      } catch (err) {
        record({ source: raw.source, status: 'failed', code: 'extract_failed', reason: errorMessage(err) });
      }
    }
    if (!docs.length) return;
    const stored = store(docs);
    inFlight.push(stored);
    stored.finally(() => inFlight.splice(inFlight.indexOf(stored), 1)).catch(() => undefined);
    if (inFlight.length >= depth) await Promise.race(inFlight);
  };
  // A full disk fails every document that follows: stop at the first one with one clear error
  // (what was stored stays stored, and a re-run skips it), instead of failing the rest one by one.
  const stopIfDiskFull = (err: unknown) => {
    if (isDiskFull(err)) {
      throw diskFullError(db.location, `${storeErrorText(err)}; ${report.new} new documents were stored before, the rest of this run was not`);
    }
  };
  const store = async (docs: PreparedDocument[]) => {
    assertStoreSpace(db, docs.reduce((n, d) => n + d.text.length, 0) * 4);
    let outcomes: Awaited<ReturnType<typeof storeDocuments>>;
    try {
      outcomes = await storeDocuments(db, docs);
    } catch (err) {
      stopIfDiskFull(err);
      throw err;
    }
    for (const o of outcomes) if (o instanceof Error) stopIfDiskFull(o);
    outcomes.forEach((o, i) => {
      const d = docs[i];
      if (o instanceof Error) record({ source: d.source, status: 'failed', code: 'store_failed', reason: `could not be stored: ${errorMessage(o)}` });
      else record({ source: d.source, status: o, id: d.id, title: d.title });
    });
    // A language extraction does not (fully) cover is stored and searchable, and said so instead of coming back silently empty.
    for (const [i, d] of docs.entries()) {
      if (outcomes[i] !== 'new') continue;
      const reason = languageSupportNote(d.lang, d.extraction.support, d.passages[0]?.tsConfig ?? 'simple');
      if (reason) warn(d.source, reason);
    }
    // A newly stored country brief also brings indicator values and ratings (its tables).
    for (const [i, d] of docs.entries()) {
      if (outcomes[i] !== 'new' || !looksLikeCountryBrief(d.text)) continue;
      try {
        await harvestBriefTables(db, d.id);
      } catch (err) {
        warn(d.source, `stored, but its tables could not be read: ${errorMessage(err)}`);
      }
    }
  };

  assertStoreSpace(db);
  let documents = 0;
  let at: InputPosition = { file: '', filesDone: 0, filesTotal: 0 };
  const progress = () => opts.onProgress?.({ filesDone: at.filesDone, filesTotal: at.filesTotal, documents, failed: report.failed, current: at.file });
  const reading = readInputs(inputs, {
    ...opts,
    onFile: (position, bytes) => {
      at = position;
      report.bytes += bytes;
    },
    onFileDone: (position) => {
      at = position;
      progress();
    },
  });
  for await (const item of reading) {
    if (item.kind === 'failure') record({ source: item.source, status: 'failed', code: item.code, reason: item.reason });
    else if (item.kind === 'skipped') record({ source: item.source, status: 'skipped', reason: item.reason });
    else {
      for (const w of item.warnings ?? []) warn(item.doc.source, w);
      const hash = contentHash(item.doc.text);
      const id = documentIdFor(hash);
      const ext = item.doc.externalId;
      if (ext) {
        const seen = byExternalId.get(ext);
        if (!seen) byExternalId.set(ext, { id, source: item.doc.source });
        else if (seen.id !== id) {
          warn(item.doc.source, `id ${JSON.stringify(ext)} was already given to ${seen.source} with a different text; both are stored (${seen.id}, ${id}).`);
        }
      }
      batch.push({ raw: item.doc, hash });
      batchChars += item.doc.text.length;
      documents++;
      if (batch.length >= batchSize || batchChars >= BATCH_CHARS) await flush();
      if (documents % 100 === 0) progress();
    }
  }
  await flush();
  await Promise.all(inFlight);
  try {
    await settleAfterIngest(db, report.new);
  } catch (err) {
    stopIfDiskFull(err);
    throw err;
  }
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

function looksLikeCountryBrief(text: string): boolean {
  return /Länderinformationen|Country information/i.test(text.slice(0, 3000)) && text.includes('Tabelle');
}

/** The warning for a document whose language extraction does not fully support, or null. */
export function languageSupportNote(lang: string, support: 'full' | 'countries' | 'unsupported', tsConfig: string): string | null {
  if (support === 'full') return null;
  if (support === 'countries') return `stored; language "${lang}" gets countries, dates and figures but no criterion tags (search: ${tsConfig})`;
  return `stored and searchable (search: ${tsConfig}), but language "${lang}" is not supported for extraction: only state names (German, English and, where the packages have them, that language) and German and English criterion words were looked for`;
}
