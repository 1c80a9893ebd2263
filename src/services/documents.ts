/** Use cases: the stored documents as adapters show them (the list, one document). */
export { getDocument, listDocuments } from '../store/documents.js';
export type { DocumentDetail, DocumentSummary, ListDocumentsQuery } from '../store/documents.js';
