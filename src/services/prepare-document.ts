/**
 * RawDocument → everything the store keeps about it: canonical text, content hash, language,
 * date, publisher, passages, and what extraction found in each passage. Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import type { RawDocument } from '../core/types.js';
import { detectLanguage } from '../extract/language.js';
import { textSearchConfig } from '../store/search.js';
import { extractDocumentDate } from '../extract/dates.js';
import { partialRange } from '../core/dates.js';
import { inferPublisher, inferSourceType } from '../ingest/provenance.js';
import { analyzeForStorage } from './analyze-for-storage.js';
import type { PreparedDocument } from '../store/prepared-document.js';

export type { PreparedDocument, PreparedPassage } from '../store/prepared-document.js';

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Document ids derive from content, so the same text gets the same id on every machine. */
export function documentIdFor(hash: string): string {
  return `doc_${hash.slice(0, 16)}`;
}

/** `hash`: the text's content hash when the caller already computed it (ingest checks it before extracting). */
export function prepareDocument(raw: RawDocument, hash = contentHash(raw.text)): PreparedDocument {
  const text = raw.text;
  const lang = raw.lang?.toLowerCase().slice(0, 2) || detectLanguage(text);
  const date = raw.date ?? extractDocumentDate(text);
  const range = partialRange(date);
  const publisher = inferPublisher(raw.publisher, raw.url, text);
  const tsConfig = textSearchConfig(lang);
  const analysis = analyzeForStorage({ text, title: raw.title ?? null, lang, date });
  return {
    id: documentIdFor(hash),
    contentHash: hash,
    title: raw.title ?? null,
    source: raw.source,
    url: raw.url ?? null,
    externalId: raw.externalId ?? null,
    format: raw.format,
    lang,
    date,
    dateFrom: range?.from ?? null,
    dateTo: range?.to ?? null,
    publisher,
    sourceType: inferSourceType(publisher, raw.url),
    text,
    passages: analysis.passages.map((p) => ({ ...p, lang, tsConfig })),
    countries: analysis.countries,
    primary: analysis.primary,
    extraction: analysis.extraction,
  };
}
