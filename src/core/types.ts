/** Domain types shared by every layer. Pure data: no behaviour, no I/O. */

/** ISO 639-1 code ('de', 'en', …) or 'und' when undetermined. */
export type LanguageCode = string;

/** ISO 3166-1 alpha-2 code, plus XK (Kosovo); PS and TW are regular codes. */
export type CountryCode = string;

/** A document as a reader produced it, before extraction and storage. */
export interface RawDocument {
  /** Where it came from: a file path, `path#L12` for a JSONL line, `-` for stdin, or a URL. */
  source: string;
  /** Reader that produced it: txt, md, html, pdf, docx, jsonl. */
  format: string;
  text: string;
  title?: string | null;
  url?: string | null;
  /** Identifier given by the source (the `id` field of a JSONL line). */
  externalId?: string | null;
  /** Explicit document date (ISO partial: YYYY, YYYY-MM or YYYY-MM-DD); wins over detection. */
  date?: string | null;
  /** Explicit language; wins over detection. */
  lang?: string | null;
  publisher?: string | null;
}

/** A paragraph-level chunk; start/end are JavaScript string indices into the document text. */
export interface PassageSpan {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** One criterion of EU Common Position 2008/944/CFSP, 1–8. */
export type CriterionNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export type Rating = 'not_critical' | 'possibly_critical' | 'critical' | 'no_data';

/** A criterion a passage speaks to: its cue score and the cues that matched. */
export interface CriterionTag {
  criterion: number;
  score: number;
  cues: string[];
  /** The states this evidence concerns (actor, victim, place); absent on passages stored before migration 7. */
  about?: string[];
}

/** A stored passage the assessment reads as evidence: tagged with criteria, with its document's provenance. */
/** Aggregates of one evidence filter over a country's passages, as the store computes them. */
export interface StoredEvidenceMatch {
  /** The filter's key (which criterion, window and cues). */
  key: string;
  count: number;
  official: boolean;
  /** Distinct publisher names of the matching passages' documents (not normalised). */
  publishers: string[];
  /** Matching documents without a publisher: each is its own source. */
  unnamedDocs: number;
  /** The newest references, or null when none are kept. */
  refs: Array<{ docId: string; passageIdx: number; publisher: string | null; official: boolean }> | null;
}

export interface EvidenceFact {
  docId: string;
  passageIdx: number;
  docTitle: string | null;
  publisher: string | null;
  /** 'official' | 'ngo' | 'news' | 'research' | … */
  sourceType: string | null;
  /** ISO partial: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  snippet: string;
  criteria: CriterionTag[];
}

/** One SIPRI trade-register line (deal × delivery year), kept as it is. */
export interface ArmsDeal {
  sipriId: string;
  supplier: string;
  recipient: string;
  designation: string;
  description: string;
  category: string;
  orderYear: number | null;
  orderYearEstimated: boolean;
  numberDelivered: number | null;
  numberDeliveredEstimated: boolean;
  deliveryYear: number;
  deliveryYearEstimated: boolean;
  status: string;
  tivDealUnit: number | null;
  tivDelivered: number | null;
  localProduction: boolean;
  row: number;
}

/** One indicator value as the assessment reads it: year, value or code, and where it came from. */
export interface IndicatorFact {
  indicator: string;
  year: number;
  value: number | null;
  valueText: string | null;
  unit?: string | null;
  source: string;
  publisher?: string | null;
  /** Exact day the value became true (YYYY-MM-DD), where the dataset dates it: not read before that day. */
  date?: string | null;
}

/** Years a dataset covers (over all countries), so absence can be read as "none recorded". */
export interface IndicatorCoverage {
  indicator: string;
  firstYear: number;
  lastYear: number;
  source: string;
}
