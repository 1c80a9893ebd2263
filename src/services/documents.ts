/**
 * Use cases: the stored documents as adapters show them (the list, one document) and the country
 * mentions its page highlights. The mentions are found again on each view, by the same finder
 * the extraction uses, because the store keeps counts per country, not positions.
 */
import { findCountryMentions } from '../extract/mentions.js';
import type { DocumentDetail } from '../store/documents.js';

export { getDocument, listDocuments } from '../store/documents.js';
export type { DocumentDetail, DocumentSummary, ListDocumentsQuery } from '../store/documents.js';

export function documentMentions(doc: Pick<DocumentDetail, 'text' | 'lang'>): Array<{ start: number; end: number; code: string }> {
  return findCountryMentions(doc.text, doc.lang).map((m) => ({ start: m.start, end: m.end, code: m.code }));
}
