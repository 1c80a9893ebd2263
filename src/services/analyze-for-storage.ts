/**
 * What ingestion stores of the extraction: per passage the countries and criteria (for search
 * filters and evidence), per document the countries with their primary flag, and a compact
 * summary of the document-level extraction.
 */
import type { PassageSpan } from '../core/types.js';

export interface StoredExtraction {
  primary: string[];
  criteria: Array<{ criterion: number; score: number; cues: string[] }>;
}

export interface StorageAnalysis {
  passages: Array<{ countries: Array<{ code: string; count: number }>; criteria: Array<{ criterion: number; score: number; cues: string[] }> }>;
  countries: Array<{ code: string; mentions: number; primary: boolean }>;
  extraction: StoredExtraction;
}

// INTEGRATION PENDING (lead): wired to src/extract/pipeline.ts once it lands.
export function analyzeForStorage(input: { text: string; title: string | null; lang: string; date: string | null; passages: PassageSpan[] }): StorageAnalysis {
  return {
    passages: input.passages.map(() => ({ countries: [], criteria: [] })),
    countries: [],
    extraction: { primary: [], criteria: [] },
  };
}
