/** Plain-language pieces shared by compare, diff and the CLI: values with year and source, rule lists. */
import type { Lang, Localized, ValueRead } from './types.js';
import { describeReferenceSource, parseReferenceSource } from '../core/reference-source.js';

const WORDS = {
  noRecord: { de: 'kein Eintrag', en: 'no record' },
  stale: { de: 'veraltet', en: 'stale' },
  noValues: { de: 'keine Werte', en: 'no values' },
} as const;

export function formatValue(v: ValueRead, lang: Lang = 'en'): string {
  const shown = v.valueText ?? (v.value === null ? '–' : String(roundForDisplay(v.value)));
  const flags = [v.imputed ? WORDS.noRecord[lang] : null, v.stale ? WORDS.stale[lang] : null].filter(Boolean);
  const who = v.country ? `${v.country}: ` : '';
  return `${who}${v.indicator}=${shown} (${v.year}, ${sourceWords(v.source, lang)}${flags.length ? `; ${flags.join(', ')}` : ''})`;
}

/** A value's source as the reader sees it: a reference list with its as-of date and address, else the stored name. */
export function sourceWords(source: string, lang: Lang = 'en'): string {
  const ref = parseReferenceSource(source);
  return ref ? describeReferenceSource(ref, lang) : source;
}

/** Four significant digits at most: 0.428428469566 → 0.4284, 12090.5 → 12090 (stored values stay exact). */
export function roundForDisplay(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toPrecision(4));
}

export function formatValues(values: ValueRead[], lang: Lang = 'en'): string {
  return values.length ? values.map((v) => formatValue(v, lang)).join('; ') : WORDS.noValues[lang];
}

export function pick<T>(l: { de: T; en: T }, lang: Lang): T {
  return l[lang];
}

/** A reason in the reader's language. Assessments stored before reasons were bilingual hold English strings. */
export function localize(text: Localized | string, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}
