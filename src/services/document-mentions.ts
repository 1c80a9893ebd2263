/**
 * The country mentions a document page highlights, found again on each view by the same finder the
 * extraction uses: the store keeps counts per country, not positions. Apart from services/documents.ts
 * so that listing documents does not load the country lexicon.
 */
import { findCountryMentions } from '../extract/mentions.js';
import type { DocumentDetail } from '../store/documents.js';

export function documentMentions(doc: Pick<DocumentDetail, 'text' | 'lang'>): Array<{ start: number; end: number; code: string }> {
  return findCountryMentions(doc.text, doc.lang).map((m) => ({ start: m.start, end: m.end, code: m.code }));
}
