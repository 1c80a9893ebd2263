/**
 * Use case: add one document sent over HTTP — an uploaded file or plain text with metadata.
 * The upload is written under a generated name in a fresh temporary folder (the client's file
 * name is only kept, cleaned, as the source label), read by the regular reader for its type,
 * prepared and stored like any ingested document.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RawDocument } from '../core/types.js';
import { AppError, errorMessage } from '../core/errors.js';
import type { Db } from '../store/db.js';
import { settleAfterIngest, getDocument, storeDocuments, type DocumentSummary } from '../store/documents.js';
import { readInput, firstLineTitle } from '../ingest/read-inputs.js';
import { isValidPartialDate } from '../extract/dates.js';
import { safeHttpUrl } from '../core/urls.js';
import { replaceLoneSurrogates } from '../core/decode.js';
import { prepareDocument } from './prepare-document.js';

/** File types accepted from a browser or API client (jsonl is for the CLI's bulk ingestion). */
export const UPLOAD_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'] as const;

export interface AddResult {
  status: 'new' | 'unchanged';
  document: DocumentSummary;
  /** A long text is stored in parts (`#part1`, …); `document` is the first. */
  parts?: number;
  /** Problems that did not keep the document out (e.g. mixed encodings). */
  warnings?: string[];
}

/** The client's file name reduced to a harmless label: last path segment, printable, at most 120 chars. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').replace(/^\.+/, '').trim().slice(-120);
  return cleaned || 'upload';
}

export async function addUploadedFile(db: Db, file: { name: string; bytes: Uint8Array }, opts: { maxBytes: number }): Promise<AddResult> {
  const label = cleanFileName(file.name);
  const ext = path.extname(label).toLowerCase();
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new AppError('unsupported_type', `Files of type "${ext || 'none'}" are not accepted; allowed: ${UPLOAD_EXTENSIONS.join(' ')}.`, { status: 415 });
  }
  if (file.bytes.byteLength > opts.maxBytes) throw tooLarge(opts.maxBytes);
  if (file.bytes.byteLength === 0) throw new AppError('empty_file', `${label} is empty.`, { status: 422 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'armsbrief-upload-'));
  try {
    const tmp = path.join(dir, `upload${ext}`);
    fs.writeFileSync(tmp, file.bytes);
    let first: AddResult | null = null;
    let parts = 0;
    const warnings: string[] = [];
    for await (const item of readInput(tmp, { maxBytes: opts.maxBytes })) {
      if (item.kind !== 'document') {
        throw new AppError(item.kind === 'failure' ? item.code : 'unreadable', `${label}: ${item.reason.replaceAll(tmp, label)}`, { status: 422 });
      }
      const raw = item.doc;
      warnings.push(...(item.warnings ?? []).map((w) => w.replaceAll(tmp, label)));
      const r = await store(db, { ...raw, source: `upload:${label}${raw.source.slice(tmp.length)}`, title: raw.title?.replaceAll(tmp, label) ?? null });
      first ??= r;
      parts++;
    }
    if (!first) throw new AppError('unreadable', `${label}: no document could be read.`, { status: 422 });
    return { ...first, ...(parts > 1 ? { parts } : {}), ...(warnings.length ? { warnings } : {}) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface TextDocumentInput {
  text?: unknown;
  title?: unknown;
  url?: unknown;
  date?: unknown;
}

export async function addTextDocument(db: Db, input: TextDocumentInput, opts: { maxBytes: number }): Promise<AddResult> {
  const str = (v: unknown, name: string): string | null => {
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string') throw new AppError('usage', `"${name}" must be a string.`, { status: 400 });
    return v;
  };
  const text = str(input.text, 'text');
  if (!text || !text.trim()) throw new AppError('usage', '"text" is required and must not be empty.', { status: 400 });
  if (Buffer.byteLength(text, 'utf8') > opts.maxBytes) throw tooLarge(opts.maxBytes);
  const title = str(input.title, 'title');
  const given = str(input.url, 'url');
  const url = given ? safeHttpUrl(given) : null;
  if (given && !url) throw new AppError('usage', '"url" must start with http:// or https://.', { status: 400 });
  const date = str(input.date, 'date');
  if (date && !isValidPartialDate(date)) throw new AppError('usage', `"date" must be YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(date)}.`, { status: 400 });
  // Unpaired surrogates (a JSON escape like \ud800) cannot be stored: replaced, and said so.
  const clean = replaceLoneSurrogates(text.replace(/\r\n?/g, '\n').normalize('NFC'));
  const cleanTitle = title ? replaceLoneSurrogates(title) : null;
  const replaced = clean.replaced + (cleanTitle?.replaced ?? 0);
  const r = await store(db, { source: url ?? 'api', format: 'txt', text: clean.text, title: cleanTitle?.text ?? firstLineTitle(clean.text), url, date });
  return replaced ? { ...r, warnings: [`${replaced} unpaired UTF-16 surrogate${replaced === 1 ? '' : 's'} replaced with U+FFFD.`] } : r;
}

function tooLarge(max: number): AppError {
  return new AppError('too_large', `The document is larger than the limit of ${Math.round(max / 1024 / 1024)} MB.`, { status: 413 });
}

async function store(db: Db, raw: RawDocument): Promise<AddResult> {
  let prepared;
  try {
    prepared = prepareDocument(raw);
  } catch (err) {
    throw new AppError('extract_failed', `The document could not be analysed: ${errorMessage(err)}`, { status: 422 });
  }
  const [outcome] = await storeDocuments(db, [prepared]);
  if (outcome instanceof Error) throw new AppError('store_failed', `The document could not be stored: ${errorMessage(outcome)}`, { status: 500 });
  if (outcome === 'new') await settleAfterIngest(db, 1);
  const doc = await getDocument(db, prepared.id);
  if (!doc) throw new AppError('store_failed', 'The document was stored but cannot be read back.', { status: 500 });
  const { text: _t, extraction: _e, passageSpans: _p, ...summary } = doc;
  return { status: outcome, document: summary };
}
