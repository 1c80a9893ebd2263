/**
 * What ingestion stores of the extraction: per passage the countries and criteria (for search
 * filters and evidence), per document the countries with their primary flag, and a compact
 * summary of the document-level extraction (the full one is recomputed on demand by `extract`).
 */
import type { PassageSpan } from '../core/types.js';
import { extractDocument, type Extraction } from '../extract/pipeline.js';

/** Figures kept in the stored summary; a 50 MB document must not produce a 50 MB JSON column. */
const MAX_STORED_FIGURES = 200;

export interface StoredExtraction {
  primary: string[];
  criteria: Extraction['criteria'];
  figures: Extraction['figures'];
  tables: Array<{ number: number | null; caption: string; rows: number; source: string | null }>;
}

export interface StorageAnalysis {
  passages: Array<{ countries: Array<{ code: string; count: number }>; criteria: Array<{ criterion: number; score: number; cues: string[] }> }>;
  countries: Array<{ code: string; mentions: number; primary: boolean }>;
  extraction: StoredExtraction;
}

export function analyzeForStorage(input: { text: string; title: string | null; lang: string; date: string | null; passages: PassageSpan[] }): StorageAnalysis {
  const x = extractDocument({ text: input.text, title: input.title, lang: input.lang, date: input.date });
  // extractDocument splits passages with the same splitter; align by offsets to be safe.
  const byStart = new Map(x.passages.map((p) => [p.start, p]));
  const primary = new Set(x.primary);
  return {
    passages: input.passages.map((p) => {
      const e = byStart.get(p.start);
      return e && e.end === p.end
        ? { countries: e.countries, criteria: e.criteria.map((c) => ({ criterion: c.criterion, score: c.score, cues: c.cues.map(String) })) }
        : { countries: [], criteria: [] };
    }),
    countries: x.countries.map((c) => ({ code: c.code, mentions: c.count, primary: primary.has(c.code) })),
    extraction: {
      primary: x.primary,
      criteria: x.criteria,
      figures: x.figures.slice(0, MAX_STORED_FIGURES),
      tables: x.tables.map((t) => ({ number: t.number ?? null, caption: t.caption, rows: t.rows.length, source: t.source ?? null })),
    },
  };
}
