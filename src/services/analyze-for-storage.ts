/**
 * What ingestion stores of the extraction: the passages (spans from the extraction's own split)
 * with their countries and criteria, per document the countries in order of mentions and the
 * primary ones, and a compact summary of the document-level extraction (the full one is
 * recomputed on demand by `extract`).
 */
import { extractDocument } from '../extract/pipeline.js';
import type { StoredExtraction, StoredPassage } from '../store/prepared-document.js';

export type { StoredExtraction, StoredPassage };

/** Figures kept in the stored summary; a 50 MB document must not produce a 50 MB JSON column. */
const MAX_STORED_FIGURES = 200;

export interface StorageAnalysis {
  passages: StoredPassage[];
  /** Countries the document mentions, most mentioned first. */
  countries: string[];
  primary: string[];
  extraction: StoredExtraction;
}

export function analyzeForStorage(input: { text: string; title: string | null; lang: string; date: string | null }): StorageAnalysis {
  const x = extractDocument({ text: input.text, title: input.title, lang: input.lang, date: input.date });
  return {
    passages: x.passages.map((p) => ({
      index: p.index,
      start: p.start,
      end: p.end,
      text: input.text.slice(p.start, p.end),
      countries: p.countries.map((c) => c.code),
      criteria: p.criteria.map((c) => ({ criterion: c.criterion, score: c.score, cues: c.cues.map(String), about: c.about })),
      about: p.about,
    })),
    countries: x.countries.map((c) => c.code),
    primary: x.primary,
    extraction: {
      primary: x.primary,
      mentions: x.countries.map((c) => ({ code: c.code, count: c.count, spans: c.mentions.map((m): [number, number] => [m.start, m.end]) })),
      criteria: x.criteria,
      support: x.support,
      figures: x.figures.slice(0, MAX_STORED_FIGURES),
      tables: x.tables.map((t) => ({ number: t.number ?? null, caption: t.caption, rows: t.rows.length, source: t.source ?? null })),
    },
  };
}
