/**
 * What the store keeps of a document: the shape services prepare (`prepareDocument`) and
 * `storeDocuments` writes. It lives with the store, which persists it, so the store never
 * imports from services; it names extraction's types because it keeps extraction results.
 */
import type { CriterionTag, PassageSpan } from '../core/types.js';
import type { Extraction } from '../extract/pipeline.js';

export interface StoredExtraction {
  primary: string[];
  /**
   * Every country mentioned, most mentioned first, with its number of mentions and where they are
   * ([start, end) offsets; documents stored before offsets were kept have none).
   */
  mentions: Array<{ code: string; count: number; spans?: Array<[number, number]> }>;
  criteria: Extraction['criteria'];
  /** How much of the extraction the document's language gets ('full', 'countries', 'unsupported'). */
  support: Extraction['support'];
  figures: Extraction['figures'];
  tables: Array<{ number: number | null; caption: string; rows: number; source: string | null }>;
}

export interface StoredPassage extends PassageSpan {
  /** Countries the passage mentions, most mentioned first. */
  countries: string[];
  criteria: CriterionTag[];
  /** The states the passage speaks of (its criteria's `about` states, or its main states when it has no criteria). */
  about: string[];
}

export interface PreparedPassage extends StoredPassage {
  lang: string;
  tsConfig: string;
}

/** What a document is, as stored and as listed: identity, provenance, language and date. */
export interface DocumentHeader {
  id: string;
  title: string | null;
  source: string;
  url: string | null;
  externalId: string | null;
  format: string;
  lang: string;
  date: string | null;
  publisher: string | null;
  sourceType: string | null;
}

export interface PreparedDocument extends DocumentHeader {
  contentHash: string;
  dateFrom: string | null;
  dateTo: string | null;
  text: string;
  passages: PreparedPassage[];
  /** Countries mentioned, most mentioned first. */
  countries: string[];
  primary: string[];
  extraction: StoredExtraction;
}
