/**
 * How values from a bundled reference list (`reference/*.csv`) name their source. The list's as-of
 * date and address travel inside the stored source name ("npt.csv; as of 2026-12-01; https://…"),
 * so a stored assessment explains its source the same way after the list is updated, and the pure
 * layers (assess, render) can word it without reading the file. Writer and reader live here together.
 */
import type { Lang } from './locale.js';

export const REFERENCE_SOURCE_ID = 'reference';

export interface ReferenceSource {
  /** File name in `reference/`. */
  file: string;
  /** Day the list was last checked against its source (YYYY-MM-DD). */
  asOf: string;
  /** The list's public source page. */
  url: string;
}

const SEP = '; ';
const PATTERN = /^(.+?); as of (\d{4}-\d{2}-\d{2}); (https?:\/\/\S+)$/;

/** The source file name stored with each value of a reference list. */
export function referenceSourceFile(r: ReferenceSource): string {
  return `${r.file}${SEP}as of ${r.asOf}${SEP}${r.url}`;
}

/** A value's source (`reference: npt.csv; as of …; https://…`, or the stored file name alone) → its parts; null for other sources. */
export function parseReferenceSource(source: string): ReferenceSource | null {
  const prefix = `${REFERENCE_SOURCE_ID}: `;
  const rest = source.startsWith(prefix) ? source.slice(prefix.length) : source;
  const m = PATTERN.exec(rest);
  return m ? { file: m[1], asOf: m[2], url: m[3] } : null;
}

const WORDS = {
  de: (r: ReferenceSource) => `Referenzliste, Stand ${r.asOf}, ${r.url}`,
  en: (r: ReferenceSource) => `reference list, as of ${r.asOf}, ${r.url}`,
};

/** "reference list, as of 2026-12-01, https://…" / "Referenzliste, Stand 2026-12-01, https://…". */
export function describeReferenceSource(r: ReferenceSource, lang: Lang): string {
  return WORDS[lang](r);
}
