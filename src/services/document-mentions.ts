/**
 * The country mentions a document page highlights: the offsets its extraction stored at ingest, so a document page never
 * runs the country finder again. Documents stored before the offsets were kept are read the way
 * ingest read them (the same finder, on the stored text and language).
 * Apart from services/documents.ts so that listing documents does not load the country lexicon.
 */
import { findCountryMentions } from '../extract/mentions.js';
import type { DocumentDetail } from '../store/documents.js';

export interface MentionSpan {
  code: string;
  start: number;
  end: number;
}

type StoredMentions = Array<{ code?: unknown; spans?: unknown }>;

export function documentMentions(doc: Pick<DocumentDetail, 'text' | 'lang' | 'extraction'>): MentionSpan[] {
  const stored = (doc.extraction as { mentions?: StoredMentions } | null)?.mentions;
  if (Array.isArray(stored) && stored.every((m) => typeof m?.code === 'string' && Array.isArray(m.spans))) {
    return stored
      .flatMap((m) => (m.spans as Array<[number, number]>).map(([start, end]) => ({ code: m.code as string, start, end })))
      .sort((a, b) => a.start - b.start);
  }
  return findCountryMentions(doc.text, doc.lang).map(({ code, start, end }) => ({ code, start, end }));
}
