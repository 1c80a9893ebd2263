/**
 * Job payloads: a batch of raw documents, as read by the enqueuer (workers may run on machines
 * without the input files). pg-boss keeps payloads as jsonb, which cannot hold a NUL character,
 * so a document with one travels base64-encoded — it still reaches the worker unchanged and fails
 * (or not) there, as the same document would in plain `ingest`.
 */
import { createHash } from 'node:crypto';
import type { RawDocument } from '../core/types.js';
import { replaceLoneSurrogates } from '../core/decode.js';

/** A raw document as it travels in a job: its fields, or (`text` absent) packed. */
export interface JobDocument extends Omit<RawDocument, 'text'> {
  text?: string;
  /** A document with a NUL character in any field travels whole as base64 of its JSON. */
  packed?: string;
}

export interface IngestJobData {
  /** Payload version, so a newer worker can still read older jobs. */
  v: 1;
  docs: JobDocument[];
}

/** What a finished job reports (kept on the job as its output). */
export interface IngestJobOutput {
  new: number;
  unchanged: number;
  /** Documents that failed inside this batch and were re-enqueued as single-document jobs. */
  requeued: number;
}

/**
 * The document with every string field well-formed: an unpaired surrogate (which JSON can escape
 * but jsonb refuses, failing the whole INSERT of a batch) becomes U+FFFD; `replaced` counts them.
 */
export function wellFormedDocument(raw: RawDocument): { doc: RawDocument; replaced: number } {
  let replaced = 0;
  const fix = <T>(v: T): T => {
    if (typeof v !== 'string') return v;
    const r = replaceLoneSurrogates(v);
    replaced += r.replaced;
    return r.text as T;
  };
  const doc: RawDocument = {
    ...raw, source: fix(raw.source), format: fix(raw.format), text: fix(raw.text), title: fix(raw.title), url: fix(raw.url),
    externalId: fix(raw.externalId), date: fix(raw.date), lang: fix(raw.lang), publisher: fix(raw.publisher),
  };
  return { doc: replaced ? doc : raw, replaced };
}

export function encodeDocument(raw: RawDocument): JobDocument {
  const fields = [raw.text, raw.title, raw.url, raw.externalId, raw.date, raw.lang, raw.publisher, raw.source, raw.format];
  if (fields.some((f) => typeof f === 'string' && f.includes('\u0000'))) {
    return { source: raw.source.replaceAll('\u0000', ''), format: raw.format, packed: Buffer.from(JSON.stringify(raw), 'utf8').toString('base64') };
  }
  const out: JobDocument = { source: raw.source, format: raw.format, text: raw.text };
  if (raw.title != null) out.title = raw.title;
  if (raw.url != null) out.url = raw.url;
  if (raw.externalId != null) out.externalId = raw.externalId;
  if (raw.date != null) out.date = raw.date;
  if (raw.lang != null) out.lang = raw.lang;
  if (raw.publisher != null) out.publisher = raw.publisher;
  return out;
}

export function decodeDocument(doc: JobDocument): RawDocument {
  const d: JobDocument = doc.packed !== undefined ? JSON.parse(Buffer.from(doc.packed, 'base64').toString('utf8')) : doc;
  return {
    source: d.source, format: d.format, text: d.text ?? '', title: d.title ?? null, url: d.url ?? null,
    externalId: d.externalId ?? null, date: d.date ?? null, lang: d.lang ?? null, publisher: d.publisher ?? null,
  };
}

export function isIngestJobData(data: unknown): data is IngestJobData {
  const d = data as IngestJobData | null;
  return !!d && typeof d === 'object' && d.v === 1 && Array.isArray(d.docs);
}

/** Characters of text per job, so a batch of large documents stays a reasonable payload. */
export const MAX_JOB_CHARS = 2_000_000;

/** Groups documents into jobs of at most `size` documents and about MAX_JOB_CHARS characters. */
export class JobBatcher {
  private docs: JobDocument[] = [];
  private chars = 0;
  constructor(private readonly size: number, private readonly maxChars = MAX_JOB_CHARS) {}

  /** Adds a document; returns the batches it completed (none, usually). */
  add(raw: RawDocument): JobDocument[][] {
    const doc = encodeDocument(raw);
    const n = (doc.text ?? doc.packed ?? '').length;
    const full: JobDocument[][] = [];
    if (this.docs.length && this.chars + n > this.maxChars) full.push(this.take());
    this.docs.push(doc);
    this.chars += n;
    if (this.docs.length >= this.size) full.push(this.take());
    return full;
  }

  /** The documents not yet in a full batch. */
  take(): JobDocument[] {
    const out = this.docs;
    this.docs = [];
    this.chars = 0;
    return out;
  }
}

/**
 * A job id (UUID) derived from the job that split the document out and its position there, so a
 * batch retried after a crash re-enqueues the same single-document jobs, and pg-boss (insert …
 * ON CONFLICT DO NOTHING on the id) keeps one of each.
 */
export function derivedJobId(parentId: string, index: number): string {
  const h = createHash('sha256').update(`${parentId}/${index}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
